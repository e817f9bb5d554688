"""A person in crisis who types what they feel into the search is led to help first.

That every phrase of `crisis_search.phrases` in macros/data/shared-content.yml (and its form
without apostrophes) leads to help first (the help card shows above the results, or the help page
is the first result; a phrase with a word that says crisis alone, such as "suicidal", puts the help
page first as well) is checked phrase by phrase in `make check`, with the built card script and
Material's own search worker on the built index (tests/html/test_search_ranking.py);
tests/browser/test_search.py proves the real search box gives the same top results, for a phrase
of every group among others. Whether the help card shows for a search is pure logic, tested phrase
by phrase without a browser (tests/search/test_crisis_matcher.py). Here, a handful of checks of
what readers see: the card appears, is announced (axe checks it open: tests/browser/test_axe.py), its links work, the keyboard reaches it, and it
and the top of Get help now show the emergency number and a line to talk to, on a 320 px phone and
on a desktop; on a slow connection, it shows for words typed before its script arrived, without
the search index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from support.countries import LAST, WRITTEN, reader_case

from .profiles import PHONE
from .search_ui import open_search, page_of, retype

CARD = ".ipt-crisis-card"


@pytest.fixture
def search_page(window: Callable[..., Page], base_url: str) -> Page:
    page = window("desktop")
    page.goto(base_url)
    open_search(page)
    return page


def test_results_never_show_the_phrase_list(search_page: Page, shared_content: dict) -> None:
    """The phrases are searchable but not shown: no excerpt lists them (only the card and the
    page's own words are visible)."""
    retype(search_page, "kms")
    shown = search_page.locator(".md-search__output").inner_text().lower()
    hidden = {"unalive myself", "kill my self", "took an od", "suicidle"}
    assert hidden <= {p for g in shared_content["crisis_search"]["phrases"].values() for p in g}
    assert not [p for p in hidden if p in shown], f"the results show crisis phrases: {shown[:300]}"


def test_help_card_content_keyboard_and_screen_reader(
    search_page: Page, base_url: str, shared_content: dict, help_path: str
) -> None:
    retype(search_page, "I cant cope!!")  # capitals, no apostrophe, punctuation
    card = search_page.locator(CARD)
    assert card.is_visible(), "no help card for 'I cant cope!!'"
    # Announced: the card appears inside a live region that existed before it did.
    assert card.locator("xpath=..").get_attribute("role") == "status"
    text = card.inner_text()
    assert shared_content["crisis_search"]["card"]["title"] in text
    for code, country in shared_content["crisis"].items():
        assert country["emergency"] in text, f"the card lacks the emergency number of {code}"
        assert listening_number(country) in text, f"the card lacks the line to talk to of {code}"
    assert "United Kingdom" in text and "Australia" in text, "countries are named in full"
    link = card.locator("a.ipt-crisis-card__link")
    assert link.get_attribute("href") == base_url + help_path
    # Keyboard: Tab from the search box reaches the card's links, before the results.
    search_page.locator("input.md-search__input").focus()
    for _ in range(12):
        search_page.keyboard.press("Tab")
        if search_page.evaluate("!!document.activeElement.closest('.ipt-crisis-card')"):
            break
    else:
        pytest.fail("Tab from the search box never reached the help card")
    assert search_page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", (
        "the focused card link shows no focus outline"
    )


def test_the_search_answer_adds_the_card(search_page: Page, base_url: str, help_path: str) -> None:
    """ "trapped": too weak alone for the card, but the site's search puts Get help now first with
    every word found, and that answer completes the sign (tests/search/ measures this on lists)."""
    query = "trapped"
    words_alone = search_page.evaluate(f"IPTCrisisSearch.looksLikeCrisis({query!r}, CRISIS_SEARCH_DATA)")
    assert words_alone is False, f"'{query}' shows the card from its words alone: pick a weaker example"
    results = [page_of(href, base_url) for href in retype(search_page, query, key_by_key=False)]
    assert results[:1] == [help_path], f"'{query}': the search no longer puts /{help_path} first (got {results[:3]})"
    search_page.locator(CARD).wait_for(state="visible", timeout=2000)
    retype(search_page, "what is ipt", key_by_key=False)
    assert not search_page.locator(CARD).is_visible(), "the card stayed after an everyday question"


# --- a slow connection: the words come before the card's script -------------------------------------

CARD_SCRIPT = "**/javascripts/crisis-search.js"
INDEX = "**/search/search_index.json"
LAST_CALL = "\n  update();\n"  # crisis-search.js's last line: decide on what is already typed


