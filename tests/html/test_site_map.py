"""Page discovery: the sitemap's production addresses map onto paths, and articles come from front matter.

Every test that visits "every page" relies on this (tests/support/site_pages.py), so it runs in `make check`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from support.site_pages import article_paths, site_paths, sitemap_paths

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://ipt.example.org/guide/</loc></url>
  <url><loc>https://ipt.example.org/guide/focus-areas/grief/</loc></url>
</urlset>"""


def test_sitemap_addresses_become_paths_under_site_url() -> None:
    assert sitemap_paths(SITEMAP, "https://ipt.example.org/guide/") == ["", "focus-areas/grief/"]


def test_sitemap_address_outside_site_url_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"<loc>https://ipt.example.org/guide/</loc> is not under site_url https://other.example/"):
        sitemap_paths(SITEMAP, "https://other.example/")


def test_empty_sitemap_is_an_error() -> None:
    empty = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    with pytest.raises(ValueError, match="lists no pages"):
        sitemap_paths(empty, "https://ipt.example.org/")


def test_articles_are_pages_without_kind_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "focus-areas").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Home\nkind: page\n---\n# Home\n")
    (docs / "what-is-ipt.md").write_text("---\ntitle: What\n---\n# What\n")
    (docs / "focus-areas/index.md").write_text("---\ntitle: Areas\n---\n# Areas\n")
    (docs / "no-front-matter.md").write_text("# Plain\n")
    # The one rule (macros.schema.is_article), as the theme applies it: no front matter, no article footer.
    assert article_paths(docs) == ["focus-areas/", "what-is-ipt/"]


def test_real_site_has_articles_and_pages(site: Path) -> None:
    """The built sitemap lists the home page and every article; some pages are not articles."""
    paths, articles = site_paths(site), article_paths(ROOT / "docs")
    assert "" in paths, "the sitemap does not list the home page"
    missing = sorted(set(articles) - set(paths))
    assert articles and not missing, f"articles missing from the sitemap: {missing}"
    assert set(articles) < set(paths), "every page is an article: the home page, crisis page and About say `kind: page`"
