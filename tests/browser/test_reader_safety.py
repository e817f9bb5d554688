"""Reader safety and trust in real Chromium: "Exit this page" (click, Shift x3, Back skips the page
left, works without JavaScript, first or second Tab stop, on top of the open search screen and phone
menu, stays on screen at 320 px without hiding focused links), "Report a problem"
on every page with the page's address filled in, the reviewer line, and the checklist's Print button.

The browser cannot reach the internet, so the neutral page is answered by Playwright's routing: the
tests assert where the browser went, not what the neutral site shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import Project, error_lines
from support.page_parts import report_link_problems as html_report_link_problems
from support.server import serve
from support.site_pages import configured_site_url

from .conftest import report
from .profiles import NARROW, PHONE
from .search_ui import answered, open_search

EXIT = '[data-ipt="quick-exit"] a'
# Every page has the button (tests/html/test_theme.py checks each built page). The browser checks run
# on pages of each kind: the crisis page, a page about abuse, this page about privacy, an article
# that had no button before, and the home page (no table of contents, so main.html's own skip link).
EXIT_PAGES = ["get-help-now/", "focus-areas/disagreements/", "staying-safe-online/", "what-is-ipt/", ""]
# The pages the Tab-through checks run on (each press is slow): the long pages readers may need to leave.
LONG_EXIT_PAGES = EXIT_PAGES[:3]


@pytest.fixture(scope="module")
def neutral(shared_content: dict) -> str:
    return shared_content["quick_exit"]["url"]


def answer_neutral_page(context: BrowserContext, neutral: str) -> None:
    """Stand in for the neutral site (no internet here); only its exact address is answered."""
    context.route(
        re.compile("^" + re.escape(neutral) + "$"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"),
    )


@pytest.fixture
def phone(browser: Browser, neutral: str) -> Iterator[Page]:
    context = browser.new_context(**PHONE)
    answer_neutral_page(context, neutral)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", EXIT_PAGES)
def test_clicking_exit_leaves_and_back_does_not_return(phone: Page, base_url: str, neutral: str, path: str) -> None:
    phone.goto(base_url + "about/")
    phone.goto(base_url + path)
    button = phone.locator(EXIT)
    expect(button).to_have_accessible_name("Exit this page")
    entries = phone.evaluate("history.length")
    button.click()
    phone.wait_for_url(neutral)
    assert phone.evaluate("history.length") == entries, (
        "the neutral page was added to the history, not put in place of this one"
    )
    phone.go_back()
    # What staying-safe-online.md says: Back skips the page the reader left, but brings back the
    # page of this guide they opened before it (here the About page).
    assert phone.url == base_url + "about/", f"Back returned to {phone.url}, expected the page before /{path}"


def test_shift_three_times_leaves(phone: Page, base_url: str, neutral: str) -> None:
    """On an article that had no button before every page got one."""
    phone.goto(base_url)
    phone.goto(base_url + "who-ipt-can-help/")
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
        if (
            not box
            or box["y"] < 0
            or box["y"] + box["height"] > viewport["height"]
            or box["x"] + box["width"] > viewport["width"]
        ):
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


# Material's panels open and close with CSS transitions, some started a frame after the focus moves:
# two frames, then every running transition jumped to its end (what the reader sees once it settles).
SETTLE = """() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
  document.getAnimations().forEach((a) => { try { a.finish(); } catch {} }); ok(); })))"""


def hidden_focus(page: Page, path: str) -> tuple[int, list[str]]:
    """Tab through the open page; (focused elements on screen, those hidden entirely under something)."""
    hidden, seen = [], 0
    for _ in range(120):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info["inWindow"] and not info["seen"]:
            page.evaluate(SETTLE)  # let Material's panels finish opening or closing
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


@pytest.mark.parametrize("path", LONG_EXIT_PAGES)
def test_exit_stays_on_screen_at_320px_without_covering_the_help_link(narrow: Page, base_url: str, path: str) -> None:
    narrow.goto(base_url + path)
    assert scrolling_problems(narrow) == []


@pytest.mark.parametrize("path", LONG_EXIT_PAGES)
def test_exit_button_hides_no_focused_link_at_320px(narrow: Page, base_url: str, path: str) -> None:
    """WCAG 2.4.11 Focus not obscured: every link reached with Tab is at least partly visible."""
    narrow.goto(base_url + path)
    seen, hidden = hidden_focus(narrow, path)
    assert seen > 10, f"only {seen} focused elements were on screen: Tab did not move through the page"
    assert not hidden, report(hidden)


def test_layout_checks_catch_a_button_that_scrolls_away_or_covers_the_page(narrow: Page, base_url: str) -> None:
    """Bad examples: a button that is not fixed scrolls off screen; one that fills the screen hides
    the links reached with Tab."""
    path = "staying-safe-online/"
    narrow.goto(base_url + path)
    narrow.evaluate(
        "document.querySelector('.ipt-quick-exit').style.position = 'absolute'"
    )  # CSSOM: allowed by the CSP
    assert any("the exit button is not fully on screen" in p for p in scrolling_problems(narrow))
    narrow.goto(base_url + path)
    narrow.evaluate(
        "Object.assign(document.querySelector('.ipt-quick-exit__button').style, {width: '100vw', height: '100vh'})"
    )
    _, hidden = hidden_focus(narrow, path)
    assert hidden, "a screen-filling button hid no focused link"


# --- on top of Material's search screen and phone menu; first in the Tab order -----------------

WIDTHS = {
    "320px": {"width": 320, "height": 640},
    "390px": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}
# Is the point at the centre of the button the button itself (not a panel drawn over it)?
ON_TOP = """(el) => { const r = el.getBoundingClientRect();
  return r.width > 0 && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); }"""


def open_panel(page: Page, panel: str) -> None:
    """Open Material's search screen or its phone menu (drawer), as a reader does, and let it settle."""
    if panel == "search":
        open_search(page)
        page.locator("input.md-search__input").press_sequentially("my partner")
        answered(page).wait_for()
    else:
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function("document.getElementById('__drawer').checked")
    page.evaluate("document.getAnimations().forEach((a) => a.finish())")


