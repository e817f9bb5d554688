"""Finding the pages: Markdown sources in docs/, their front matter, and the HTML each one builds to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

# The same front-matter block MkDocs reads (mkdocs.utils.meta): '---', YAML, then '---' or '...'.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass
class Source:
    """One Markdown page in docs/."""

    path: Path
    label: str                      # 'docs/what-is-ipt.md', as editors see it
    uri: str                        # 'what-is-ipt.md', relative to docs/
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_error: str | None = None   # why the front matter could not be read, if it could not
    meta_error_line: int | None = None

    @property
    def is_article(self) -> bool:
        return self.meta.get("kind", "article") != "page"

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
    src = Source(path=path, label=f"docs/{uri}", uri=uri, text=text)
    match = FRONT_MATTER.match(text)
    if not match:
        src.meta_error = "no front matter — start the file with the block between '---' lines (copy docs/templates/article.md)"
        return src
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as err:
        src.meta_error_line = err.problem_mark.line + 2 if err.problem_mark else 1
        src.meta_error = f"front matter is not valid YAML ({err.problem}) — check colons, quotes and indentation"
        return src
    if not isinstance(meta, dict):
        src.meta_error = "front matter is not a list of 'key: value' lines — write one key per line"
        return src
    src.meta = meta
    return src


def sources(root: Path) -> list[Source]:
    """Every page in docs/ (not the templates), sorted by file name."""
    docs = root / "docs"
    return [read_source(root, p) for p in sorted(docs.rglob("*.md")) if is_page(p.relative_to(docs).as_posix())]


def built_path(site: Path, uri: str) -> Path:
    """'what-is-ipt.md' -> site/what-is-ipt/index.html; 'focus-areas/index.md' -> site/focus-areas/index.html."""
    stem = uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return site / stem / "index.html" if stem else site / "index.html"


def built(site: Path, uri: str) -> BeautifulSoup:
    return BeautifulSoup(built_path(site, uri).read_text(encoding="utf-8"), "html.parser")


def article_content(soup: BeautifulSoup):
    """The <article> Material puts the page content in (the body, then our article footer)."""
    return soup.select_one("article.md-content__inner")


def sources_list(soup: BeautifulSoup) -> list[str]:
    """The entries of the page's generated 'Sources' list (empty if the page cites nothing)."""
    heading = soup.select_one("h2#sources")
    ol = heading.find_next_sibling("ol") if heading else None
    return [" ".join(li.get_text(" ").split()) for li in ol.find_all("li", recursive=False)] if ol else []
