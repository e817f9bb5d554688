"""The crisis page in a real browser, as readers get it.

- On a 375x667 phone screen, the first screen shows what to do now and every emergency number,
  before any long list.
- The reader's likely country comes first, guessed on the device from the browser's time zone and
  languages only (docs/javascripts/country-first.js): nothing is sent or stored, a "Not your
  country?" link restores the full list, and without JavaScript the written order stays.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from support.countries import LAST, WRITTEN, needs_two_countries, reader_case, reader_in, unlisted_place

from .conftest import report
from .test_axe import axe_problems, check_palette
from .visibility import on_screen_problem

FIRST_SCREEN = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
ORDER = "sel => [...document.querySelectorAll(sel + ' > [data-country]')].map((s) => s.dataset.country)"
CRISIS = "[data-ipt=crisis-countries]"
ABUSE = "[data-ipt=abuse-countries]"


def first_screen_problems(page: Page, numbers: list[str]) -> list[str]:
    """What the open page's first screen lacks: the what-to-do text and each emergency number
    on screen, with no list of the page's content before them."""
    parts = {"what to do now": page.locator("[data-ipt=disclaimer-crisis] [data-ipt=urgent-help-text]")}
    parts |= {f"emergency number {n}": page.locator(f'[data-ipt=emergency-numbers] a[href="tel:{n}"]') for n in numbers}
    problems = [p for name, target in parts.items() if (p := on_screen_problem(target, name))]
    lists_before = page.evaluate("""() => {
      const box = document.querySelector("[data-ipt=disclaimer-crisis]");
      return box ? [...document.querySelectorAll("article li")].filter(
        (li) => box.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_PRECEDING).length : 0;
    }""")
    if lists_before:
        problems.append(f"{lists_before} list items come before the emergency numbers")
    return problems


@pytest.fixture
def context_for(browser: Browser) -> Iterator:
    """context_for(**options) -> a fresh browser context (its own time zone, language, storage)."""
    made: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        made.append(browser.new_context(**{**FIRST_SCREEN, **options}))
        return made[-1]

    yield make
    for context in made:
        context.close()


def emergency_numbers(shared: dict) -> list[str]:
    return list(dict.fromkeys(c["emergency"] for c in shared["crisis"].values()))


def test_first_phone_screen_shows_what_to_do_and_every_emergency_number(
    context_for, base_url: str, help_path: str, shared_content: dict
) -> None:
    page = context_for().new_page()
    page.goto(base_url + help_path)
    assert first_screen_problems(page, emergency_numbers(shared_content)) == []


def test_first_screen_check_reports_a_long_list_before_the_numbers(
    context_for, base_url: str, help_path: str, shared_content: dict
) -> None:
    """Bad example: a long list put above the emergency box pushes the numbers off the first screen."""
    page = context_for().new_page()
    page.goto(base_url + help_path)
    page.evaluate("""() => { const ul = document.createElement("ul");
      ul.innerHTML = "<li>A service</li>".repeat(30);
      document.querySelector("[data-ipt=disclaimer-crisis]").before(ul); }""")
    problems = first_screen_problems(page, emergency_numbers(shared_content))
    assert problems[-1] == "30 list items come before the emergency numbers"
    assert any(p.startswith("what to do now is outside the 375x667 viewport") for p in problems), problems


# --- your country first ---------------------------------------------------------------------------

ELSEWHERE_ZONE, ELSEWHERE_LANGUAGE = unlisted_place(WRITTEN)

# (time zone, browser language, the country that must come first; None = the written order stays)
GUESSES = [reader_case(code) for code in WRITTEN] + [
    ("UTC", f"en-{LAST}", LAST),  # a time zone that names no place: the language decides
    (ELSEWHERE_ZONE, ELSEWHERE_LANGUAGE, None),  # a country this page does not list
    (ELSEWHERE_ZONE, f"en-{LAST}", None),  # a listed language does not overrule an unlisted place
]


def order_problems(page: Page, written: list[str], first: str | None) -> list[str]:
    """What is wrong with the country order and the note on the open page."""
    problems = []
    order = page.evaluate(ORDER, CRISIS)
    expected = written if first in (None, written[0]) else [first] + [c for c in written if c != first]
    if order != expected:
        problems.append(f"countries in order {order}, expected {expected}")
    note = page.locator("[data-ipt=country-note]")
    moved = first not in (None, written[0])
    if note.is_visible() != moved:
        problems.append(f"the 'Not your country?' note is {'shown' if note.is_visible() else 'hidden'}")
    if moved:
        name = page.locator(f"{CRISIS} > [data-country={first}]").get_attribute("data-name")
        if note.locator("[data-ipt=country-name]").inner_text() != name:
            problems.append(f"the note does not name {name}")
        abuse = page.evaluate(ORDER, ABUSE)
        if first in abuse and abuse[0] != first:
            problems.append(f"abuse services in order {abuse}, {first} not first")
    return problems