def covered_problems(page: Page, where: str) -> list[str]:
    """The exit button is on top (not under a panel), and it overlaps neither the header's help link
    nor the search box (where they are shown)."""
    button = page.locator(EXIT)
    problems = [] if button.evaluate(ON_TOP) else [f"{where}: the exit button is covered"]
    box = button.bounding_box() or {"x": 0, "y": 0, "width": 0, "height": 0}
    for name, selector in (("help link", "header [data-ipt=help-link]"), ("search box", "input.md-search__input")):
        other = page.locator(selector).bounding_box() if page.locator(selector).is_visible() else None
        if other and (
            box["x"] < other["x"] + other["width"]
            and other["x"] < box["x"] + box["width"]
            and box["y"] < other["y"] + other["height"]
            and other["y"] < box["y"] + box["height"]
        ):
            problems.append(f"{where}: the exit button overlaps the {name}")
    return problems


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser, neutral: str) -> Iterator[Page]:
    mobile = request.param != "desktop"
    context = browser.new_context(viewport=WIDTHS[request.param], is_mobile=mobile, has_touch=mobile)
    answer_neutral_page(context, neutral)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("panel", ["search", "menu"])
def test_exit_is_on_top_of_the_open_search_and_menu(sized: Page, base_url: str, neutral: str, panel: str) -> None:
    """At 320 px, 390 px and on a desktop: with the panel open, the button is what a tap at its centre
    hits, and the tap leaves. (A desktop has no drawer: its menu is always open at the side.)"""
    sized.goto(base_url + "what-is-ipt/")
    if panel == "menu" and not sized.locator("label.md-header__button[for=__drawer]").is_visible():
        pytest.skip("the menu is a drawer only on narrow screens")
    open_panel(sized, panel)
    assert covered_problems(sized, f"{panel} open") == []
    box = sized.locator(EXIT).bounding_box()
    assert box
    sized.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    sized.wait_for_url(neutral)


