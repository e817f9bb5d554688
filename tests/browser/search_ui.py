"""Driving Material's header search as a reader does: open it, type key by key, read the results."""
from __future__ import annotations

import re

from playwright.sync_api import Page

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


def wait_for_results(page: Page) -> list[str]:
    """The result links (page level, best first) once the list has stopped changing.

    The search worker answers every key press, so early answers (for "l", "lo", ...) can still
    arrive after the last key; the list is final once it is the same twice in a row.
    """
    page.locator(".md-search-result__meta").filter(has_not_text=re.compile("Initializing|Type to start")).wait_for()
    seen: list[str] = []
    for _ in range(40):
        now = page.evaluate(RESULT_PAGES)
        if now and now == seen:
            break
        seen = now
        page.wait_for_timeout(120)
    page.evaluate("document.getAnimations().forEach((a) => a.finish())")  # the overlay fades in
    return seen


def type_search(page: Page, phrase: str) -> list[str]:
    """Open the search, type `phrase` key by key (Material ignores fill()), return the results."""
    open_search(page)
    page.locator("input.md-search__input").press_sequentially(phrase)
    return wait_for_results(page)


def page_of(href: str, base_url: str) -> str:
    """'http://127.0.0.1:PORT/focus-areas/grief/?h=mum#x' -> 'focus-areas/grief/'."""
    return re.sub(r"[?#].*", "", href).removeprefix(base_url)