def card_when_script_arrives(
    browser: Browser, url: str, typed: str, script: str | None = None
) -> tuple[str | None, str | None]:
    """On a phone, open the search and type `typed` while the card's script is held back (a slow
    connection), then let it arrive (as `script`, if given); the search index never arrives.
    Returns the card's title as the script has run (None: no card), and after one more key (End);
    `typed` must call for the card, which must show by then."""
    context = browser.new_context(**PHONE)
    held: list[Route] = []  # the card's script, until the reader has typed
    waiting: list[Route] = []  # the search index: never answered, still on its way
    try:
        context.route(CARD_SCRIPT, lambda route: held.append(route))
        context.route(INDEX, lambda route: waiting.append(route))
        page = context.new_page()
        page.goto(url, wait_until="commit")  # not "load": that waits for the held script
        page.wait_for_function("() => typeof document$ === 'object'")  # Material's script, which comes first, has run
        open_search(page)
        box = page.locator("input.md-search__input")
        box.press_sequentially(typed)
        assert len(held) == 1 and page.evaluate("() => typeof IPTCrisisSearch") == "undefined", (
            "the card's script was not held back while the reader typed"
        )
        arriving = held.pop()
        if script is None:
            arriving.continue_()
        else:
            arriving.fulfill(body=script, content_type="text/javascript")
        # The script adds the card's live region, then decides, in one go: once the region is
        # there, the card is too if the words already typed call for it.
        page.locator(".ipt-crisis-card-region").wait_for(state="attached", timeout=10_000)
        at_arrival = page.locator(f"{CARD} h2").inner_text() if page.locator(CARD).is_visible() else None
        box.press("End")
        page.locator(CARD).wait_for(state="visible", timeout=10_000)
        return at_arrival, page.locator(f"{CARD} h2").inner_text()
    finally:
        for route in held + waiting:  # answer what is still waiting, so nothing is left pending at close
            route.abort()
        context.close()


def test_card_shows_for_words_typed_before_its_script_arrived(
    browser: Browser, base_url: str, shared_content: dict
) -> None:
    """A reader on a slow connection opens the search and types before the card's script has come;
    the search index has not come either. The card shows as the script arrives, with no other key."""
    title = shared_content["crisis_search"]["card"]["title"]
    shown = card_when_script_arrives(browser, base_url + "what-is-ipt/", "i want to die")
    assert shown == (title, title), f"no help card as its script arrived (card, then after a key: {shown})"


def test_late_script_check_sees_a_card_that_waits_for_the_next_key(
    browser: Browser, base_url: str, site: Path, shared_content: dict
) -> None:
    """Bad example: a card script that only listens for keys, without deciding on what is already
    typed when it arrives, shows the card at the next key but not as it arrives."""
    script = (site / "javascripts/crisis-search.js").read_text(encoding="utf-8")
    assert script.count(LAST_CALL) == 1, f"crisis-search.js no longer ends with {LAST_CALL.strip()!r}: update this test"
    late = card_when_script_arrives(
        browser, base_url + "what-is-ipt/", "i want to die", script.replace(LAST_CALL, "\n")
    )
    assert late == (None, shared_content["crisis_search"]["card"]["title"])


# --- someone to talk to, on the first screen ---------------------------------------------------------


@pytest.fixture
def context_for(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """context_for(**options) -> a fresh browser context (its own time zone, language, window)."""
    made: list[BrowserContext] = []
    yield lambda **options: made.append(browser.new_context(**options)) or made[-1]
    for context in made:
        context.close()


def listening_number(country: dict) -> str:
    """The line to talk to by the rule of macros/first_help.py (read here from the data, to check it)."""
    return next(
        s["number"] for s in country["services"] if "crisis" in s["for"] and "call" in s["how"] and not s.get("areas")
    )


def on_first_screen(page, text: str, height: int) -> bool:
    """A visible element whose whole text is `text` lies within the first `height` px of the page."""
    return page.evaluate(
        """([text, height]) => [...document.querySelectorAll("a")].some(a =>
        a.textContent.trim() === text && a.getClientRects().length && a.getBoundingClientRect().bottom <= height)""",
        [text, height],
    )


# (time zone, language, the country whose numbers must be on the first screen): a reader in the data
# file's last country (moved first), and an unsure guess (the first country stays first).
SCREEN_CASES = [reader_case(LAST), ("UTC", "en", WRITTEN[0])]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(("zone", "language", "code"), SCREEN_CASES)
def test_emergency_number_and_line_to_talk_to_on_the_first_screen(
    context_for, base_url: str, help_path: str, shared_content: dict, width: int, zone: str, language: str, code: str
) -> None:
    """The card, and Get help now's first 568 px (at 320 px wide) or first screen (desktop), show the
    reader's likely country's emergency number and line to talk to; unsure (UTC, "en"), the first country's."""
    height = 568 if width == 320 else 800
    page = context_for(timezone_id=zone, locale=language, viewport={"width": width, "height": height}).new_page()
    country = shared_content["crisis"][code]
    page.goto(base_url + help_path)
    missing = [n for n in (country["emergency"], listening_number(country)) if not on_first_screen(page, n, height)]
    assert not missing, f"/{help_path} at {width} px ({zone}): not in the first {height} px: {missing}"
    page.goto(base_url)
    open_search(page)
    retype(page, "nobody would miss me")
    page.locator(CARD).wait_for()
    first = page.locator(f"{CARD} li").first
    assert first.get_attribute("data-country") == code, "the likely country comes first on the card"
    assert country["emergency"] in first.inner_text() and listening_number(country) in first.inner_text()
    assert first.is_visible() and first.bounding_box()["y"] + first.bounding_box()["height"] <= height


def test_without_javascript_every_country_shows_both_numbers(
    context_for, base_url: str, help_path: str, shared_content: dict
) -> None:
    page = context_for(java_script_enabled=False, viewport={"width": 320, "height": 568}).new_page()
    page.goto(base_url + help_path)
    rows = page.locator("[data-ipt=first-help] li")
    assert rows.count() == len(shared_content["crisis"])
    for n, (code, country) in enumerate(shared_content["crisis"].items()):
        text = rows.nth(n).inner_text()
        assert country["emergency"] in text and listening_number(country) in text, f"{code}: {text}"
