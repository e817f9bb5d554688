"""Links in the built HTML that MkDocs' own checks do not see (raw HTML, macro output, the theme).

Internal links and #anchors: mkdocs-htmlproofer-plugin, run through a test-only config that
INHERITs mkdocs.yml (so mkdocs.yml stays as it is). Its one-line log messages are turned into
editor lines pointing at the file and line the link was written on.
External links: their form is checked offline here; whether they open is checked by
external_links.py, which needs the internet and is not part of `make test`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.utils.yaml import yaml_load

from macros.data_files import dump_yaml
from support.site_pages import Source, built_path, read_source, seen, sources

from .report import in_order, where

LINKS_CONFIG = "mkdocs.links.yml"
PROOFER = re.compile(r"htmlproofer: invalid url - (?P<url>.+) \[(?P<status>-?\d+)\] \[(?P<src>.+)\]$")
# Where a link can be written other than in the page itself: the theme and the data files.
OTHER_PLACES = ("overrides", "macros/data")


def write_links_config(project_dir: Path, external: bool) -> Path:
    """mkdocs.links.yml next to mkdocs.yml: inherits everything and adds htmlproofer.

    INHERIT replaces lists rather than merging them, so the parent's plugin list is copied in.
    """
    with (project_dir / "mkdocs.yml").open("rb") as file:
        parent = yaml_load(file)
    proofer = {
        "validate_external_urls": external,
        "validate_rendered_template": True,  # the theme's links too, not only the page body
        "raise_error_after_finish": True,  # report every bad link, then fail
        "skip_downloads": True,
    }
    child = {"INHERIT": "mkdocs.yml", "plugins": [*parent.get("plugins", []), {"htmlproofer": proofer}]}
    path = project_dir / LINKS_CONFIG
    path.write_text(dump_yaml(child), encoding="utf-8")
    return path


def build_with_proofer(project_dir: Path, site_dir: Path, external: bool = False) -> subprocess.CompletedProcess[str]:
    config = write_links_config(project_dir, external)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)],
        cwd=project_dir,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def proofer_problems(project_dir: Path, site_dir: Path, result: subprocess.CompletedProcess[str]) -> list[str]:
    """One editor line per bad link htmlproofer logged; the build's own errors if it failed otherwise."""
    out = []
    for line in result.stderr.splitlines():
        match = PROOFER.search(line.strip())
        if match:
            src = read_source(project_dir, project_dir / "docs" / match["src"])
            out.append(_describe(project_dir, site_dir, src, match["url"], int(match["status"])))
    if result.returncode != 0 and not out:
        noise = ("INFO", "Aborted with")
        out = [
            f"the build failed: {l.strip()}"
            for l in result.stderr.splitlines()
            if l.strip() and not l.startswith(noise)
        ]
    return in_order(out)


def _describe(project_dir: Path, site_dir: Path, src: Source, url: str, status: int) -> str:
    at = locate(project_dir, src, url)
    parts = urlsplit(url)
    if parts.scheme:
        why = "could not be reached" if status in (-1, 504) else f"answered with error {status}"
        return f"{at}: web address '{url}' {why} — open it in a browser; fix it, replace it or remove it"
    page = built_path(site_dir, src.uri)
    target = (
        page
        if not parts.path
        else (site_dir / parts.path.lstrip("/") if parts.path.startswith("/") else page.parent / unquote(parts.path))
    )
    target = Path(os.path.normpath(target))
    if target.is_dir():
        target /= "index.html"
    if parts.fragment and target.is_file():
        return (
            f"{at}: link '{url}' goes to a section '#{parts.fragment}' that is not on that page"
            " — copy the section's address from the ¶ next to its heading"
        )
    return (
        f"{at}: link '{url}' goes to a page or file that does not exist — fix the address;"
        " for pages of this guide write [text](page.md) so the build checks it"
    )


def locate(project_dir: Path, src: Source, text: str) -> str:
    """'docs/page.md:LINE' where `text` is written; else the theme or data-file line that has it."""
    line = src.line_of(text)
    if line:
        return where(src.label, line)
    for needle in _written_as(text):
        for place in OTHER_PLACES:
            for file in sorted((project_dir / place).rglob("*")):
                if file.suffix in {".html", ".yml"} and needle in (body := file.read_text(encoding="utf-8")):
                    # One line for the file, however many pages show the link.
                    return where(file.relative_to(project_dir).as_posix(), body.count("\n", 0, body.index(needle)) + 1)
    return f"{src.label}: (made by a macro or the theme)"


def _written_as(url: str) -> list[str]:
    """How a link may be written in a data file: as is, or as the bare DOI or PubMed number."""
    for prefix in ("https://doi.org/", "https://pubmed.ncbi.nlm.nih.gov/"):
        if url.startswith(prefix):
            return [url, unquote(url.removeprefix(prefix).rstrip("/"))]
    return [url]


# --- external links: their form, offline ----------------------------------------------------

SAFE_OTHER = {
    "tel": re.compile(r"\+?[0-9]+"),
    "sms": re.compile(r"\+?[0-9]+"),
    "mailto": re.compile(r"[^@\s/]+@[^@\s/]+\.[^@\s/?]+(\?\S*)?"),
}


def url_problem(url: str) -> bool:
    """True if a link with a scheme (or '//host') is not a well-formed https:, tel:, sms: or mailto: link."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # reading it raises ValueError for a bad port
    except ValueError:
        return True
    if not parts.scheme and not parts.netloc:
        return False  # a link inside the site, checked by htmlproofer
    if parts.scheme == "https":
        host = parts.hostname or ""
        return not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", host) or re.search(r"\s", url) is not None
    pattern = SAFE_OTHER.get(parts.scheme)
    return pattern is None or not pattern.fullmatch(url.split(":", 1)[1])


def external_form_problems(project_dir: Path, site_dir: Path) -> list[str]:
    """Every href/src on every built page that is an http:, javascript:, data:, malformed … address."""
    by_html = {built_path(site_dir, s.uri).resolve(): s for s in sources(project_dir)}
    out = []
    for html in sorted(site_dir.rglob("*.html")):
        soup = seen(html)
        src = by_html.get(html.resolve())
        for tag in soup.select("[href], [src]"):
            url = str(tag.get("href") or tag.get("src"))
            if not url_problem(url):
                continue
            at = (
                locate(project_dir, src, url)
                if src
                else f"site/{html.relative_to(site_dir).as_posix()}: (from the theme)"
            )
            out.append(
                f"{at}: link '{url}' is not a safe, complete web address — write it as https://…"
                " (tel:, sms: and mailto: links are allowed too)"
            )
    return in_order(out)
