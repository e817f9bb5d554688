"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA problem on any page, in the light and dark palettes,
at phone and desktop size, nor in the search overlay showing results.

axe is the copy bundled with axe-playwright-python (no download). Besides the WCAG tags we switch
on `aria-dialog-name` (an axe best practice): without it, screen readers announce the search as
an unnamed "dialog".
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from .conftest import FailingPages, report
from .profiles import PROFILES
from .search_ui import type_search

AXE = Axe()
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],  # details only for what failed: a smaller answer to carry back
}
SCHEME = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's palette scheme
MODES = [(scheme, profile) for scheme in SCHEME for profile in ("phone", "desktop")]


def axe_problems(page: Page, where: str) -> list[str]:
    """One line per violated rule: where, rule id, what it means, and the CSS selectors of the nodes."""
    # Check the settled page: a colour half-way through a fade is not what readers are left with.
    page.evaluate("document.getAnimations().forEach((a) => { try { a.finish() } catch {} })")
    problems = []
    for rule in AXE.run(page, options=OPTIONS).response["violations"]:
        targets = ", ".join(" ".join(map(str, node["target"])) for node in rule["nodes"][:8])
        more = f" (+{len(rule['nodes']) - 8} more)" if len(rule["nodes"]) > 8 else ""
        problems.append(f"{where}: {rule['id']} — {rule['help']}: {targets}{more}")
    return problems


def check_palette(page: Page, scheme: str) -> None:
    shown = page.evaluate("document.body.dataset.mdColorScheme")
    assert shown == SCHEME[scheme], f"the {scheme} palette did not apply (body shows {shown!r})"


@pytest.mark.parametrize(("scheme", "profile"), MODES)
def test_axe_every_page(
    window: Callable[..., Page], scheme: str, profile: str, base_url: str,
    site_paths: list[str], failing_pages: FailingPages,
) -> None:
    page = window(profile, scheme)
    problems: list[str] = []
    for path in site_paths:
        page.goto(base_url + path)
        check_palette(page, scheme)
        found = axe_problems(page, f"/{path} [{scheme}, {profile}]")
        if found:
            failing_pages.add(path)
        problems += found
    assert not problems, report(problems)


@pytest.mark.parametrize(("scheme", "profile"), MODES)
def test_axe_search_overlay_with_results(
    window: Callable[..., Page], scheme: str, profile: str, base_url: str, failing_pages: FailingPages
) -> None:
    page = window(profile, scheme)
    page.goto(base_url)
    assert type_search(page, "grief"), "no search results for 'grief'"
    page.locator(".md-search-result__item mark").first.wait_for()  # highlighted words are checked too
    check_palette(page, scheme)
    problems = axe_problems(page, f"/ with search results open [{scheme}, {profile}]")
    if problems:
        failing_pages.add("", live=page)
    assert not problems, report(problems)


def test_palette_switch_gives_dark_mode_without_problems(browser: Browser, base_url: str) -> None:
    """Readers who pick dark mode with the header switch (not their system setting) get the same
    dark palette, and it stays accessible."""
    context = browser.new_context(**PROFILES["desktop"], color_scheme="light")
    try:
        page = context.new_page()
        page.goto(base_url + "what-is-ipt/")
        check_palette(page, "light")
        page.locator("label[title='Switch to dark mode']:visible, label[aria-label='Switch to dark mode']:visible").first.click()
        page.evaluate("document.getAnimations().forEach((a) => a.finish())")
        check_palette(page, "dark")
        page.goto(base_url + "about/")  # the choice is remembered on the next page
        check_palette(page, "dark")
        assert axe_problems(page, "/about/ [dark by switch, desktop]") == []
    finally:
        context.close()


def test_axe_check_reports_page_mode_rule_and_target(window: Callable[..., Page], base_url: str) -> None:
    page = window("desktop")
    page.goto(base_url + "about/")
    page.evaluate("""() => { const p = document.createElement("p"); p.id = "faint";
      p.textContent = "Pale grey text"; p.style.color = "#ccc";
      document.querySelector("article").append(p); }""")
    problems = axe_problems(page, "/about/ [light, desktop]")
    assert problems == [
        "/about/ [light, desktop]: color-contrast — Elements must meet minimum color contrast ratio thresholds: #faint"
    ]
