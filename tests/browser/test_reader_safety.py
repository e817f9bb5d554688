"""Reader safety and trust in real Chromium: "Exit this page" (click, Shift x3, Back does not return,
works without JavaScript, stays on screen at 320 px without hiding focused links), "Report a problem"
on every page with the page's address filled in, the reviewer line, and the checklist's Print button.

The browser cannot reach the internet, so the neutral page is answered by Playwright's routing: the
tests assert where the browser went, not what the neutral site shows.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import ROOT, Project, error_lines
from support.server import serve
from support.site_pages import configured_site_url, sources

from .conftest import report
from .profiles import NARROW, PHONE

EXIT = '[data-ipt="quick-exit"] a'
QUICK_EXIT_PAGES = [s.url_path for s in sources(ROOT) if s.meta.get("quick_exit")]


@pytest.fixture(scope="module")
def neutral(shared_content: dict) -> str:
    return shared_content["quick_exit"]["url"]


def answer_neutral_page(context: BrowserContext, neutral: str) -> None:
    """Stand in for the neutral site (no internet here); only its exact address is answered."""
    context.route(re.compile("^" + re.escape(neutral) + "$"),
                  lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"))


@pytest.fixture
def phone(browser: Browser, neutral: str) -> Iterator[Page]:
    context = browser.new_context(**PHONE)
    answer_neutral_page(context, neutral)
    yield context.new_page()
    context.close()


def test_the_pages_that_need_it_have_the_exit_button() -> None:
    assert {"get-help-now/", "focus-areas/disagreements/", "staying-safe-online/"} <= set(QUICK_EXIT_PAGES)


def test_pages_without_quick_exit_have_no_button(phone: Page, base_url: str) -> None:
    phone.goto(base_url + "what-is-ipt/")
    expect(phone.locator(EXIT)).to_have_count(0)


@pytest.mark.parametrize("path", QUICK_EXIT_PAGES)
def test_clicking_exit_leaves_and_back_does_not_return(phone: Page, base_url: str, neutral: str, path: str) -> None:
    phone.goto(base_url)
    phone.goto(base_url + path)
    button = phone.locator(EXIT)
    expect(button).to_have_accessible_name("Exit this page")
    entries = phone.evaluate("history.length")
    button.click()
    phone.wait_for_url(neutral)
    assert phone.evaluate("history.length") == entries, "the neutral page was added to the history, not put in place of this one"
    phone.go_back()
    assert phone.url == base_url, f"Back returned to {phone.url}, expected the page before /{path}"


def test_shift_three_times_leaves(phone: Page, base_url: str, neutral: str) -> None:
    phone.goto(base_url)
    phone.goto(base_url + "focus-areas/disagreements/")
    status = phone.locator('[data-ipt="quick-exit"] [role="status"]')
    phone.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    phone.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    phone.keyboard.press("Shift")
    phone.wait_for_url(neutral)
    phone.go_back()
    assert phone.url == base_url


def test_typing_with_shift_is_not_the_shortcut(phone: Page, base_url: str) -> None:
    """Bad example: Shift, a letter, Shift, Shift is 2 presses after the reset, so the reader stays."""
    url = base_url + "focus-areas/disagreements/"
    phone.goto(url)
    for key in ("Shift", "a", "Shift", "Shift"):
        phone.keyboard.press(key)
    expect(phone.locator('[data-ipt="quick-exit"] [role="status"]')).to_have_text("Shift, press 1 more time to exit.")
    phone.wait_for_timeout(300)
    assert phone.url == url


def test_exit_is_a_plain_link_without_javascript(browser: Browser, base_url: str, neutral: str) -> None:
    context = browser.new_context(**PHONE, java_script_enabled=False)
    answer_neutral_page(context, neutral)
    try:
        page = context.new_page()
        page.goto(base_url + "staying-safe-online/")
        button = page.locator(EXIT)
        assert button.get_attribute("href") == neutral
        expect(page.locator(".ipt-quick-exit__hint")).to_be_hidden()  # the shortcut needs the script
        button.click()
        page.wait_for_url(neutral)
    finally:
        context.close()


# Is the element's box visible at any of 5 points (centre and inset corners), i.e. not hidden
# entirely under something else? Points outside the window do not count.
SEEN = """(el) => {
  const r = el.getBoundingClientRect();
  const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 1, r.top + 1],
                  [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1]];
  return points.some(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight &&
                                  el.contains(document.elementFromPoint(x, y)));
}"""


def scrolling_problems(page: Page) -> list[str]:
    """Scroll the open page from top to bottom; the exit button must stay fully on screen, below the
    header, and neither it nor the "Get help now" link may be covered."""
    button, help_link = page.locator(EXIT), page.locator("header [data-ipt=help-link]")
    viewport = page.viewport_size or {"width": 0, "height": 0}
    height = page.evaluate("document.documentElement.scrollHeight")
    problems = []
    for y in (0, height // 3, 2 * height // 3, height):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
        box, help_box = button.bounding_box(), help_link.bounding_box()
        if (not box or box["y"] < 0 or box["y"] + box["height"] > viewport["height"]
                or box["x"] + box["width"] > viewport["width"]):
            problems.append(f"scrolled to {y}: the exit button is not fully on screen ({box})")
        elif not (button.evaluate(SEEN) and help_link.evaluate(SEEN)):
            problems.append(f"scrolled to {y}: the exit button or the help link is covered")
        elif help_box and box["y"] < help_box["y"] + help_box["height"]:
            problems.append(f"scrolled to {y}: the exit button overlaps the header")
    return problems


FOCUSED = f"""() => {{
  const el = document.activeElement, r = el.getBoundingClientRect();
  const inWindow = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  return {{inWindow, seen: inWindow && ({SEEN})(el), text: (el.textContent || el.tagName).trim().slice(0, 40),
           end: el === document.body}};
}}"""


def hidden_focus(page: Page, path: str) -> tuple[int, list[str]]:
    """Tab through the open page; (focused elements on screen, those hidden entirely under something)."""
    hidden, seen = [], 0
    for _ in range(120):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info["inWindow"] and not info["seen"]:
            page.wait_for_timeout(400)  # let Material's panels finish opening or closing
            info = page.evaluate(FOCUSED)
        if info["end"]:
            break
        if info["inWindow"]:
            seen += 1
            if not info["seen"]:
                hidden.append(f"/{path}: focused {info['text']!r} is hidden under something")
    return seen, hidden


@pytest.fixture
def narrow(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**NARROW)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", QUICK_EXIT_PAGES)
def test_exit_stays_on_screen_at_320px_without_covering_the_help_link(narrow: Page, base_url: str, path: str) -> None:
    narrow.goto(base_url + path)
    assert scrolling_problems(narrow) == []


@pytest.mark.parametrize("path", QUICK_EXIT_PAGES)
def test_exit_button_hides_no_focused_link_at_320px(narrow: Page, base_url: str, path: str) -> None:
    """WCAG 2.4.11 Focus not obscured: every link reached with Tab is at least partly visible."""
    narrow.goto(base_url + path)
    seen, hidden = hidden_focus(narrow, path)
    assert seen > 10, f"only {seen} focused elements were on screen: Tab did not move through the page"
    assert not hidden, report(hidden)


def test_layout_checks_catch_a_button_that_scrolls_away_or_covers_the_page(narrow: Page, base_url: str) -> None:
    """Bad examples: a button that is not sticky scrolls off screen; one that fills the screen hides
    the links reached with Tab."""
    path = "staying-safe-online/"
    narrow.goto(base_url + path)
    narrow.evaluate("document.querySelector('.ipt-quick-exit').style.position = 'static'")  # CSSOM: allowed by the CSP
    assert any("the exit button is not fully on screen" in p for p in scrolling_problems(narrow))
    narrow.goto(base_url + path)
    narrow.evaluate("Object.assign(document.querySelector('.ipt-quick-exit__button').style, {width: '100vw', height: '100vh'})")
    _, hidden = hidden_focus(narrow, path)
    assert hidden, "a screen-filling button hid no focused link"


# --- Report a problem ---------------------------------------------------------------------------

def report_link_problems(page: Page, path: str, route: dict) -> list[str]:
    """On the open page: a visible "Report a problem" link that says the configured label, carries
    the page's own address, and the warning not to send health details.
    (The every-page sweep in test_safety.py runs it at phone and desktop size.)"""
    link = page.locator("[data-ipt=report-link]")
    if link.count() != 1 or not link.is_visible():
        return [f"/{path}: no visible report link"]
    problems = []
    href = link.get_attribute("href") or ""
    expected = configured_site_url() + path
    if link.inner_text().strip() != route["label"]:
        problems.append(f"/{path}: report link says {link.inner_text()!r}")
    if not href.startswith(f"mailto:{route['email']}?") or f"Page: {expected}" not in unquote(href):
        problems.append(f"/{path}: report link {href!r} does not carry the page address {expected}")
    if route["warning"] not in page.locator("[data-ipt=report-problem]").inner_text():
        problems.append(f"/{path}: the warning about health details is missing")
    return problems


def test_report_link_check_names_a_wrong_address_and_a_missing_link(
    window: Callable[..., Page], base_url: str, shared_content: dict
) -> None:
    """Bad examples: the about page's link pointing at the glossary's address, then no link at all."""
    page = window("desktop")
    route = shared_content["report_problem"]
    page.goto(base_url + "about/")
    page.evaluate("(a => { a.href = a.href.replaceAll('about', 'glossary') })(document.querySelector('[data-ipt=report-link]'))")
    problems = report_link_problems(page, "about/", route)
    assert len(problems) == 1 and problems[0].startswith("/about/: report link 'mailto:"), problems
    assert problems[0].endswith(f"does not carry the page address {configured_site_url()}about/"), problems
    page.evaluate("document.querySelector('[data-ipt=report-link]').remove()")
    assert report_link_problems(page, "about/", route) == ["/about/: no visible report link"]


def test_crisis_page_has_report_a_number_link(phone: Page, base_url: str, shared_content: dict) -> None:
    route = shared_content["report_problem"]
    phone.goto(base_url + "get-help-now/")
    link = phone.get_by_role("link", name=route["crisis_label"])
    expect(link).to_be_visible()
    href = unquote(link.get_attribute("href") or "")
    assert route["crisis_subject"] in href and "get-help-now/" in href
    phone.goto(base_url + "what-is-ipt/")
    expect(phone.get_by_role("link", name=route["crisis_label"])).to_have_count(0)


# --- the reviewer next to the review dates --------------------------------------------------------

def test_no_reviewer_is_shown_when_none_is_set(phone: Page, base_url: str) -> None:
    phone.goto(base_url + "focus-areas/grief/")
    expect(phone.locator("[data-ipt=review-dates]")).to_be_visible()
    expect(phone.locator("[data-ipt=reviewed-by]")).to_have_count(0)


def test_reviewer_is_shown_next_to_the_review_dates(project: Project, browser: Browser) -> None:
    page_file = "docs/focus-areas/grief.md"
    source = (project.path / page_file).read_text(encoding="utf-8")
    project.write(page_file, source.replace(
        "\nlast_reviewed:", "\nreviewed_by:\n  name: Dr Ann O'Neil\n  role: clinical psychologist\nlast_reviewed:", 1))
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    context = browser.new_context(**PHONE)
    try:
        with serve(project.path / "site") as url:
            page = context.new_page()
            page.goto(url + "focus-areas/grief/")
            dates = page.locator("[data-ipt=review-dates]")
            reviewer = dates.locator("[data-ipt=reviewed-by]")
            expect(reviewer).to_have_text("Reviewed by Dr Ann O'Neil, clinical psychologist")
            reviewer.scroll_into_view_if_needed()
            expect(reviewer).to_be_in_viewport()
            expect(dates).to_contain_text("Next review due")
    finally:
        context.close()


# --- the printable checklist ----------------------------------------------------------------------

def test_checklist_print_button_prints_and_paper_gets_lines_for_notes(phone: Page, base_url: str) -> None:
    phone.goto(base_url + "finding-a-therapist/")
    phone.get_by_role("link", name="print these questions as a checklist").click()
    phone.wait_for_url(base_url + "questions-to-ask-a-therapist/")
    button = phone.get_by_role("button", name="Print this checklist")
    expect(button).to_be_visible()
    phone.evaluate("window.__printed = 0; addEventListener('beforeprint', () => window.__printed++)")
    button.click()
    phone.wait_for_function("window.__printed > 0", timeout=5000)
    notes = phone.locator(".ipt-checklist .ipt-notes")
    assert notes.count() >= 9
    expect(notes.first).to_be_hidden()  # on screen: no empty lines
    phone.emulate_media(media="print")
    expect(notes.first).to_be_visible()
    expect(button).to_be_hidden()
    expect(phone.locator(EXIT)).to_have_count(0)