def test_cover_check_sees_a_button_under_the_search_and_the_menu(narrow: Page, base_url: str) -> None:
    """Bad examples: the button put back under the header's level (z-index 3, as it was), and the
    button moved up into the header (over the help link and, at 320 px, the search box)."""
    narrow.goto(base_url + "what-is-ipt/")
    narrow.evaluate("document.querySelector('.ipt-quick-exit').style.zIndex = '3'")
    open_panel(narrow, "search")
    assert covered_problems(narrow, "search open") == ["search open: the exit button is covered"]
    narrow.goto(base_url + "what-is-ipt/")
    narrow.evaluate("document.querySelector('.ipt-quick-exit').style.zIndex = '3'")
    open_panel(narrow, "menu")
    assert covered_problems(narrow, "menu open") == ["menu open: the exit button is covered"]
    narrow.goto(base_url + "what-is-ipt/")
    open_panel(narrow, "search")
    narrow.evaluate("document.querySelector('.ipt-quick-exit').style.top = '0'")
    assert covered_problems(narrow, "search open") == [
        "search open: the exit button overlaps the help link",
        "search open: the exit button overlaps the search box",
    ]


def tab_stops(page: Page, count: int) -> list[str]:
    """The first `count` elements Tab reaches from the top of the page, as 'tag: text'."""
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                "(() => { const el = document.activeElement;"
                " return el.tagName.toLowerCase() + ': ' + (el.textContent || '').trim(); })()"
            )
        )
    return stops


@pytest.mark.parametrize("path", ["what-is-ipt/", "", "404.html"])
def test_exit_is_the_first_or_second_tab_stop(window: Callable[..., Page], base_url: str, path: str) -> None:
    """Second after "Skip to content" (Material's on pages with contents, main.html's on the others)."""
    page = window("desktop")
    page.goto(base_url + path)
    stops = tab_stops(page, 2)
    assert "a: Exit this page" in stops, f"/{path}: the first Tab stops are {stops}"


def test_tab_order_check_sees_a_button_after_the_header(window: Callable[..., Page], base_url: str) -> None:
    """Bad example: the button's box moved after the header, where it used to be."""
    page = window("desktop")
    page.goto(base_url + "what-is-ipt/")
    page.evaluate("document.querySelector('.md-container').prepend(document.querySelector('.ipt-quick-exit'))")
    assert "a: Exit this page" not in tab_stops(page, 2)


# --- Report a problem ---------------------------------------------------------------------------


def report_link_problems(page: Page, path: str, route: dict) -> list[str]:
    """On the open page: a visible "Report a problem" link, then the rules of
    support/page_parts.py (the configured label, the page's own address, the warning not to send
    health details) on what the browser shows. test_safety.py runs it on one page of each kind."""
    link = page.locator("[data-ipt=report-link]")
    if link.count() != 1 or not link.is_visible():
        return [f"/{path}: no visible report link"]
    return html_report_link_problems(BeautifulSoup(page.content(), "html.parser"), path, route)


def test_report_link_check_names_a_wrong_address_and_a_missing_link(
    window: Callable[..., Page], base_url: str, shared_content: dict
) -> None:
    """Bad examples: the about page's link pointing at the glossary's address, then no link at all."""
    page = window("desktop")
    route = shared_content["report_problem"]
    page.goto(base_url + "about/")
    page.evaluate(
        "(a => { a.href = a.href.replaceAll('about', 'glossary') })(document.querySelector('[data-ipt=report-link]'))"
    )
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
    project.write(
        page_file,
        source.replace(
            "\nlast_reviewed:",
            "\nreviewed_by:\n  name: Dr Ann O'Neil\n  role: clinical psychologist\nlast_reviewed:",
            1,
        ),
    )
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
    expect(phone.locator(EXIT)).to_be_hidden()  # no exit button on paper
