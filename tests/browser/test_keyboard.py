"""Keyboard use: a skip link that shows on focus, a visible focus indicator on every tab stop,
and search that opens, finds and opens a result without a mouse."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import FailingPages, report
from .profiles import DESKTOP
from .search_ui import page_of, wait_for_results
from .visibility import on_screen_problem

# --- skip link ----------------------------------------------------------------------------------

# How a problem names an element: tag, first classes, and its label or text.
DESCRIBE = """(el) => el.tagName.toLowerCase() +
  [...el.classList].filter((c) => !c.startsWith("focus-visible")).slice(0, 2).map((c) => "." + c).join("") +
  ` "${(el.getAttribute("aria-label") || el.title || el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 30)}"`"""


def skip_link_problems(page: Page, path: str) -> list[str]:
    """On the freshly opened page, the first Tab must land on a skip link that is then on screen,
    and Enter must move to the content."""
    page.keyboard.press("Tab")
    page.evaluate(FINISH_TRANSITIONS)  # Material fades the skip link in; check its end state
    focused = page.locator(":focus")
    if not focused.evaluate("(el) => el.matches('a.md-skip')"):
        return [f"/{path}: the first Tab lands on {focused.evaluate(DESCRIBE)}, not on a skip link"]
    problem = on_screen_problem(focused, "focused skip link")
    if problem:
        return [f"/{path}: {problem}"]
    target = focused.get_attribute("href") or ""
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("(hash) => location.hash === hash", arg=target, timeout=2000)
    except PlaywrightTimeoutError:
        return [f"/{path}: Enter on the skip link did not move to {target!r}"]
    if not target.startswith("#") or page.locator(target).count() != 1:
        return [f"/{path}: the skip link leads to {target!r}, which is not an element on the page"]
    return []


def test_skip_link_check_reports_a_missing_link(window: Callable[..., Page], base_url: str) -> None:
    page = window("desktop")
    page.goto(base_url + "about/")
    page.evaluate("document.querySelector('a.md-skip').remove()")
    problems = skip_link_problems(page, "about/")
    assert len(problems) == 1 and re.fullmatch(
        r'/about/: the first Tab lands on a.ipt-quick-exit__button "Exit this page", not on a skip link', problems[0]
    ), problems


def test_skip_link_check_reports_a_link_that_stays_hidden(window: Callable[..., Page], base_url: str) -> None:
    page = window("desktop")
    page.goto(base_url + "about/")
    page.evaluate("document.querySelector('a.md-skip').style.transform = 'translateY(-500px)'")
    problems = skip_link_problems(page, "about/")
    assert len(problems) == 1 and problems[0].startswith(
        "/about/: focused skip link is outside the 1280x800 viewport"
    ), problems


# --- visible focus ------------------------------------------------------------------------------
# For each tab stop, the outline, box-shadow and background of the element (and of what shows it:
# the label after a visually hidden radio button, the search form around the search field) are
# compared with the same element at rest. Running transitions are jumped to their end (what the
# reader sees a quarter second later), so the test neither waits nor reads a half-faded state.

FINISH_TRANSITIONS = """() => document.getAnimations().forEach((a) => {
  try { a.finish(); } catch { /* an endless animation cannot finish; it is not a focus style */ } })"""

# Run on the open page before the first Tab: each focusable element's styles at rest, and
# __iptStop(el): what a tab stop on `el` shows ({name, shown, first, inContent}), the first stop
# marked so that a walk knows when Tab has come round. `recordStops`: a focusin listener also
# keeps the stop of every element Tab reaches in __iptStops (the fast walk reads them in batches).
REST_STYLES = (
    """(recordStops) => {
  window.__iptParts = (el) => [el, el.nextElementSibling?.tagName === "LABEL" ? el.nextElementSibling : null,
                               el.closest("form")].filter(Boolean);
  window.__iptStyle = (el) => { const c = getComputedStyle(el);
    return {outline: c.outlineStyle !== "none" && parseFloat(c.outlineWidth) > 0 && !c.outlineColor.endsWith(", 0)")
              ? `${c.outlineStyle} ${c.outlineWidth} ${c.outlineColor}` : "none",
            shadow: c.boxShadow, background: c.backgroundColor}; };
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]"))
    el.__iptRest = window.__iptParts(el).map(window.__iptStyle);
  window.__iptStop = (el) => {
    const name = ("""
    + DESCRIBE
    + """)(el);
    const first = el.dataset.iptFirst === "1";
    if (!document.querySelector("[data-ipt-first]")) el.dataset.iptFirst = "1";
    const inContent = !!el.closest(".md-content");
    const rest = el.__iptRest;
    if (!rest) return {name, shown: true, first, inContent};  // made after load (search results)
    ("""
    + FINISH_TRANSITIONS
    + """)();
    const shown = window.__iptParts(el).map(window.__iptStyle).some((s, i) => rest[i] && (
      (s.outline !== "none" && s.outline !== rest[i].outline) || s.shadow !== rest[i].shadow ||
      s.background !== rest[i].background));
    return {name, shown, first, inContent};
  };
  window.__iptStops = [];
  if (recordStops) document.addEventListener("focusin", (e) => window.__iptStops.push(window.__iptStop(e.target)), true);
}"""
)

# The exact step: the stop Tab has just reached, read after the press.
FOCUS_STEP = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const stop = window.__iptStop(el);
  if (stop.shown || stop.first) return stop;
  // Material reacts to some focus changes a moment later (it opens the search when the field gets
  // focus): give it two frames before calling the focus invisible.
  delete el.dataset.iptFirst;
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  return window.__iptStop(el);
}"""

