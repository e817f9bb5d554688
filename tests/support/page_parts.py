"""What every page carries for a reader's safety and trust, as rules on parsed HTML: used on the
built HTML of every page (tests/html/test_page_safety_parts.py) and on the open page in the browser
(tests/browser/test_reader_safety.py, test_safety.py), which first checks they are on screen."""

from __future__ import annotations

from urllib.parse import unquote

from bs4 import BeautifulSoup

from support.site_pages import configured_site_url, page_path


def report_link_problems(soup: BeautifulSoup, path: str, route: dict) -> list[str]:
    """One "Report a problem" link saying the configured label, carrying the page's own address,
    next to the warning about health details."""
    links = soup.select("[data-ipt=report-link]")
    if len(links) != 1:
        return [f"/{path}: {len(links)} report links, expected 1"]
    href, label, expected = str(links[0].get("href", "")), links[0].get_text(strip=True), configured_site_url() + path
    problems = [] if label == route["label"] else [f"/{path}: report link says {label!r}"]
    if not href.startswith(f"mailto:{route['email']}?") or f"Page: {expected}" not in unquote(href):
        problems.append(f"/{path}: report link {href!r} does not carry the page address {expected}")
    box = soup.select_one("[data-ipt=report-problem]")
    if box is None or route["warning"] not in " ".join(box.get_text(" ").split()):
        problems.append(f"/{path}: the warning about health details is missing")
    return problems


def footer_parts(path: str, finder_path: str) -> dict[str, str]:
    """An article's footer: its medical disclaimer and finder box, and the finder's button but on the
    finder page itself (name -> selector)."""
    parts = {"medical disclaimer": "[data-ipt=disclaimer-medical]", "finder box": "[data-ipt=finder]"}
    if path != finder_path:
        parts["finder button"] = "[data-ipt=finder] a.md-button"
    return parts


def finder_page(shared_content: dict) -> str:
    """The finder's page in this site ('' when the finder is outside it)."""
    finder = shared_content["finder"]["url"]
    return page_path(finder) if finder.endswith(".md") else ""
