"""The real search box, as readers use it. Ranking itself is tested fast, without a browser, in
tests/html/test_search_ranking.py (Material's own search worker run on the built index); here a
few questions are typed key by key, a result is opened by touch and by keyboard, and ONE test
shows that the browser and that fast path give the same top results.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Browser, Page

from conftest import ROOT, read_shared_content
from support.site_pages import sources
from support.site_search import SiteSearch

from .profiles import PHONE
from .search_ui import open_search, page_of, retype, type_search

# A sample for the same-results test: one reader's question of each kind (front matter), crisis
# phrases, and everyday questions that share a word with them (tests/html/everyday-questions.yml).
SAMPLE_EXTRA = [
    "i want to die",
    "cant cope",
    "my partner hits me",
    "my dad died",
    "i feel so alone",
    "help finding a therapist",
    "stuck at home with a new baby",
    "a",
    "zzqx",
]


def test_typed_key_by_key_a_question_finds_its_page(window: Callable[..., Page], base_url: str) -> None:
    """Each key press starts a search; the answer a reader sees when they stop is the final one."""
    page = window("desktop")
    page.goto(base_url)
    open_search(page)
    for question, expected in (
        ("lonely", "focus-areas/loneliness/"),
        ("my mum died", "focus-areas/grief/"),
        ("online therapy", "online-ipt/"),
    ):
        results = [page_of(href, base_url) for href in retype(page, question)]
        assert expected in results[:3], f'typing "{question}": expected /{expected} in the top 3, got {results[:3]}'


def test_the_browser_and_the_fast_search_agree(window: Callable[..., Page], base_url: str, site) -> None:
    """The fast path (tests/support/site_search.py) is only worth trusting if it is what readers
    get: the same top 3, in the same order, for a sample of queries of every kind."""
    sample = [str(q) for src in sources(ROOT) for q in (src.meta.get("questions") or [])[:1]] + SAMPLE_EXTRA
    # The crisis phrases are checked one by one on the fast path (make check): one of each group here.
    sample += [phrases[0] for phrases in read_shared_content()["crisis_search"]["phrases"].values()]
    page = window("desktop")
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(base_url)
    open_search(page)
    differ = []
    with SiteSearch(site) as fast:
        for query in sample:
            browser = [page_of(href, base_url) for href in retype(page, query, key_by_key=False)]
            if browser[:3] != fast.pages(query)[:3]:
                differ.append(f'"{query}": browser {browser[:3]}, fast path {fast.pages(query)[:3]}')
    assert len(sample) >= 25
    assert not differ, "the fast search and the browser disagree:\n" + "\n".join(differ)
    assert not errors, f"console errors while searching: {errors}"


def test_phone_search_opens_from_the_magnifier(window: Callable[..., Page], base_url: str) -> None:
    page = window("phone")
    page.goto(base_url + "about/")
    results = type_search(page, "lonely")
    assert results, "no results for 'lonely' on a phone"
    page.locator(".md-search-result__item a.md-search-result__link").first.tap()
    page.wait_for_url(re.compile(re.escape(page_of(results[0], base_url)) + r"([?#].*)?$"))


def test_keyboard_alone_searches_and_opens_a_result(window: Callable[..., Page], base_url: str) -> None:
    """Material's keys: "/" opens the search, the arrow keys move through the results, Enter opens one."""
    page = window("desktop")
    page.goto(base_url + "about/")
    page.locator("body").press("/")
    box = page.locator("input.md-search__input")
    box.wait_for()
    assert page.evaluate("document.activeElement.matches('input.md-search__input')"), "'/' did not focus the search"
    results = retype(page, "grief")
    assert results, "no results for 'grief'"
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.closest('a.md-search-result__link')?.getAttribute('href') || ''")
    assert page_of(focused, base_url) == page_of(results[0], base_url), f"ArrowDown focused {focused!r}"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(page_of(results[0], base_url)) + r"([?#].*)?$"))


# --- the search index loads when a reader starts to search (docs/javascripts/search-on-demand.js) ---

INDEX = "search/search_index.json"


def index_requests(browser: Browser, url: str, search_for: str = "", block: str = "") -> tuple[list[str], list[str]]:
    """(index requests while the page opened and settled, the result pages of `search_for`), in a fresh
    phone window; `block` names a script of the site to leave out (for the bad example)."""
    context = browser.new_context(**PHONE)
    try:
        requests: list[str] = []
        context.on("request", lambda r: r.url.split("?")[0].endswith(INDEX) and requests.append(r.url))
        if block:
            context.route(f"**/{block}", lambda route: route.abort())
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        before = list(requests)
        results = type_search(page, search_for) if search_for else []
        assert not search_for or requests, f"searching for {search_for!r} never asked for the index"
        return before, results
    finally:
        context.close()


def test_index_loads_only_when_a_reader_searches(browser: Browser, base_url: str) -> None:
    before, results = index_requests(browser, base_url + "questions/", search_for="lonely")
    assert before == [], f"the page asked for the search index before anyone searched: {before}"
    assert "focus-areas/loneliness/" in [page_of(r, base_url) for r in results[:3]], results


def test_index_check_sees_a_page_that_loads_it_at_once(browser: Browser, base_url: str) -> None:
    """Without search-on-demand.js, Material asks for the index as the page opens: the check sees it."""
    before, _ = index_requests(browser, base_url + "questions/", block="search-on-demand.js")
    assert [u.removeprefix(base_url) for u in before] == [INDEX]
