"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA problem on any page, in the light and dark palettes,
at phone and desktop size, nor in the search overlay showing results and the crisis help card.

axe is the copy bundled with axe-playwright-python (no download). Besides the WCAG tags we switch
on `aria-dialog-name` (an axe best practice): without it, screen readers announce the search as
an unnamed "dialog".

Each page is opened once per size, and checked in both palettes by switching with Material's own
palette switch (what a reader's click does). Two facts keep this fast without checking less:
- The dark palette changes colours only, so in it only the colour rules (COLOUR_RULES) can find
  something new; every other rule gave its answer on the same page and layout in light.
- The colour rules are most of axe's time, and the article's colours do not depend on the screen
  width. At phone size they check the page around the article (header, menu, footer); the article
  itself is checked there only if its colours or text sizes differ from desktop width, which the
  phone check compares element by element in both palettes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from .conftest import FailingPages, report
from .profiles import PROFILES
from .search_ui import type_search
from .test_text_size import box_text_problems

AXE = Axe()
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],  # details only for what failed: a smaller answer to carry back
}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the axe rules whose answer depends on colours
ARTICLE = "article.md-content__inner"
SCHEME = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's palette scheme
MODES = [(scheme, profile) for scheme in SCHEME for profile in ("phone", "desktop")]
CARD_QUERY = "i want to die"  # brings up the help card above the results

# What decides the result of a colour rule for each element of the article, compared across widths.
ARTICLE_STYLES = """(article) => [article, ...article.querySelectorAll("*")].map((el) => {
  const s = getComputedStyle(el);
  return [el.tagName, s.color, s.backgroundColor, s.backgroundImage, s.opacity, s.fontSize, s.fontWeight,
          s.textDecorationLine, s.visibility, s.display === "none"].join(" ");
})"""


def article_styles(page: Page) -> list[str]:
    return page.locator(ARTICLE).evaluate(ARTICLE_STYLES) if page.locator(ARTICLE).count() else []


def axe_problems(
    page: Page, where: str, *, rules: list[str] | None = None, exclude: str | None = None, skip_colour: bool = False
) -> list[str]:
    """One line per violated rule: where, rule id, what it means, and the CSS selectors of the nodes.

    `rules` runs only those rules; `exclude` leaves out what a CSS selector matches; `skip_colour`
    runs every rule but the colour rules.
    """
    # Check the settled page: a colour half-way through a fade is not what readers are left with.
    page.evaluate("document.getAnimations().forEach((a) => { try { a.finish() } catch {} })")
    options = {**OPTIONS, "runOnly": {"type": "rule", "values": rules}} if rules else OPTIONS
    if skip_colour:
        options = {**options, "rules": {**options["rules"], **{rule: {"enabled": False} for rule in COLOUR_RULES}}}
    if not page.evaluate("typeof window.axe === 'object'"):  # once per page, not once per run
        page.evaluate(AXE.axe_script)
    context = {"exclude": [[exclude]]} if exclude else {"exclude": []}
    response = page.evaluate("([context, options]) => axe.run(context, options)", [context, options])
    problems = []
    for rule in response["violations"]:
        targets = ", ".join(" ".join(map(str, node["target"])) for node in rule["nodes"][:8])
        more = f" (+{len(rule['nodes']) - 8} more)" if len(rule["nodes"]) > 8 else ""
        problems.append(f"{where}: {rule['id']} — {rule['help']}: {targets}{more}")
    return problems


def check_palette(page: Page, scheme: str) -> None:
    shown = page.evaluate("document.body.dataset.mdColorScheme")
    assert shown == SCHEME[scheme], f"the {scheme} palette did not apply (body shows {shown!r})"


def use_palette(page: Page, scheme: str) -> None:
    """Switch the open page to a palette with Material's palette switch, as the header button does."""
    page.evaluate(
        "(s) => document.querySelector(`form[data-md-component=palette] input[data-md-color-scheme=${s}]`).click()",
        SCHEME[scheme],
    )
    page.wait_for_function("(s) => document.body.dataset.mdColorScheme === s", arg=SCHEME[scheme], timeout=5000)


def desktop_page_problems(page: Page, path: str) -> list[str]:
    """The open page at desktop size: every rule in light, the colour rules in dark."""
    check_palette(page, "light")
    problems = axe_problems(page, f"/{path} [light, desktop]")
    use_palette(page, "dark")
    problems += axe_problems(page, f"/{path} [dark, desktop]", rules=COLOUR_RULES)
    use_palette(page, "light")
    return problems


