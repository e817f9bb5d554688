"""Build the site with Zensical as well as MkDocs, and show what readers would get differently.

    make zensical-check        (installs Zensical in .venv-zensical, then runs this)
    python -m tools.zensical_check --zensical .venv-zensical/bin/zensical [--out DIR]

Zensical (the successor of Material for MkDocs) reads mkdocs.yml, but runs neither MkDocs hooks nor
mkdocs-macros' page hooks, and its templates do not see what define_env adds to the configuration.
So Zensical builds a copy of the project with a small derived configuration, zensical.yml, that
inherits mkdocs.yml and adds only what it cannot get otherwise (printed as "Adapted" lines). Both
outputs then get the post-build step (deploy/publish.py), and every page is compared.

Exit status: 0 when no difference matters to readers, 1 when one does (the table says which), 2
when Zensical cannot build the site at all. Which checks matter is set in CHECKS below.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from tools.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent


# --- what is compared on each page -----------------------------------------------------------


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text()).strip() if node else "—"


def _sources(soup: BeautifulSoup) -> str:
    heading = soup.select_one("h2#sources")
    if not heading:
        return "—"
    items = heading.find_next("ol")
    return " | ".join(_text(li) for li in items.find_all("li", recursive=False)) if items else "heading, no list"


def _links(soup: BeautifulSoup, selector: str, attr: str = "href") -> str:
    return " ".join(a.get(attr, "") for a in soup.select(selector)) or "—"


def _help_link(soup: BeautifulSoup) -> str:
    link = soup.select_one('[data-ipt="help-link"]')
    return f"{_text(link)} -> {link.get('href')}" if link else "—"


def _meta_csp(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if not meta:
        return "—"
    # Present, and as strict as MkDocs' (hashes differ with each theme's inline scripts).
    policy = re.sub(r"'sha256-[^']+'", "'sha256-…'", meta.get("content", ""))
    return "unsafe-inline!" if "unsafe-inline" in policy else f"present ({len(policy.split(';'))} directives)"


@dataclass(frozen=True)
class Check:
    name: str
    read: Callable[[BeautifulSoup], str]
    matters: bool  # True: a difference changes what readers get, and fails the check


CHECKS = (
    Check("heading", lambda s: _text(s.select_one("article h1") or s.select_one("h1")), True),
    Check("Get help now link", _help_link, True),
    Check("medical disclaimer", lambda s: _text(s.select_one('[data-ipt="disclaimer-medical"]')), True),
    Check("crisis disclaimer", lambda s: _text(s.select_one('[data-ipt="disclaimer-crisis"]')), True),
    Check(
        "boxes in the text", lambda s: " | ".join(_text(t) for t in s.select("article .admonition-title")) or "—", True
    ),
    Check("finder box", lambda s: _text(s.select_one('[data-ipt="finder"]')), True),
    Check("crisis numbers", lambda s: _links(s, 'a[href^="tel:"], a[href^="sms:"]'), True),
    # macros/citations.py writes each citation as <a class="cite" href="#source-N">[N]</a>.
    Check("citations", lambda s: " ".join(f"{a.get('href')} {_text(a)}" for a in s.select("a.cite")) or "—", True),
    Check("Sources list", _sources, True),
    Check("review dates", lambda s: _text(s.select_one('[data-ipt="review-dates"]')), True),
    Check("glossary tooltips", lambda s: str(len(s.select("article abbr[title]"))), True),
    Check("meta CSP", _meta_csp, True),
    # Read by search engines, not shown to readers.
    Check("JSON-LD", lambda s: "present" if s.select_one('script[type="application/ld+json"]') else "—", False),
)


@dataclass(frozen=True)
class Difference:
    page: str
    check: str
    mkdocs: str
    zensical: str
    matters: bool


def pages(site: Path) -> set[str]:
    """The site's HTML pages, as paths below the site folder."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.name.startswith("google")}


def _resolve_links(soup: BeautifulSoup, page: str) -> BeautifulSoup:
    """Links as paths from the site root: `./get-help-now/` and `get-help-now/` are the same link."""
    base = "/" + page.rsplit("/", 1)[0] + "/" if "/" in page else "/"
    for a in soup.select("a[href]"):
        a["href"] = urljoin(base, a["href"])
    return soup


def compare_page(page: str, mkdocs_html: str, zensical_html: str) -> list[Difference]:
    ours, theirs = (_resolve_links(BeautifulSoup(h, "html.parser"), page) for h in (mkdocs_html, zensical_html))
    found = []
    for check in CHECKS:
        a, b = check.read(ours), check.read(theirs)
        if a != b:
            found.append(Difference(page, check.name, a, b, check.matters))
    return found


# What MkDocs hooks (macros/hooks_search.py) add outside the pages, and Zensical, which runs no
# hooks, may not: the help card's data, and the search fields that carry readers' own words and
# the crisis phrases. Without them a reader in crisis gets no card and may not find Get help now.
CARD_SCRIPT = "javascripts/crisis-search.js"
CARD_DATA_MISSING = re.compile(r"CRISIS_SEARCH_DATA\s*=\s*null\b")
SEARCH_INDEX = "search/search_index.json"


def _card_data(site: Path) -> str:
    script = site / CARD_SCRIPT
    if not script.is_file():
        return "—"
    return "missing (null)" if CARD_DATA_MISSING.search(script.read_text(encoding="utf-8")) else "present"


def _search_fields(site: Path) -> str:
    index = site / SEARCH_INDEX
    if not index.is_file():
        return "—"
    return " ".join(sorted(json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("fields", {}))) or "—"