BATCH = 10  # Tab presses between two readings of the recorded stops in the fast walk


def stop_problem(stop: dict | None, path: str, content_only: bool) -> str | None:
    """None once the walk is over (back at the start, or out of the content); else '' or the problem."""
    if stop is None or stop["first"] or (content_only and not stop["inContent"]):
        return None
    return "" if stop["shown"] else f"/{path}: no visible focus indicator on {stop['name']}"


def exact_walk(page: Page, path: str, content_only: bool, max_stops: int) -> list[str]:
    """Press Tab, read the stop (waiting two frames for one that does not show at once), repeat."""
    problems: list[str] = []
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        problem = stop_problem(page.evaluate(FOCUS_STEP), path, content_only)
        if problem is None:
            break
        problems += [problem] if problem else []
    return problems


def fast_walk(page: Page, path: str, content_only: bool, max_stops: int) -> list[str] | None:
    """Press Tab BATCH times, read what the focusin listener recorded, repeat: the stops as
    exact_walk sees them, in a tenth of the round trips. None if a stop's focus did not show at
    once: only exact_walk, which gives Material its two frames, may call it invisible."""
    for _ in range(0, max_stops, BATCH):
        for _ in range(BATCH):
            page.keyboard.press("Tab")
        for stop in page.evaluate("window.__iptStops.splice(0)"):
            problem = stop_problem(stop, path, content_only)
            if problem is None:
                return []
            if problem:
                return None
    return []


def focus_problems(page: Page, url: str, path: str, content_only: bool = False, max_stops: int = 250) -> list[str]:
    """Tab through the page; every stop must change its outline, shadow or background.

    content_only: use the skip link as a reader would (and check it: skip_link_problems), then
    check only the stops in the content. The header, menu and footer are the same on every page,
    so one full round is enough; a page whose skip link fails gets a full round too.
    The fast walk first; the exact walk, on the page opened anew, if the fast one saw a problem.
    A full round meets the search field, whose focus Material shows a frame later: it takes the
    exact walk at once.
    """
    for walk in (fast_walk, exact_walk) if content_only else (exact_walk,):
        page.goto(url)
        page.evaluate(REST_STYLES, walk is fast_walk)
        problems: list[str] = []
        only_content = content_only
        if content_only:
            problems = skip_link_problems(page, path)  # Tab, Enter: the next Tab starts in the content
            if problems:
                only_content = False
                page.goto(url)
                page.evaluate(REST_STYLES, walk is fast_walk)
        page.evaluate("window.__iptStops.splice(0)")  # the skip link's stop was checked above
        found = walk(page, path, only_content, max_stops)
        if found is not None:
            return list(dict.fromkeys(problems + found))
    raise AssertionError("unreachable: the exact walk always answers")


def test_skip_link_and_visible_focus_on_every_page(
    window: Callable[..., Page], base_url: str, site_paths: list[str], failing_pages: FailingPages
) -> None:
    """Every page: the first Tab reaches a working skip link, and every tab stop shows its focus."""
    page = window("desktop")
    problems: list[str] = []
    for i, path in enumerate(site_paths):
        if i == 0:  # a full round of tab stops on the first page, so its skip link is checked apart
            page.goto(base_url + path)
            found = skip_link_problems(page, path) + focus_problems(page, base_url + path, path)
        else:  # the skip link, then the stops in the content
            found = focus_problems(page, base_url + path, path, content_only=True)
        if found:
            failing_pages.add(path)
        problems += found
    assert not problems, report(problems)


# What a careless "outline: none" reset does; set through CSSOM because the CSP forbids inline CSS.
NO_OUTLINES = """() => { const sheet = new CSSStyleSheet();
  sheet.replaceSync(":focus, :focus-visible, .focus-visible { outline: none !important; box-shadow: none !important }");
  document.adoptedStyleSheets = [sheet]; }"""


def test_focus_check_reports_removed_outlines(window: Callable[..., Page], base_url: str) -> None:
    page = window("desktop")
    page.goto(base_url + "about/")
    page.evaluate(NO_OUTLINES)
    page.evaluate(REST_STYLES)
    for _ in range(3):  # the skip link, "Exit this page", the logo
        page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_STEP) == {
        "name": 'a.md-header__button.md-logo "The IPT guide"',
        "shown": False,
        "first": False,
        "inContent": False,
    }


def test_focus_walk_reports_removed_outlines_on_a_whole_page(browser: Browser, base_url: str) -> None:
    """Bad example for the whole walk: with the reset on every page of the context, the fast walk
    sees a stop without focus, and the exact walk it hands over to names the stops in the content."""
    context = browser.new_context(**DESKTOP)
    context.add_init_script(f"document.addEventListener('DOMContentLoaded', () => ({NO_OUTLINES})())")
    try:
        problems = focus_problems(context.new_page(), base_url + "about/", "about/", content_only=True)
    finally:
        context.close()
    assert problems and all(p.startswith("/about/: no visible focus indicator on ") for p in problems), problems


# --- search from the keyboard -------------------------------------------------------------------


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_by_keyboard_alone(window: Callable[..., Page], base_url: str, key: str) -> None:
    page = window("desktop")
    page.goto(base_url + "about/")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')"), f'"{key}" did not open search'
    page.keyboard.type("lonely")
    results = wait_for_results(page)
    assert results, "no results for 'lonely'"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.md-search-result__link')"), (
        "ArrowDown did not reach a result"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(page_of(results[0], base_url)) + r"([?#].*)?$"))
    assert page.locator("article h1").count() == 1
