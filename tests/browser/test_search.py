"""Search finds pages from readers' own words: each phrase, typed into the header search, must list
the page a reader would expect among the top 3 results (and a tapped result opens its page).

The expectations are a reader's, not tuned to the current text: when one fails, the message names
the pages that won instead, so the content (words, headings, `search.boost`) can be adjusted.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page

from .conftest import FailingPages
from .profiles import DESKTOP, PHONE
from .search_ui import open_search, page_of, retype, type_search

# (what a reader types, pages that rightly answer it: one must be in the top 3)
PHRASES: list[tuple[str, list[str]]] = [
    ("my mum died", ["focus-areas/grief/"]),
    ("we keep arguing", ["focus-areas/disagreements/"]),
    ("new baby", ["focus-areas/life-changes/", "who-ipt-can-help/"]),
    ("lonely", ["focus-areas/loneliness/"]),
    ("how many sessions", ["how-ipt-works/"]),
    ("is it covered by insurance", ["finding-a-therapist/"]),
    ("online therapy", ["online-ipt/"]),
    ("I want to die", ["get-help-now/"]),
    ("CBT or IPT", ["ipt-compared/"]),
    ("antidepressants", ["ipt-compared/"]),
    ("teenager depressed", ["who-ipt-can-help/"]),
    ("bipolar", ["who-ipt-can-help/", "where-ipt-falls-short/"]),
    ("what happens in the first session", ["what-to-expect/"]),
    ("find a therapist", ["finding-a-therapist/"]),
    ("does it work", ["who-ipt-can-help/", "what-is-ipt/"]),
    ("therapy by video call", ["online-ipt/"]),
    ("suicidal thoughts", ["get-help-now/"]),
    ("how much does it cost", ["finding-a-therapist/"]),
    ("I have no close friends", ["focus-areas/loneliness/"]),
    ("lost my job", ["focus-areas/life-changes/"]),
    ("what does interpersonal mean", ["what-is-ipt/", "glossary/"]),
    ("who writes this guide", ["about/"]),
    # Everyday words that are not the pages' own (front-matter `keywords:` make them work).
    ("moving house", ["focus-areas/life-changes/"]),
    ("moving home", ["focus-areas/life-changes/"]),
    ("pregnant", ["focus-areas/life-changes/", "who-ipt-can-help/"]),
    ("retirement", ["focus-areas/life-changes/"]),
    ("my partner and I keep fighting", ["focus-areas/disagreements/"]),
    ("row with my husband", ["focus-areas/disagreements/"]),
    ("my dad passed away", ["focus-areas/grief/"]),
    ("no one to talk to", ["focus-areas/loneliness/", "get-help-now/"]),
    ("zoom therapy", ["online-ipt/"]),
    ("waiting list", ["finding-a-therapist/"]),
    ("crisis line", ["get-help-now/"]),
    ("safety plan", ["my-safety-plan/"]),
    ("is it confidential", ["what-to-expect/", "questions/"]),
    ("privacy", ["about/"]),
    ("medication or therapy", ["ipt-compared/"]),
    ("what is IPT", ["what-is-ipt/"]),
    ("homework between sessions", ["how-ipt-works/", "what-to-expect/"]),
    ("talking therapy for depression", ["", "what-is-ipt/"]),
    ("what are the focus areas", ["focus-areas/"]),
    ("downsides of IPT", ["where-ipt-falls-short/"]),
    ("side effects", ["where-ipt-falls-short/"]),
    ("common questions", ["questions/"]),
    ("definitions", ["glossary/"]),
    ("how do I get therapy on the NHS", ["getting-ipt-where-you-live/", "finding-a-therapist/"]),
    ("when will I feel better", ["how-soon-will-i-feel-better/"]),
    ("my teen is depressed", ["ipt-for-teenagers/", "who-ipt-can-help/"]),
    ("what to ask a therapist", ["questions-to-ask-a-therapist/", "finding-a-therapist/"]),
    ("self help books", ["self-help/"]),
    ("clear browsing history", ["staying-safe-online/"]),
    # The newer pages, in the words of parents, teenagers and adults.
    # IPT for teenagers
    ("my teenage son is depressed", ["ipt-for-teenagers/"]),
    ("will the therapist tell my parents", ["ipt-for-teenagers/"]),
    ("therapy for teens", ["ipt-for-teenagers/"]),
    # How soon will I feel better?
    ("how long until I feel better", ["how-soon-will-i-feel-better/"]),
    ("therapy is not working", ["how-soon-will-i-feel-better/", "what-to-expect/"]),
    ("I feel worse after therapy", ["how-soon-will-i-feel-better/"]),
    # Getting IPT where you live
    ("Medicare mental health plan", ["getting-ipt-where-you-live/"]),
    ("free counselling with a medical card", ["getting-ipt-where-you-live/"]),
    ("therapy in Scotland", ["getting-ipt-where-you-live/"]),
    ("certified IPT therapist", ["getting-ipt-where-you-live/", "finding-a-therapist/"]),
    # Compared with other talking therapies
    ("couples therapy", ["ipt-compared/"]),
    ("psychodynamic therapy", ["ipt-compared/"]),
    ("behavioural activation", ["ipt-compared/"]),
    # Self-help
    ("self-help books for depression", ["self-help/"]),
    ("books about depression", ["self-help/"]),
    ("an online course for depression", ["self-help/", "online-ipt/"]),
    # The menu's section hub pages
    ("is IPT right for me", ["is-ipt-right-for-me/", "questions/"]),
    ("getting IPT", ["getting-ipt/", "getting-ipt-where-you-live/"]),
    ("IPT explained", ["ipt-explained/", "what-is-ipt/"]),
]

def search(page: Page, base_url: str, phrase: str) -> list[str]:
    """Type `phrase` into the header search of the home page; return result pages, best first.
    (Whole phrases at once: key by key is tested by the phone test below and in test_crisis_search.py.)"""
    page.goto(base_url)
    return [page_of(href, base_url) for href in type_search(page, phrase, key_by_key=False)]


def ranking_problem(phrase: str, expected: list[str], results: list[str]) -> str:
    """'' if an expected page is in the top 3, else a line naming the pages that won instead."""
    if any(page in results[:3] for page in expected):
        return ""
    top = ", ".join(f"{i}. /{p}" for i, p in enumerate(results[:3], 1)) or "no results"
    where = "; ".join(f"/{p} is #{results.index(p) + 1}" if p in results else f"/{p} not found" for p in expected)
    return f'search "{phrase}": expected {" or ".join("/" + p for p in expected)} in the top 3, got {top} ({where})'


@pytest.fixture(scope="module")
def home_search(browser: Browser, base_url: str) -> Iterator[Page]:
    """The home page with its search open, kept for every phrase (each test empties the box first)."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(base_url)
    open_search(page)
    yield page
    context.close()


