"""Safety features readers must always see, on screen and working, at phone and desktop size: the
"Get help now" link, reachable in one click; on articles the medical disclaimer and the finder; and
"Report a problem" with the page's address (its check is in test_reader_safety.py).

The theme places these the same way on every page of a kind, so the browser checks one page of each
kind (page_of_each_kind); that every page carries them is checked in the built HTML of every page
(tests/html/test_site.py, tests/html/test_page_safety_parts.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from support.page_parts import finder_page, footer_parts

from .conftest import FailingPages, report
from .test_reader_safety import report_link_problems
from .visibility import on_screen_problem


def help_link_problems(page: Page, path: str, help_path: str, base_url: str, click: bool = True) -> list[str]:
    """On the open page, the help link must be on screen and lead to the crisis page in one click.

    click=False: the link's address is checked instead of following it. Being on screen includes
    being the topmost element at its centre, so a tap there reaches the link; the sweep below
    clicks for real on the first page of each window, and reads the address on the others.
    """
    link = page.locator("header [data-ipt=help-link]")
    problem = on_screen_problem(link, '"Get help now" link')
    if problem:
        return [f"/{path}: {problem}"]
    if not click:
        href = link.first.evaluate("(a) => a.href")
        return [] if href == base_url + help_path else [f'/{path}: "Get help now" leads to {href}, not /{help_path}']
    link.first.click()
    try:  # the click starts a navigation; wait for it to arrive
        page.wait_for_url(re.compile(re.escape(base_url + help_path) + "(#.*)?$"), timeout=3000)
    except PlaywrightTimeoutError:
        return [f'/{path}: one click on "Get help now" opened {page.url}, not /{help_path}']
    if page.locator("article h1").count() == 0:
        return [f"/{path}: the crisis page /{help_path} has no heading"]
    return []


def footer_problems(page: Page, path: str, finder_path: str) -> list[str]:
    """On the open article, the medical disclaimer and the finder box (with its button, except on
    the finder page itself) must be on screen once scrolled to."""
    problems = []
    for name, selector in footer_parts(path, finder_path).items():
        target = page.locator(selector)
        if target.count():
            target.first.scroll_into_view_if_needed()
        problem = on_screen_problem(target, name)
        if problem:
            problems.append(f"/{path}: {problem}")
    return problems


@pytest.mark.parametrize("profile", ["phone", "desktop"])
def test_help_link_report_link_and_article_footer_on_each_kind_of_page(
    window: Callable[..., Page],
    profile: str,
    base_url: str,
    page_of_each_kind: list[str],
    articles: list[str],
    help_path: str,
    shared_content: dict,
    failing_pages: FailingPages,
) -> None:
    """ "Get help now" on screen and one click from the crisis page, and a visible report link with
    the page's address. On an article (source front matter without `kind: page`): the medical
    disclaimer and the finder, visibly."""
    finder_path = finder_page(shared_content)
    page = window(profile)
    problems: list[str] = []
    for i, path in enumerate(page_of_each_kind):
        page.goto(base_url + path)
        found = report_link_problems(page, path, shared_content["report_problem"])
        found += footer_problems(page, path, finder_path) if path in articles else []
        page.evaluate("window.scrollTo(0, 0)")
        found += help_link_problems(page, path, help_path, base_url, click=i == 0)
        if found:
            failing_pages.add(path)
        problems += [f"{p} [{profile}]" for p in found]
    assert not problems, report(problems)


# --- the checks can fail ------------------------------------------------------------------------


def test_help_link_check_reports_a_covered_link(window: Callable[..., Page], base_url: str) -> None:
    page = window("phone")
    page.goto(base_url + "about/")
    # A full-width banner fixed over the header, as a careless cookie banner would be.
    page.evaluate("""() => { const d = document.createElement('div'); d.className = 'cover';
      Object.assign(d.style, {position: 'fixed', top: '0', left: '0', right: '0', height: '120px', zIndex: 99999, background: '#fff'});
      document.body.append(d); }""")
    problem = on_screen_problem(page.locator("header [data-ipt=help-link]"), '"Get help now" link')
    assert problem == '"Get help now" link is covered by <div class="cover">'


def test_help_link_check_reports_a_link_off_screen(window: Callable[..., Page], base_url: str) -> None:
    page = window("phone")
    page.goto(base_url + "about/")
    page.evaluate("document.querySelector('[data-ipt=help-link]').style.marginLeft = '400px'")
    problem = on_screen_problem(page.locator("header [data-ipt=help-link]"), '"Get help now" link')
    assert problem.startswith('"Get help now" link is outside the 375x812 viewport')


def test_help_link_check_reports_a_wrong_target(window: Callable[..., Page], base_url: str, help_path: str) -> None:
    page = window("desktop")
    page.goto(base_url + "glossary/")
    found = help_link_problems(page, "glossary/", "nowhere/", base_url, click=False)
    assert found == [f'/glossary/: "Get help now" leads to {base_url}{help_path}, not /nowhere/']
    found = help_link_problems(page, "glossary/", "nowhere/", base_url)
    assert found == [f'/glossary/: one click on "Get help now" opened {base_url}{help_path}, not /nowhere/']


def test_footer_check_reports_a_hidden_disclaimer_and_a_page_without_finder(
    window: Callable[..., Page], base_url: str, help_path: str
) -> None:
    page = window("desktop")
    # The crisis page is not an article: it has no footer, so the check must say what is missing.
    page.goto(base_url + help_path)
    assert footer_problems(page, help_path, "") == [
        f"/{help_path}: medical disclaimer is missing",
        f"/{help_path}: finder box is missing",
        f"/{help_path}: finder button is missing",
    ]
    page.goto(base_url + "glossary/")
    page.evaluate("document.querySelector('[data-ipt=disclaimer-medical]').style.visibility = 'hidden'")
    problem = on_screen_problem(page.locator("[data-ipt=disclaimer-medical]"), "medical disclaimer")
    assert problem == "medical disclaimer is not visible"
