"""Ways on from where a reader lands: the 404 page offers the way home, the search and the help link;
every article but the finder page says under its title where to find a therapist."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.site_pages import built, page_path, seen_built, sources

ARTICLES = [src.uri for src in sources(ROOT) if src.is_article]
RISK_TOPIC = {src.uri for src in sources(ROOT) if src.meta.get("risk_topic")}


@pytest.fixture(scope="session")
def help_path(shared_content: dict) -> str:
    return page_path(shared_content["help_link"]["page"])


def resolve(href: str, at: str) -> str:
    """A link's target as a path from the site's root ('' = home), seen from the page at path `at`;
    a link to another site as it is (the finder may be an organisation's own)."""
    if urlsplit(href).scheme:
        return href
    path = urlsplit(urljoin("https://site.invalid/" + at, href)).path.lstrip("/")
    return "" if path == "." else path


def not_found_problems(soup: BeautifulSoup, help_path: str) -> list[str]:
    """What the 404 page's content lacks, one line each."""
    article = soup.select_one("article")
    if article is None:
        return ["404.html: no <article> with the page's content"]
    problems = []
    links = {resolve(a.get("href", ""), "404.html") for a in article.select("a[href]")}
    if "" not in links:
        problems.append("404.html: no link to the home page in the text — add one (overrides/404.html)")
    if help_path not in links:
        problems.append(f"404.html: no link to /{help_path} in the text — add the help link (overrides/404.html)")
    if article.select_one("label[for='__search']") is None:
        problems.append('404.html: no way to the search in the text — add <label for="__search"> (overrides/404.html)')
    if len(article.get_text(" ", strip=True).split()) < 15:
        problems.append("404.html: fewer than 15 words — say in plain words what happened and what to do")
    return problems


def test_not_found_page_offers_home_search_and_help(site: Path, help_path: str) -> None:
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found_problems(soup, help_path) == []
    assert soup.title and soup.title.get_text(strip=True).startswith("Page not found"), soup.title


def test_not_found_check_reports_materials_bare_page(help_path: str) -> None:
    """Bad example: Material's own 404 content, a heading only."""
    bare = BeautifulSoup("<article><h1>404 - Not found</h1></article>", "html.parser")
    assert not_found_problems(bare, help_path) == [
        "404.html: no link to the home page in the text — add one (overrides/404.html)",
        f"404.html: no link to /{help_path} in the text — add the help link (overrides/404.html)",
        '404.html: no way to the search in the text — add <label for="__search"> (overrides/404.html)',
        "404.html: fewer than 15 words — say in plain words what happened and what to do",
    ]


# --- the line to the therapist finder under each article's title ------------------------------


def finder_line_problem(soup: BeautifulSoup, at: str, finder_path: str, label: str) -> str:
    """'' if the first thing after the page's title is the line with a link to the finder."""
    title = soup.select_one("article h1")
    line = title.find_next_sibling() if title else None
    link = line.select_one("a[href]") if line is not None and line.get("data-ipt") == "finder-line" else None
    if link is None:
        return f"/{at}: no line to the therapist finder right under the title (overrides/partials/finder-line.html)"
    if resolve(link["href"], at) != finder_path or link.get_text(strip=True) != label:
        return f"/{at}: the line under the title links {link.get_text(strip=True)!r} to {link['href']!r}, not {label!r} to /{finder_path}"
    return ""


@pytest.mark.parametrize("src", ARTICLES)
def test_articles_say_where_to_find_a_therapist_under_the_title(site: Path, shared_content: dict, src: str) -> None:
    finder = shared_content["finder"]
    finder_path, at = page_path(finder["url"]), page_path(src)
    soup = seen_built(site, src)
    # The finder page itself (no line pointing at itself), and pages about risk, whose first thing
    # must be their Key points and help (a teenager or a person being abused needs those first).
    if at == finder_path or src in RISK_TOPIC:
        assert soup.select_one('[data-ipt="finder-line"]') is None, f"/{at}: no finder line belongs here"
        return
    assert finder_line_problem(soup, at, finder_path, finder["button_label"]) == ""


def test_finder_line_check_reports_a_missing_or_wrong_line(site: Path, shared_content: dict) -> None:
    """Bad examples: the line removed, and the line pointing elsewhere."""
    finder = shared_content["finder"]
    finder_path = page_path(finder["url"])
    soup = built(site, "what-is-ipt.md")
    soup.select_one('[data-ipt="finder-line"] a')["href"] = "../about/"
    assert finder_line_problem(soup, "what-is-ipt/", finder_path, finder["button_label"]) == (
        f"/what-is-ipt/: the line under the title links {finder['button_label']!r} to '../about/', "
        f"not {finder['button_label']!r} to /{finder_path}"
    )
    soup.select_one('[data-ipt="finder-line"]').decompose()
    assert finder_line_problem(soup, "what-is-ipt/", finder_path, finder["button_label"]) == (
        "/what-is-ipt/: no line to the therapist finder right under the title (overrides/partials/finder-line.html)"
    )
