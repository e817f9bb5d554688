# The IPT guide. Two commands matter:
#   make serve   set everything up, then preview the site at http://127.0.0.1:8000
#   make check   after each edit: the build and every content check, no browser (~20 s; ~30 s after
#                an edit: the built site is kept in .pytest_cache/ while nothing it reads changes)
#   make test    set everything up, then run every check (what CI runs; ~7 min on two quiet cores)
# Needs only python3 (3.11.5+), make and git; the rest is installed here.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PIP     := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes
export NO_MKDOCS_2_WARNING := 1   # Material's end-of-life banner; we know (see README)

# Tests run on every core (pytest-xdist, at most 4 workers), each worker with one browser;
# `worksteal` hands a waiting worker the tests another has queued. The site is built once per run.
# Set JOBS=0 to run everything in one process (e.g. to debug).
JOBS    ?= auto
PYTEST  := $(BIN)/python -m pytest -n $(JOBS) --maxprocesses=4 --dist worksteal

.PHONY: serve check test build system-packages benchmark check-external-links zensical-check lock clean

serve: $(VENV)/.site  ## preview with live reload
	$(BIN)/mkdocs serve --strict --livereload -a 127.0.0.1:8000

check: $(VENV)/.test  ## after each edit: build + every content check (links, front matter, reading level, spelling, sources...), no browser
	$(PYTEST) -q -m "not (browser or nginx or benchmark or bad_example)"

test: $(VENV)/.test system-packages  ## every check, as CI runs them
	$(PYTEST)

build: $(VENV)/.site  ## the production site, into site/
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/python -m deploy.publish site   # meta CSP, header files, robots.txt (any engine's output)

benchmark: $(VENV)/.test system-packages  ## page weight, Lighthouse, build time vs stock Material -> BENCHMARKS.md (~30 min)
	@command -v npm >/dev/null || $(call apt,nodejs npm)
	npm ci --no-audit --no-fund
	$(BIN)/python -m benchmarks.run

check-external-links: $(VENV)/.test  ## do the site's web addresses still open? (needs the internet; weekly on GitHub)
	PYTHONPATH=tests $(BIN)/python -m quality.external_links

zensical-check: $(VENV)/.test .venv-zensical/.ok  ## build with Zensical too and compare with MkDocs (not part of make test)
	$(BIN)/python -m tools.zensical_check --zensical .venv-zensical/bin/zensical

# --- setup ---------------------------------------------------------------------------------
$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || \
	  { echo "Python 3.11.5 or newer is needed; found $$($(PYTHON) --version)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { $(call apt,python3-venv) && $(PYTHON) -m venv $(VENV); }
	@touch $@

$(VENV)/.site: requirements.txt | $(VENV)/.python-ok
	$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.test: requirements-test.txt | $(VENV)/.python-ok
	$(PIP) -r requirements-test.txt
	@touch $@ $(VENV)/.site

# Zensical, Material for MkDocs' successor, in a virtualenv of its own (only from PyPI).
.venv-zensical/.ok: requirements-zensical.txt | $(VENV)/.python-ok
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-zensical.txt
	@touch $@

# Debian's Chromium: its headless build for the browser tests, the full browser for Lighthouse and
# the social card (Playwright's own browser download is never used); nginx for the test of the
# shipped server config, pdftotext for the print test.
system-packages:
	@command -v chromium >/dev/null && command -v chromium-headless-shell >/dev/null && command -v nginx >/dev/null \
	  && command -v pdftotext >/dev/null || $(call apt,chromium chromium-headless-shell nginx poppler-utils)

# Install Debian packages as root, or through sudo.
apt = { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
        $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(1); }

# --- maintenance ---------------------------------------------------------------------------
lock:  ## re-pin every dependency after editing requirements*.in
	$(PYTHON) -m venv /tmp/ipt-guide-lock && /tmp/ipt-guide-lock/bin/pip install -q pip-tools==7.6.2
	for f in requirements requirements-test requirements-zensical; do \
	  /tmp/ipt-guide-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links -o $$f.txt $$f.in; done

clean:
	rm -rf site .pytest_cache test-results .venv-zensical