SITE_CHECKS = (("crisis help card data", _card_data), ("search index fields", _search_fields))


def compare_site(mkdocs_site: Path, zensical_site: Path) -> list[Difference]:
    """Site-wide files both engines must write alike; every one of them matters to readers."""
    found = []
    for name, read in SITE_CHECKS:
        a, b = read(mkdocs_site), read(zensical_site)
        if a != b:
            found.append(Difference("(whole site)", name, a, b, True))
    return found


def compare(mkdocs_site: Path, zensical_site: Path) -> list[Difference]:
    ours, theirs = pages(mkdocs_site), pages(zensical_site)
    found = compare_site(mkdocs_site, zensical_site)
    found += [Difference(p, "page", "present", "missing", True) for p in sorted(ours - theirs)]
    found += [Difference(p, "page", "missing", "present", False) for p in sorted(theirs - ours)]
    for page in sorted(ours & theirs):
        found += compare_page(
            page, (mkdocs_site / page).read_text(encoding="utf-8"), (zensical_site / page).read_text(encoding="utf-8")
        )
    return found


def table(differences: list[Difference], width: int = 48) -> str:
    """A plain-text table, one row per difference (long values shortened)."""

    def cut(value: str) -> str:
        return value if len(value) <= width else value[: width - 1] + "…"

    rows = [("page", "check", "MkDocs", "Zensical", "matters")]
    rows += [(d.page, d.check, cut(d.mkdocs), cut(d.zensical), "YES" if d.matters else "no") for d in differences]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def summary(differences: list[Difference], checked_pages: int) -> str:
    by_check: dict[str, int] = {}
    for d in differences:
        by_check[d.check] = by_check.get(d.check, 0) + 1
    same = [c.name for c in CHECKS if c.name not in by_check]
    out = [
        f"{checked_pages} pages compared; {len(differences)} differences "
        f"({sum(d.matters for d in differences)} that matter to readers)."
    ]
    out += [f"  {name}: differs on {n} page(s)" for name, n in by_check.items()]
    out.append("  the same on every page: " + (", ".join(same) or "nothing"))
    return "\n".join(out)


# --- the two builds --------------------------------------------------------------------------


def zensical_config(project: Path) -> tuple[dict, list[str]]:
    """The derived configuration Zensical builds with, and why each addition is needed."""
    from macros import render, template_data
    from macros.citations import NAME
    from macros.data_files import load_all
    from macros.tooltips import NAME as TOOLTIPS

    shared, _, glossary = load_all(project)
    config = {
        "INHERIT": "mkdocs.yml",  # Zensical appends the lists below to mkdocs.yml's
        "site_dir": "zensical-site",
        "markdown_extensions": [NAME, {"abbr": {"glossary": render.tooltips(glossary)}}, TOOLTIPS],
        "extra": {"shared": template_data(shared)},
    }
    why = [
        "site_dir: zensical-site — Zensical has no option for the output folder",
        f"markdown_extensions: + {NAME} — MkDocs gets it from define_env; Zensical converts a page's"
        " Markdown before define_env runs, so it must be named (with the project on PYTHONPATH)",
        "markdown_extensions: abbr glossary from macros/data/glossary.yml, and + macros.tooltips (each"
        " term's first use only) — same reason: set by define_env, they come too late for the first"
        " page Zensical builds",
        "extra.shared: from macros/data/shared-content.yml — Zensical's templates do not see what"
        " define_env adds to the configuration",
    ]
    return config, why


def build_zensical(zensical: Path, out: Path) -> tuple[Path | None, str]:
    work = copy_project(Path(tempfile.mkdtemp(prefix="ipt-zensical-")))
    config, why = zensical_config(work)
    (work / "zensical.yml").write_text(json.dumps(config, indent=1, ensure_ascii=False), encoding="utf-8")
    print("Adapted for Zensical (zensical.yml, inheriting mkdocs.yml):")
    print("\n".join(f"  - {line}" for line in why))
    env = {**os.environ, "PYTHONPATH": str(work)}
    result = subprocess.run(
        [str(zensical), "build", "--strict", "-f", "zensical.yml"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        return None, log
    target = out / "zensical"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work / "zensical-site", target)
    shutil.rmtree(work, ignore_errors=True)
    return target, log


def build_mkdocs(out: Path) -> Path:
    target = out / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--clean", "-d", str(target)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=900,
    )
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", type=Path, required=True, help="the zensical command (in its own venv)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "ipt-guide-zensical-check")
    args = parser.parse_args(argv)
    from deploy.publish import PublishError, publish

    version = subprocess.run([str(args.zensical), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Zensical: {version or args.zensical}")
    zensical_site, log = build_zensical(args.zensical.resolve(), args.out)
    if zensical_site is None:
        print("Zensical could not build the site. Its last lines:")
        print("\n".join("  " + line for line in log.splitlines()[-15:]))
        return 2
    mkdocs_site = build_mkdocs(args.out)
    publish(mkdocs_site, ROOT)  # the post-build step `make build` runs: meta CSP, header files, robots.txt
    differences = []
    try:
        publish(zensical_site, ROOT)
    except PublishError as err:
        differences.append(Difference("(whole site)", "post-build step", "ran", f"stopped: {err}", True))
    differences += compare(mkdocs_site, zensical_site)
    print(f"Sites: {mkdocs_site} (MkDocs) and {zensical_site} (Zensical)\n")
    if differences:
        print(table(differences) + "\n")
    print(summary(differences, len(pages(mkdocs_site) & pages(zensical_site))))
    return 1 if any(d.matters for d in differences) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