@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[p for p, _ in PHRASES])
def test_phrase_finds_the_page_a_reader_expects(
    home_search: Page, base_url: str, phrase: str, expected: list[str], failing_pages: FailingPages
) -> None:
    """The results are read from their links, so the expected page is where the link leads;
    test_phone_search_opens_from_the_magnifier taps a result and follows it."""
    results = [page_of(href, base_url) for href in retype(home_search, phrase, key_by_key=False)]
    problem = ranking_problem(phrase, expected, results)
    if problem:
        failing_pages.add("", live=home_search)
    assert not problem, problem


def test_phone_search_opens_from_the_magnifier(window: Callable[..., Page], base_url: str) -> None:
    page = window("phone")
    page.goto(base_url + "about/")
    results = type_search(page, "lonely")
    assert results, "no results for 'lonely' on a phone"
    page.locator(".md-search-result__item a.md-search-result__link").first.tap()
    page.wait_for_url(re.compile(re.escape(page_of(results[0], base_url)) + r"([?#].*)?$"))


def test_every_page_has_a_readers_question(site_paths: list[str]) -> None:
    """Each published page is the expected answer to at least one reader's question above: a new
    page needs its question (and its `keywords:` in the front matter)."""
    answered = {p for _, pages in PHRASES for p in pages}
    missing = [f"/{p}" for p in site_paths if p not in answered and not p.endswith(".html")]  # not 404.html
    assert not missing, f"pages no reader's question in PHRASES expects (add one for each): {missing}"


# --- the check can fail -------------------------------------------------------------------------

def test_ranking_check_names_the_winners(window: Callable[..., Page], base_url: str) -> None:
    results = search(window("desktop"), base_url, "lonely")
    assert results, "the real search returned nothing for 'lonely'"
    problem = ranking_problem("lonely", ["about/"], results)
    top = ", ".join(f"{i}. /{p}" for i, p in enumerate(results[:3], 1))
    assert problem.startswith(f'search "lonely": expected /about/ in the top 3, got {top} (/about/ ')
    assert ranking_problem("lonely", ["x/"], ["a/", "b/", "c/", "x/"]) == (
        'search "lonely": expected /x/ in the top 3, got 1. /a/, 2. /b/, 3. /c/ (/x/ is #4)')


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