def privacy_problems(
    context: BrowserContext, page: Page, base_url: str, requests: list[str], errors: list[str]
) -> list[str]:
    """Nothing sent or stored: no request off the site, no cookie, no storage but Material's own."""
    problems = [f"request outside the site: {u}" for u in requests if not u.startswith(base_url.rstrip("/") + "/")]
    problems += [f"cookie {c['name']}" for c in context.cookies()]
    keys = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    problems += [f"stores {k!r}" for k in keys if not k.startswith("/.__")]  # Material's palette and search state
    return problems + errors


@pytest.mark.parametrize(("zone", "language", "first"), GUESSES, ids=[f"{z}-{l}" for z, l, _ in GUESSES])
def test_likely_country_comes_first(
    context_for, base_url: str, help_path: str, shared_content: dict, zone: str, language: str, first: str | None
) -> None:
    context = context_for(timezone_id=zone, locale=language)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"uncaught error: {e}"))
    page.goto(base_url + help_path)
    assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == zone
    problems = order_problems(page, list(shared_content["crisis"]), first)
    problems += privacy_problems(context, page, base_url, requests, errors)
    assert not problems, report(problems)


@needs_two_countries
def test_not_your_country_link_restores_every_country(
    context_for, base_url: str, help_path: str, shared_content: dict
) -> None:
    page = context_for(**reader_in(LAST)).new_page()
    page.goto(base_url + help_path)
    assert page.evaluate(ORDER, CRISIS)[0] == LAST
    page.get_by_role("link", name="Not your country? See all countries").click()
    assert page.evaluate(ORDER, CRISIS) == list(shared_content["crisis"])
    assert page.evaluate(ORDER, ABUSE) == [
        c for c, v in shared_content["crisis"].items() if any("domestic-abuse" in s["for"] for s in v["services"])
    ]
    assert not page.locator("[data-ipt=country-note]").is_visible()
    assert page.url.endswith("#crisis-countries")
    assert page.locator("#crisis-countries").is_visible()


def test_without_javascript_every_country_shows_in_written_order(
    context_for, base_url: str, help_path: str, shared_content: dict
) -> None:
    page = context_for(**reader_in(LAST), java_script_enabled=False).new_page()
    page.goto(base_url + help_path)
    assert page.evaluate(ORDER, CRISIS) == list(shared_content["crisis"])  # evaluate runs even so
    assert not page.locator("[data-ipt=country-note]").is_visible()
    for code in shared_content["crisis"]:
        assert page.locator(f"#crisis-{code.lower()}").is_visible(), code


@needs_two_countries
def test_order_check_reports_a_wrong_first_country(
    context_for, base_url: str, help_path: str, shared_content: dict
) -> None:
    """Bad examples: the page of a reader in the last country, checked as if nothing should move;
    then its note naming another country."""
    page = context_for(**reader_in(LAST)).new_page()
    page.goto(base_url + help_path)
    written = list(shared_content["crisis"])
    assert order_problems(page, written, None) == [
        f"countries in order {[LAST] + written[:-1]}, expected {written}",
        "the 'Not your country?' note is shown",
    ]
    page.locator("[data-ipt=country-name]").evaluate("(el) => { el.textContent = 'Atlantis'; }")
    name = page.locator(f"{CRISIS} > [data-country={LAST}]").get_attribute("data-name")
    assert order_problems(page, written, LAST) == [f"the note does not name {name}"]


@needs_two_countries
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_a_country_moved_first(context_for, base_url: str, help_path: str, scheme: str) -> None:
    page = context_for(**reader_in(LAST), color_scheme=scheme).new_page()
    page.goto(base_url + help_path)
    assert page.locator("[data-ipt=country-note]").is_visible()
    check_palette(page, scheme)
    assert axe_problems(page, f"/{help_path} {LAST} first [{scheme}]") == []


def test_no_sideways_scroll_at_320px_with_a_country_moved_first(context_for, base_url: str, help_path: str) -> None:
    page = context_for(**reader_in(LAST), viewport={"width": 320, "height": 640}).new_page()
    page.goto(base_url + help_path)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
