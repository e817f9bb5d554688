"""Driving Material's header search as a reader does: open it, type key by key, read the results."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

RESULT_PAGES = """() => [...document.querySelectorAll(".md-search-result__item")].map((item) =>
  item.querySelector("a.md-search-result__link")?.getAttribute("href") || "")"""


def open_search(page: Page) -> None:
    """Phones show a magnifier button that opens the search; desktops show the field itself."""
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        # A finger taps; a mouse click would leave the pointer hovering and open a tooltip.
        button.tap() if page.evaluate("navigator.maxTouchPoints > 0") else button.click()
    else:
        page.locator("input.md-search__input").click()


META = ".md-search-result__meta"


def answered(page: Page) -> Locator:
    """Material's line above the results once a search has been answered ("3 matching documents")."""
    return page.locator(META).filter(has_not_text=re.compile("Initializing|Type to start"))


def wait_until_empty(page: Page) -> None:
    """The search is ready and its box empty (Material says "Type to start searching")."""
    page.locator(META).filter(has_text="Type to start searching").wait_for()


def wait_for_results(page: Page) -> list[str]:
    """The result links (page level, best first) once the list has stopped changing.

    The search worker answers every key press, so early answers (for "l", "lo", ...) can still
    arrive after the last key; the list is final once it is the same twice in a row.
    """
    answered(page).wait_for()
    seen: list[str] = []
    for _ in range(40):
        now = page.evaluate(RESULT_PAGES)
        if now and now == seen:
            break
        seen = now
        page.wait_for_timeout(120)
    page.evaluate("document.getAnimations().forEach((a) => a.finish())")  # the overlay fades in
    return seen


def answer_to_one_search(page: Page) -> list[str]:
    """The result links when only one search was asked for: its first answer is the final one."""
    meta = answered(page)
    meta.wait_for()
    if "No matching" in meta.inner_text():
        return []
    # The count shows first; the list follows in the next frames.
    page.locator(".md-search-result__item").first.wait_for()
    page.evaluate("new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))")
    return page.evaluate(RESULT_PAGES)


def type_search(page: Page, phrase: str, key_by_key: bool = True) -> list[str]:
    """Open the search, type `phrase` (see enter_search), return the results."""
    open_search(page)
    return enter_search(page, phrase, key_by_key)


def enter_search(page: Page, phrase: str, key_by_key: bool = True) -> list[str]:
    """Type `phrase` into the open search box, return the results.

    Material searches on each key-up (it ignores fill() alone). key_by_key=False puts the whole
    phrase in at once and lifts one key, so the search runs once, for the whole phrase: the answer
    a reader gets when they stop typing, several times faster, for the long lists of phrases.
    """
    box = page.locator("input.md-search__input")
    if key_by_key:
        box.press_sequentially(phrase)
        return wait_for_results(page)
    wait_until_empty(page)  # so no answer to the empty box can arrive after the phrase is in
    box.fill(phrase)
    box.press("End")
    return answer_to_one_search(page)


def retype(page: Page, text: str, key_by_key: bool = True) -> list[str]:
    """Empty the open search box as a reader does, type `text` (see enter_search), return the result links."""
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    wait_until_empty(page)
    return enter_search(page, text, key_by_key)


def page_of(href: str, base_url: str) -> str:
    """'http://127.0.0.1:PORT/focus-areas/grief/?h=mum#x' -> 'focus-areas/grief/'."""
    return re.sub(r"[?#].*", "", href).removeprefix(base_url)
