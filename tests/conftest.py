"""Shared fixtures: the real site built once, and throwaway copies of the project for bad-input scenarios."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from deploy.publish import publish
from macros.data_files import dump_yaml, parse_yaml
from tools.project_copy import PROJECT_PARTS, copy_project

ROOT = Path(__file__).resolve().parent.parent


def build_site(out: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out))
    build(config)
    publish(out, ROOT)  # the post-build step `make build` runs: meta CSP, header files, robots.txt


# What a kept build depends on besides the installed packages (pinned in requirements*.txt: the
# link check's htmlproofer is a test requirement).
BUILD_INPUTS = (*PROJECT_PARTS, "requirements.txt", "requirements-test.txt", "tests/conftest.py")


def build_key(extra_inputs: tuple[str, ...] = (), root: Path = ROOT) -> str:
    """A hash of everything a build reads: the project's files, the pinned packages, SITE_URL and
    today's date (the build refuses dates in the future, and the sitemap carries the build date);
    and of `extra_inputs` (files or folders of the project)."""
    digest = hashlib.sha256(f"{os.environ.get('SITE_URL', '')}|{dt.date.today()}".encode())
    for part in (*BUILD_INPUTS, *extra_inputs):
        path = root / part
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for file in files if path.is_dir() else [path] if path.exists() else []:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def kept(
    request: pytest.FixtureRequest, name: str, extra_inputs: tuple[str, ...], make: Callable[[Path], None]
) -> Path:
    """A folder that make(folder) fills from the project, made once per version of its inputs.

    Kept in pytest's cache folder (.pytest_cache/d/<name>/) under a hash of everything a build
    reads (build_key) and of `extra_inputs` (the test code that makes it): a run after a change
    makes it anew, a run after no change (the second `make check`) reuses it. With parallel
    workers, the first makes it and the others wait for it. Tests only read it.
    """
    cache = getattr(request.config, "cache", None)  # None with -p no:cacheprovider: made once per run
    if cache:
        folder = Path(cache.mkdir(name))
    else:  # the run's own temp folder, shared by its workers
        run = request.getfixturevalue("tmp_path_factory").getbasetemp()
        folder = (run.parent if os.environ.get("PYTEST_XDIST_WORKER") else run) / name
        folder.mkdir(exist_ok=True)
    key = build_key(extra_inputs)
    out, done = folder / key, folder / f"{key}.done"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if make() fails
        if not done.exists():
            for old in folder.iterdir():  # earlier versions, or what a failed make() left
                if old.name != "lock":
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
            out.mkdir()
            make(out)
            done.touch()
    return out


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest) -> Path:
    """The real site, built in-process with the real config (strict), as readers get it; built once
    per version of the project (kept())."""
    return kept(request, "built-site", (), build_site)


def read_shared_content() -> dict:
    """macros/data/shared-content.yml as data (also for parametrizing tests, before fixtures exist)."""
    return parse_yaml((ROOT / "macros/data/shared-content.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_content() -> dict:
    return read_shared_content()


class Project:
    """A copy of the project in a temp folder, to break on purpose and build with the real CLI."""

    def __init__(self, path: Path) -> None:
        self.path = copy_project(path)

    def edit_yaml(self, relative: str, change) -> None:
        file = self.path / relative
        data = parse_yaml(file.read_text(encoding="utf-8"))
        change(data)
        file.write_text(dump_yaml(data), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        (self.path / relative).parent.mkdir(parents=True, exist_ok=True)
        (self.path / relative).write_text(text, encoding="utf-8")

    def build(self) -> subprocess.CompletedProcess[str]:
        """What `make build` does: the real CLI build, then the post-build publishing step."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(self.path / "site")],
            cwd=self.path,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        if result.returncode != 0:
            return result
        return self.publish()

    def publish(self) -> subprocess.CompletedProcess[str]:
        """The post-build step alone, on this copy's site/, as `make build` runs it."""
        return subprocess.run(
            [sys.executable, "-m", "deploy.publish", "site"], cwd=self.path, capture_output=True, text=True, timeout=120
        )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines of a failed build that speak to the editor (MkDocs' own noise removed)."""
    noise = ("Aborted with", "INFO", "ERROR   -  Error reading page")
    return [l for l in result.stderr.splitlines() if l.strip() and not l.startswith(noise)]


# --- the real browser: Debian's Chromium, driven by Playwright, with no network but loopback -----

CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    # Resolve no host name except loopback: the browser itself cannot reach the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


# Debian's headless build of the same Chromium (package chromium-headless-shell, the browser
# Playwright itself runs headless): the same Blink and V8, without the desktop browser's window
# machinery, so each page costs less CPU (the axe sweep at phone size: 50 s of CPU, not 65-77 s).
HEADLESS_CHROMIUM = "chromium-headless-shell"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options: Debian's Chromium, never a downloaded browser."""
    chromium = shutil.which(HEADLESS_CHROMIUM)
    if chromium is None:
        pytest.exit(f"{HEADLESS_CHROMIUM} is not installed: run `make test`, which installs it", returncode=4)
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site: Path):
    """The built site served over loopback with gzip, like a static host (overrides pytest-playwright's)."""
    from support.server import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def nginx_url(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The real site, as built by the `site` fixture, served by REAL nginx with deploy/nginx.conf."""
    from support.nginx import run_nginx

    with run_nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


# --- groups of tests, so `make check` can leave out what needs a browser or a server ------------
# Marked here by what a test uses, so new tests in the usual style are grouped without extra work.
# `make check` (after each edit) runs the content checks on the real content; the tests that feed a
# check a broken copy of the project (`project`) prove the checks themselves, and run in `make test`.

BROWSER_FIXTURES = {"browser", "context", "page", "window", "browser_type", "base_url"}
BROWSER_FOLDERS = ("browser",)  # tests/browser/: every test there drives Chromium or checks what does


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = ROOT / "tests"
    for item in items:
        folder = Path(item.path).relative_to(tests).parts[0] if Path(item.path).is_relative_to(tests) else ""
        names = set(getattr(item, "fixturenames", ()))
        if folder in BROWSER_FOLDERS or names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if "nginx_url" in names:
            item.add_marker(pytest.mark.nginx)
        if folder == "benchmarks":
            item.add_marker(pytest.mark.benchmark)
        if "project" in names:
            item.add_marker(pytest.mark.bad_example)


# --- with parallel workers, the reading-level table still prints after the run -------------------
# Each worker runs its share of the tests in its own process; the table a worker made travels back
# to the main process on the test's report, and is printed there (tests/quality/conftest.py prints
# it when the tests run in one process).

READING_TABLE = "reading level table"
_reading_table: list[str] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    # At teardown, when a test that set its own table (monkeypatch) has put the real one back.
    if report.when == "teardown" and os.environ.get("PYTEST_XDIST_WORKER") and "quality.readability" in sys.modules:
        table = sys.modules["quality.readability"].LAST_TABLE
        if table and table not in _reading_table:
            _reading_table.append(table)
            report.user_properties.append((READING_TABLE, table))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        _reading_table.extend(value for name, value in report.user_properties if name == READING_TABLE)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _reading_table and not os.environ.get("PYTEST_XDIST_WORKER"):
        terminalreporter.section("reading level (Flesch-Kincaid grade)")
        terminalreporter.write_line(_reading_table[-1])
