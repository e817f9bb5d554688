"""Which pages the site has, found from the built site and the sources (never a hard-coded list)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.structure.files import File

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


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


def front_matter(markdown: Path) -> dict:
    """The YAML front matter of a Markdown page ({} when it has none)."""
    text = markdown.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4:text.index("\n---", 4)]) or {}


def page_path(src_uri: str) -> str:
    """The URL path MkDocs gives a source file (directory URLs), e.g. 'focus-areas/grief/'."""
    return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=True).url.removeprefix("./")


def article_paths(docs_dir: Path) -> list[str]:
    """Pages that end with the article footer: every Markdown page whose front matter lacks `kind: page`."""
    return sorted(
        page_path(md.relative_to(docs_dir).as_posix())
        for md in docs_dir.rglob("*.md")
        if front_matter(md).get("kind") != "page"
    )