def phone_page_problems(page: Page, path: str, desktop_width: int) -> list[str]:
    """The open page at phone size, in light then dark: every rule but colour on the whole page; the
    colour rules around the article, and on the article too if it looks different from desktop width."""
    check_palette(page, "light")
    problems = axe_problems(page, f"/{path} [light, phone]", skip_colour=True)
    for scheme in SCHEME:
        use_palette(page, scheme)
        phone = article_styles(page)
        size = page.viewport_size
        page.set_viewport_size({"width": desktop_width, "height": size["height"]})
        desktop = article_styles(page)
        page.set_viewport_size(size)
        exclude = ARTICLE if phone == desktop else None  # the same colours: checked at desktop size
        problems += axe_problems(page, f"/{path} [{scheme}, phone]", rules=COLOUR_RULES, exclude=exclude)
    use_palette(page, "light")
    return problems


def test_axe_and_box_text_size_every_page_at_desktop_size(
    window: Callable[..., Page], base_url: str, site_paths: list[str], failing_pages: FailingPages
) -> None:
    """axe as above; and, on the same page load, text in boxes as large as the body text (test_text_size.py)."""
    page = window("desktop")
    problems: list[str] = []
    boxes = 0
    for path in site_paths:
        page.goto(base_url + path)
        count, found = box_text_problems(page, path)
        boxes += count
        found += desktop_page_problems(page, path)
        if found:
            failing_pages.add(path)
        problems += found
    assert boxes > 20, f"only {boxes} boxes found: the selector no longer matches Material's boxes"
    assert not problems, report(problems)


def test_axe_every_page_at_phone_size(
    window: Callable[..., Page], base_url: str, site_paths: list[str], failing_pages: FailingPages
) -> None:
    page = window("phone")
    problems: list[str] = []
    for path in site_paths:
        page.goto(base_url + path)
        found = phone_page_problems(page, path, PROFILES["desktop"]["viewport"]["width"])
        if found:
            failing_pages.add(path)
        problems += found
    assert not problems, report(problems)


@pytest.mark.parametrize(("scheme", "profile"), MODES)
def test_axe_search_overlay_with_results_and_help_card(
    window: Callable[..., Page], scheme: str, profile: str, base_url: str, failing_pages: FailingPages
) -> None:
    """The open search with results and, above them, the help card crisis words bring up."""
    page = window(profile, scheme)
    page.goto(base_url)
    assert type_search(page, CARD_QUERY), f"no search results for {CARD_QUERY!r}"
    page.locator(".ipt-crisis-card").wait_for()
    # Highlighted words are checked too (the help page's first match may be in its hidden words).
    page.locator(".md-search-result__item mark:visible").first.wait_for()
    check_palette(page, scheme)
    problems = axe_problems(page, f"/ with search results and the help card open [{scheme}, {profile}]")
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
        page.locator(
            "label[title='Switch to dark mode']:visible, label[aria-label='Switch to dark mode']:visible"
        ).first.click()
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


def test_dark_palette_check_reports_a_colour_problem(window: Callable[..., Page], base_url: str) -> None:
    """Bad example: text that is only too faint in the dark palette is found at desktop size."""
    page = window("desktop")
    page.goto(base_url + "about/")
    page.evaluate("""() => { const p = document.createElement("p"); p.id = "faint-in-dark";
      p.textContent = "Dark grey text"; p.style.color = "#333";
      document.querySelector("article").append(p); }""")
    assert desktop_page_problems(page, "about/") == [
        "/about/ [dark, desktop]: color-contrast — Elements must meet minimum color contrast ratio thresholds: #faint-in-dark"
    ]


def test_phone_check_checks_an_article_whose_colours_change_with_width(
    window: Callable[..., Page], base_url: str
) -> None:
    """Bad example: a colour that only phones get (a narrow-screen style) is not taken on trust
    from the desktop check: the phone check sees the difference and checks the article itself."""
    page = window("phone")
    page.goto(base_url + "about/")
    page.evaluate("""() => { const p = document.createElement("p"); p.id = "faint-on-phones";
      p.textContent = "Pale on phones"; p.className = "only-narrow";
      const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith("extra.css"));
      sheet.insertRule("@media (max-width: 600px) { .only-narrow { color: #ccc !important } }", sheet.cssRules.length);
      document.querySelector("article").append(p); }""")  # a rule, not a <style>: the policy forbids inline styles
    problems = phone_page_problems(page, "about/", PROFILES["desktop"]["viewport"]["width"])
    assert problems == [
        "/about/ [light, phone]: color-contrast — Elements must meet minimum color contrast ratio thresholds: #faint-on-phones"
    ], problems
