"""Page discovery: the sitemap's production addresses map onto paths, and articles come from front matter.
The menu: every page is in it, on every page, and "Get help now" is near its top.

Every test that visits "every page" relies on this (tests/support/site_pages.py), so it runs in `make check`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.site_pages import article_paths, page_file, page_path, seen_html, site_paths, sitemap_paths

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://ipt.example.org/guide/</loc></url>
  <url><loc>https://ipt.example.org/guide/focus-areas/grief/</loc></url>
</urlset>"""


def test_sitemap_addresses_become_paths_under_site_url() -> None:
    assert sitemap_paths(SITEMAP, "https://ipt.example.org/guide/") == ["", "focus-areas/grief/"]


def test_sitemap_address_outside_site_url_is_an_error() -> None:
    with pytest.raises(
        ValueError, match=r"<loc>https://ipt.example.org/guide/</loc> is not under site_url https://other.example/"
    ):
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


# --- the menu -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def help_path(shared_content: dict) -> str:
    """Where the header's "Get help now" link leads, e.g. 'get-help-now/'."""
    return page_path(shared_content["help_link"]["page"])


HELP_NEAR_TOP = 3  # "Get help now" is one of the menu's first items (after Home), not inside a section


def target(href: str, at: str) -> str:
    """Where a link on the page at path `at` leads, as a path from the site's root ('' = home)."""
    path = urlsplit(urljoin("https://site.invalid/" + at, href)).path.lstrip("/")
    return "" if path == "." else path


def menu_problems(html: str, at: str, pages: list[str], help_path: str) -> list[str]:
    """Pages missing from the menu (Material's primary nav) of the page at path `at`, and a help link
    too far down it, one line each."""
    nav = seen_html(html).select_one("nav.md-nav--primary > ul")
    if nav is None:
        return [f"/{at}: no menu (nav.md-nav--primary)"]
    found = {target(a["href"], at) for a in nav.select("a[href]")}
    problems = [f"/{at}: /{p} is not in the menu — add it to `nav:` in mkdocs.yml" for p in pages if p not in found]
    top = [li.find("a", href=True) for li in nav.find_all("li", recursive=False)[:HELP_NEAR_TOP]]
    if help_path not in {target(a["href"], at) for a in top if a}:
        problems.append(
            f"/{at}: /{help_path} is not among the first {HELP_NEAR_TOP} items of the menu — "
            "put it near the top of `nav:` in mkdocs.yml, outside any section"
        )
    return problems


def test_every_page_is_in_the_menu_of_every_page(site: Path, help_path: str) -> None:
    pages = site_paths(site)
    problems = [
        problem
        for at in pages + ["404.html"]
        for problem in menu_problems(page_file(site, at).read_text(encoding="utf-8"), at, pages, help_path)
    ]
    assert not problems, "\n".join(problems)


def test_menu_check_reports_a_missing_page_and_a_buried_help_link(site: Path, help_path: str) -> None:
    """Bad example: the menu of What is IPT? without Grief, and with Get help now moved to the end."""
    soup = BeautifulSoup(page_file(site, "what-is-ipt/").read_text(encoding="utf-8"), "html.parser")
    soup.select_one("nav.md-nav--primary a[href$='focus-areas/grief/']").parent.decompose()
    help_item = soup.select_one(f"nav.md-nav--primary > ul > li > a[href$='{help_path}']").parent
    help_item.parent.append(help_item.extract())
    assert menu_problems(str(soup), "what-is-ipt/", ["what-is-ipt/", "focus-areas/grief/"], help_path) == [
        "/what-is-ipt/: /focus-areas/grief/ is not in the menu — add it to `nav:` in mkdocs.yml",
        (
            f"/what-is-ipt/: /{help_path} is not among the first {HELP_NEAR_TOP} items of the menu — "
            "put it near the top of `nav:` in mkdocs.yml, outside any section"
        ),
    ]


def hub_problems(home_html: str, read: Callable[[str], str]) -> list[str]:
    """A hub page (a section's index page) must link to every page of its section in the menu.
    `home_html` is the home page (its menu gives the sections); `read(path)` returns a page's HTML."""
    problems = []
    nav = seen_html(home_html).select_one("nav.md-nav--primary")
    for section in nav.select("li.md-nav__item--nested") if nav else []:
        hub = section.select_one(":scope > .md-nav__container > a[href]")
        if hub is None:
            continue  # a section without a hub page
        at = target(hub["href"], "")
        members = [
            target(a["href"], "")
            for a in section.select(
                ":scope > nav > ul > li > a[href], :scope > nav > ul > li > .md-nav__container > a[href]"
            )
        ]
        article = seen_html(read(at)).select_one("article")
        links = {target(a["href"], at) for a in article.select("a[href]")} if article else set()
        problems += [
            f"/{at}: the hub page does not link to /{m}, a page of its section — add it to the list in "
            f"docs/{at}index.md"
            for m in members
            if m not in links
        ]
    return problems


def test_hub_pages_list_every_page_of_their_section(site: Path) -> None:
    def read(path: str) -> str:
        return page_file(site, path).read_text(encoding="utf-8")

    assert hub_problems(read(""), read) == []


def test_hub_check_reports_a_page_missing_from_the_hub(site: Path) -> None:
    """Bad example: the Getting IPT hub without its link to Self-help."""

    def read(path: str) -> str:
        soup = BeautifulSoup(page_file(site, path).read_text(encoding="utf-8"), "html.parser")
        if path == "getting-ipt/":
            soup.select_one("article a[href$='self-help/']").decompose()
        return str(soup)

    assert hub_problems(read(""), read) == [
        "/getting-ipt/: the hub page does not link to /self-help/, a page of its section — add it to the list in "
        "docs/getting-ipt/index.md"
    ]
