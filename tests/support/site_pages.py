"""Finding the pages, for every kind of test: Markdown sources in docs/ and their front matter, the
URL path and HTML file each one builds to, and the pages the built sitemap lists. Never a hard-coded list.
"""

from __future__ import annotations

import copy
import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from macros import page_url
from macros.data_files import parse_yaml
from macros.schema import is_article

ROOT = Path(__file__).resolve().parents[2]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# The same front-matter block MkDocs reads (mkdocs.utils.meta): '---', YAML, then '---' or '...'.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass
class Source:
    """One Markdown page in docs/."""

    path: Path
    label: str  # 'docs/what-is-ipt.md', as editors see it
    uri: str  # 'what-is-ipt.md', relative to docs/
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_error: str | None = None  # why the front matter could not be read, if it could not
    meta_error_line: int | None = None

    @property
    def url_path(self) -> str:
        return page_path(self.uri)

    @property
    def is_article(self) -> bool:
        return is_article(self.meta)

    def line_of_key(self, key: str) -> int | None:
        """Line number (1-based, in the file) of a top-level front-matter key."""
        match = FRONT_MATTER.match(self.text)
        if not match:
            return None
        for n, line in enumerate(match.group(1).splitlines(), start=2):  # line 1 is '---'
            if re.match(rf"{re.escape(key)}\s*:", line):
                return n
        return None

    def line_of(self, needle: str) -> int | None:
        """First line (1-based) that contains `needle`."""
        index = self.text.find(needle)
        return None if index < 0 else self.text.count("\n", 0, index) + 1


def is_page(uri: str) -> bool:
    """MkDocs 1.6 leaves out dot-files and the top-level templates/ folder by default; so do we."""
    parts = uri.split("/")
    return not (parts[0] == "templates" or any(p.startswith(".") for p in parts))


def read_source(root: Path, path: Path) -> Source:
    uri = path.relative_to(root / "docs").as_posix()
    text = path.read_text(encoding="utf-8")
    meta, error, error_line = _front_matter(text)
    return Source(path, f"docs/{uri}", uri, text, copy.deepcopy(meta), error, error_line)


@functools.lru_cache(maxsize=1024)
def _front_matter(text: str) -> tuple[dict[str, Any], str | None, int | None]:
    """(meta, error, error line) of a page's text. Cached by the text itself, so never stale: the
    checks read every page many times, and YAML parsing was a fifth of `make check`'s time."""
    match = FRONT_MATTER.match(text)
    if not match:
        return (
            {},
            "no front matter — start the file with the block between '---' lines (copy docs/templates/article.md)",
            None,
        )
    try:
        meta = parse_yaml(match.group(1))
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 2 if err.problem_mark else 1
        return {}, f"front matter is not valid YAML ({err.problem}) — check colons, quotes and indentation", line
    if not isinstance(meta, dict):
        return {}, "front matter is not a list of 'key: value' lines — write one key per line", None
    return meta, None, None


def sources(root: Path) -> list[Source]:
    """Every page in docs/ (not the templates), sorted by file name."""
    docs = root / "docs"
    return [read_source(root, p) for p in sorted(docs.rglob("*.md")) if is_page(p.relative_to(docs).as_posix())]


def built_path(site: Path, uri: str) -> Path:
    """'what-is-ipt.md' -> site/what-is-ipt/index.html; 'focus-areas/index.md' -> site/focus-areas/index.html."""
    return page_file(site, page_path(uri))


def built(site: Path, uri: str) -> BeautifulSoup:
    """A fresh parse of the page built from `uri`, for a test that changes it (bad examples)."""
    return BeautifulSoup(built_path(site, uri).read_text(encoding="utf-8"), "html.parser")


def seen(html_file: Path) -> BeautifulSoup:
    """The built page, parsed once per run and shared: read it, never change it (use built() or
    BeautifulSoup() for a copy to break). Parsing was two fifths of `make check`'s time: the checks
    read each of the site's pages a dozen times. Cached by the file's text, so never stale."""
    return seen_html(html_file.read_text(encoding="utf-8"))


def seen_built(site: Path, uri: str) -> BeautifulSoup:
    """seen() of the page built from `uri` ('what-is-ipt.md')."""
    return seen(built_path(site, uri))


@functools.lru_cache(maxsize=256)
def seen_html(html: str) -> BeautifulSoup:
    """seen() of an HTML text: parsed once per run, shared, read-only."""
    return BeautifulSoup(html, "html.parser")


def article_content(soup: BeautifulSoup):
    """The <article> Material puts the page content in (the body, then our article footer)."""
    return soup.select_one("article.md-content__inner")


def sources_list(soup: BeautifulSoup) -> list[str]:
    """The entries of the page's generated 'Sources' list (empty if the page cites nothing)."""
    heading = soup.select_one("h2#sources")
    ol = heading.find_next_sibling("ol") if heading else None
    return [" ".join(li.get_text(" ").split()) for li in ol.find_all("li", recursive=False)] if ol else []


def article_paths(docs: Path) -> list[str]:
    """URL paths of the pages that end with the article footer: front matter without `kind: page`."""
    return sorted(src.url_path for src in sources(docs.parent) if src.is_article)


# --- URLs and the built site -----------------------------------------------------------------


def page_path(src_uri: str) -> str:
    """The URL path a source file is published at (directory URLs), e.g. 'focus-areas/grief/'."""
    return page_url(src_uri)


def page_file(site: Path, path: str) -> Path:
    """The file a URL path is served from: '' -> index.html, 'about/' -> about/index.html."""
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def sitemap_paths(sitemap_xml: str, site_url: str) -> list[str]:
    """The path of every page in sitemap.xml, relative to site_url ('' is the home page).

    The sitemap holds production addresses (site_url); the tests map them onto the loopback
    server by path. A <loc> outside site_url means the sitemap and config disagree: that is an error.
    """
    root_path = urlsplit(site_url).path
    paths: list[str] = []
    for loc in ET.fromstring(sitemap_xml).iterfind("sm:url/sm:loc", SITEMAP_NS):
        url = (loc.text or "").strip()
        if not url.startswith(site_url):
            raise ValueError(f"sitemap.xml: <loc>{url}</loc> is not under site_url {site_url}")
        paths.append(urlsplit(url).path.removeprefix(root_path))
    if not paths:
        raise ValueError("sitemap.xml lists no pages")
    return paths


@functools.cache
def configured_site_url() -> str:
    """The production address mkdocs.yml builds the real site for (SITE_URL, or its default)."""
    return load_config(str(ROOT / "mkdocs.yml")).site_url


def site_paths(site: Path) -> list[str]:
    """Every page of a site built from mkdocs.yml, from its sitemap ('' = home, 'about/', …)."""
    return sitemap_paths((site / "sitemap.xml").read_text(encoding="utf-8"), configured_site_url())
