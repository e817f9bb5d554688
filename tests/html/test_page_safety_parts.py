"""What every page must carry for a reader's safety and trust, in the built HTML of every page:
"Report a problem" with the page's own address and the warning not to send health details, and on
every article the medical disclaimer and the finder box with its button. (The help link in the
header: test_site.py; "Exit this page": test_theme.py.) The browser checks that they are on screen
and work on one page of each kind, at phone and desktop size (tests/browser/test_safety.py): the
theme lays them out the same way on every page of a kind.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from support.page_parts import finder_page, footer_parts, report_link_problems
from support.site_pages import article_paths, configured_site_url, page_file, seen, site_paths

NOT_FOUND = "404.html"


def footer_problems(soup: BeautifulSoup, path: str, finder_path: str) -> list[str]:
    return [
        f"/{path}: {name} is missing"
        for name, sel in footer_parts(path, finder_path).items()
        if not soup.select_one(sel)
    ]


def test_every_page_has_the_report_link_and_every_article_its_footer(site: Path, shared_content: dict) -> None:
    articles, finder_path = article_paths(ROOT / "docs"), finder_page(shared_content)
    paths = site_paths(site) + [NOT_FOUND]
    problems: list[str] = []
    for path in paths:
        soup = seen(page_file(site, path))
        problems += report_link_problems(soup, path, shared_content["report_problem"])
        problems += footer_problems(soup, path, finder_path) if path in articles else []
    assert len([p for p in paths if p in articles]) >= 10, "fewer than 10 articles found"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_the_checks_name_a_wrong_address_a_missing_link_and_a_missing_footer(site: Path, shared_content: dict) -> None:
    """Bad examples: the about page's link carrying the glossary's address, then no link at all;
    an article without its disclaimer and finder button."""
    route = shared_content["report_problem"]
    soup = BeautifulSoup(page_file(site, "about/").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("[data-ipt=report-link]")
    link["href"] = link["href"].replace("about", "glossary")
    problems = report_link_problems(soup, "about/", route)
    assert len(problems) == 1 and problems[0].startswith("/about/: report link 'mailto:"), problems
    assert problems[0].endswith(f"does not carry the page address {configured_site_url()}about/"), problems
    link.decompose()
    assert report_link_problems(soup, "about/", route) == ["/about/: 0 report links, expected 1"]
    soup = BeautifulSoup(page_file(site, "what-is-ipt/").read_text(encoding="utf-8"), "html.parser")
    soup.select_one("[data-ipt=disclaimer-medical]").decompose()
    soup.select_one("[data-ipt=finder] a.md-button").decompose()
    assert footer_problems(soup, "what-is-ipt/", finder_page(shared_content)) == [
        "/what-is-ipt/: medical disclaimer is missing",
        "/what-is-ipt/: finder button is missing",
    ]
