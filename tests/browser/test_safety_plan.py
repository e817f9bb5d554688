""" "My safety plan" in real Chromium, as readers use it: filled in by keyboard alone, with and
without JavaScript, on a 320 px screen and at 200% zoom, printed to A4 and Letter PDF (one or two
sheets, with the crisis numbers and everything the reader typed), and private: nothing is sent and
nothing is kept unless the reader ticks "Keep my plan on this device", which Delete undoes.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.schema import COUNTRY_NAMES
from support.countries import LAST, needs_two_countries, reader_in

from .conftest import report
from .profiles import DESKTOP, PROFILES
from .test_axe import axe_problems, check_palette
from .test_crisis_page import CRISIS, ORDER
from .test_layout import LAYOUT_PROBLEMS

PATH = "my-safety-plan/"
FIELDS = "[data-ipt=safety-plan] [data-ipt=plan-field]"
KEY = "ipt-safety-plan"  # docs/javascripts/safety-plan.js
LONG = " ".join(f"reason{n}" for n in range(1, 90))  # longer than the box: must print in full


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """new_page(**context options) -> a page in a fresh context (its own storage), closed after the test."""
    made: list[BrowserContext] = []

    def make(**options) -> Page:
        made.append(browser.new_context(**{**DESKTOP, **options}))
        return made[-1].new_page()

    yield make
    for context in made:
        context.close()


def answers(page: Page) -> dict[str, str]:
    """An answer for every field of the open page: a few words, the long one in the last box."""
    ids = page.locator(FIELDS).evaluate_all("els => els.map((e) => e.id)")
    typed = {i: f"answer for {i.removeprefix('plan-')}" for i in ids}
    typed["plan-my-reasons-for-living"] = LONG
    typed |= {i: "07700 900123" for i in ids if i.endswith("-phone")}
    return typed


def fill_by_keyboard(page: Page, typed: dict[str, str]) -> list[str]:
    """From the top of the page, Tab to the "Skip to content" link and press Enter (as keyboard users
    pass the menu and the search), then Tab through the page, typing each field's answer when it
    has focus. Returns what is wrong: fields never reached, and fields whose label is not their
    accessible name."""
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    left, problems = dict(typed), []
    for _ in range(400):
        page.keyboard.press("Tab")
        # Marks the first stop; back at it, Tab has been round the whole page: the rest is never reached.
        field = page.evaluate("""() => { const el = document.activeElement;
          if (!el || el === document.body || el.dataset.iptSeen) return {round: true};
          if (!document.querySelector("[data-ipt-seen]")) el.dataset.iptSeen = "1";
          return el.matches("[data-ipt=plan-field]") ? {id: el.id, label: el.labels[0]?.innerText.trim() || ""} : {} }""")
        if field.get("round"):
            break
        if field.get("id") in left:
            name = page.locator(f"#{field['id']}")
            try:
                expect(name).to_have_accessible_name(field["label"] or "(a label)", timeout=1)
            except AssertionError:
                problems.append(f"#{field['id']}: its label is not its name for screen readers")
            first, space, rest = left.pop(field["id"]).partition(" ")
            page.keyboard.type(first)  # key by key: the field takes what the keyboard types...
            page.keyboard.insert_text(space + rest)  # ...the rest as a paste (1,000 key presses took 10 s)
        if not left:
            break
    return problems + [f"#{i}: never reached with Tab" for i in left]


def storage_problems(page: Page, typed: dict[str, str]) -> list[str]:
    """What the browser keeps for this site: cookies, IndexedDB, and storage keys other than
    Material's own ('/.__palette'); and any stored value holding what the reader typed."""
    kept = page.evaluate("""async () => ({
      keys: [...Object.keys(localStorage), ...Object.keys(sessionStorage)],
      values: [...Object.values(localStorage), ...Object.values(sessionStorage)],
      databases: (await indexedDB.databases()).map((d) => d.name),
      cookie: document.cookie })""")
    problems = [f"stores {k!r}" for k in kept["keys"] if not k.startswith("/.__")]
    problems += [
        f"a stored value holds the answer {t[:20]!r}" for t in typed.values() for v in kept["values"] if t in v
    ]
    problems += [f"IndexedDB database {d!r}" for d in kept["databases"]]
    problems += [f"cookie {c['name']}" for c in page.context.cookies()] + (
        [f"document.cookie {kept['cookie']!r}"] if kept["cookie"] else []
    )
    return list(dict.fromkeys(problems))


def record_requests(page: Page) -> list[str]:
    """From now on, every request of the page's context, as 'request after load: GET …'; but the
    tab's icon, which Chromium fetches by itself whenever it likes."""
    icon = page.locator("link[rel=icon]").evaluate("(l) => l.href")
    made: list[str] = []
    page.context.on("request", lambda r: r.url == icon or made.append(f"request after load: {r.method} {r.url}"))
    return made


# --- keyboard and privacy ---------------------------------------------------------------------------


def test_filled_by_keyboard_alone_nothing_is_sent_or_kept(new_page, base_url: str) -> None:
    page = new_page()
    page.goto(base_url + PATH)
    requests = record_requests(page)
    typed = answers(page)
    problems = fill_by_keyboard(page, typed)
    page.locator("#plan-person-1-name").press("Enter")  # no form: Enter sends nothing
    page.wait_for_timeout(300)
    problems += requests
    if page.url.split("#")[0] != base_url + PATH:  # the skip link adds #…; no request
        problems.append(f"the page moved to {page.url}")
    problems += storage_problems(page, typed)
    assert not problems, report(problems)
    assert page.locator("#plan-my-reasons-for-living").input_value() == LONG


def test_privacy_check_names_what_a_page_kept(new_page, base_url: str) -> None:
    """Bad example: a page that keeps the answer in localStorage and IndexedDB."""
    page = new_page()
    page.goto(base_url + PATH)
    page.evaluate("""async () => { localStorage.setItem("draft", "answer for x"); indexedDB.open("plans");
      await new Promise((ok) => setTimeout(ok, 200)); }""")
    assert storage_problems(page, {"plan-x": "answer for x"}) == [
        "stores 'draft'",
        "a stored value holds the answer 'answer for x'",
        "IndexedDB database 'plans'",
    ]


def test_request_check_sees_a_page_that_sends_the_plan(new_page, base_url: str) -> None:
    """Bad example: a script that posts an answer to the site."""
    page = new_page()
    page.goto(base_url + PATH)
    requests = record_requests(page)
    page.evaluate("fetch('/save', {method: 'POST', body: 'cannot sleep'}).catch(() => {})")
    page.wait_for_timeout(300)
    assert requests == [f"request after load: POST {base_url}save"]


def test_keyboard_check_names_a_field_tab_skips_and_one_without_a_label(new_page, base_url: str) -> None:
    page = new_page()
    page.goto(base_url + PATH)
    page.evaluate("""() => { document.querySelector("#plan-person-2-name").tabIndex = -1;
      document.querySelector('label[for="plan-my-warning-signs"]').remove(); }""")
    problems = fill_by_keyboard(page, answers(page))
    assert problems == [
        "#plan-my-warning-signs: its label is not its name for screen readers",
        "#plan-person-2-name: never reached with Tab",
    ]


def test_keep_on_this_device_is_off_until_ticked_and_delete_removes_it(new_page, base_url: str) -> None:
    page = new_page()
    page.goto(base_url + PATH)
    keep = page.get_by_role("checkbox", name="Keep my plan on this device")
    expect(keep).to_be_visible()
    expect(keep).not_to_be_checked()
    keep.check()
    page.locator("#plan-my-warning-signs").fill("I stop answering messages")
    stored = page.evaluate("(k) => localStorage.getItem(k)", KEY)
    assert stored and "I stop answering messages" in stored
    expect(page.locator("[data-ipt=plan-status]")).to_contain_text("kept in this browser on this device")
    page.reload()
    expect(page.locator("#plan-my-warning-signs")).to_have_value("I stop answering messages")
    expect(keep).to_be_checked()
    page.get_by_role("button", name="Delete my plan from this device").click()
    assert page.evaluate("(k) => localStorage.getItem(k)", KEY) is None
    expect(keep).not_to_be_checked()
    expect(page.locator("#plan-my-warning-signs")).to_have_value("")
    expect(page.locator("[data-ipt=plan-status]")).to_have_text(
        "Your plan is deleted from this device, and the boxes on this page are empty."
    )
    assert storage_problems(page, {"x": "I stop answering messages"}) == []


def test_unticking_keep_forgets_the_plan(new_page, base_url: str) -> None:
    page = new_page()
    page.goto(base_url + PATH)
    keep = page.get_by_role("checkbox", name="Keep my plan on this device")
    keep.check()
    page.locator("#plan-my-reasons-for-living").fill("my dog")
    keep.uncheck()
    assert page.evaluate("(k) => localStorage.getItem(k)", KEY) is None
    page.locator("#plan-my-reasons-for-living").fill("my dog and the sea")
    assert storage_problems(page, {"x": "my dog"}) == []


# --- without JavaScript, and the reader's likely country ----------------------------------------------


def test_without_javascript_a_plan_to_fill_in_or_print_with_every_country(
    new_page, base_url: str, shared_content: dict
) -> None:
    page = new_page(java_script_enabled=False, timezone_id="Australia/Sydney")
    page.goto(base_url + PATH)
    expect(page.locator("[data-ipt=plan-keep]")).to_be_hidden()  # it would do nothing
    expect(page.locator("[data-ipt=print-button] button")).to_have_count(0)
    assert page.evaluate(ORDER, f"[data-ipt=safety-plan] {CRISIS}") == list(shared_content["crisis"])
    for code, country in shared_content["crisis"].items():
        expect(page.locator(f'[data-country="{code}"] a[href="tel:{country["emergency"]}"]')).to_be_visible()
    page.locator("#plan-my-warning-signs").fill("cannot sleep")  # the boxes work without JavaScript too
    expect(page.locator("#plan-my-warning-signs")).to_have_value("cannot sleep")


@needs_two_countries
def test_the_readers_likely_country_comes_first(new_page, base_url: str, shared_content: dict) -> None:
    page = new_page(**reader_in(LAST))
    page.goto(base_url + PATH)
    order = page.evaluate(ORDER, f"[data-ipt=safety-plan] {CRISIS}")
    assert order == [LAST] + [c for c in shared_content["crisis"] if c != LAST]
    expect(page.locator("[data-ipt=safety-plan] [data-ipt=country-note]")).to_contain_text(COUNTRY_NAMES[LAST])


# --- small screens, zoom and accessibility, with the plan filled in -------------------------------------


@pytest.mark.parametrize("profile", ["320px", "zoom-200%"])
def test_a_filled_plan_fits_without_sideways_scrolling(new_page, base_url: str, profile: str) -> None:
    page = new_page(**PROFILES[profile])
    page.goto(base_url + PATH)
    for field, text in answers(page).items():
        page.locator(f"#{field}").fill(text)
    assert page.evaluate(LAYOUT_PROBLEMS) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_the_keep_option_on(new_page, base_url: str, scheme: str) -> None:
    page = new_page(**PROFILES["phone"], color_scheme=scheme, **reader_in(LAST))
    page.goto(base_url + PATH)
    check_palette(page, scheme)
    page.get_by_role("checkbox", name="Keep my plan on this device").check()
    expect(page.locator("[data-ipt=plan-status]")).not_to_be_empty()
    assert axe_problems(page, f"/{PATH} kept, {LAST} first [{scheme}]") == []


# --- on paper -----------------------------------------------------------------------------------------


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext, Debian poppler-utils; pages end with a form feed)."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing — install Debian's poppler-utils (make test does)"
    text = subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def paper_problems(pages: list[str], typed: dict[str, str], shared: dict, paper: str) -> list[str]:
    """What a printed plan lacks or should not have, one line each."""
    flat = "".join("".join(pages).split())
    problems = [] if 1 <= len(pages) <= 2 else [f"{paper}: {len(pages)} pages, not one or two"]
    for code, country in shared["crisis"].items():
        numbers = [country["emergency"]] + [
            s["number"] for s in country["services"] if s["for"][0] in ("crisis", "urgent-care")
        ]
        problems += [f"{paper}: lacks {code} {n}" for n in dict.fromkeys(numbers) if "".join(n.split()) not in flat]
    problems += [f"{paper}: lacks the answer for #{f}" for f, t in typed.items() if "".join(t.split()) not in flat]
    problems += [
        f"{paper}: prints {w!r}"
        for w in (
            "Where this plan comes from",
            "Keep it on this device",
            "Print or save as PDF",
            "What is IPT?",
            "Report a problem",
        )
        if "".join(w.split()) in flat
    ]
    return problems


def test_printed_plan_is_one_or_two_sheets_with_the_numbers_and_every_answer(
    new_page, base_url: str, shared_content: dict, tmp_path: Path
) -> None:
    page = new_page()
    page.goto(base_url + PATH)
    typed = answers(page)
    for field, text in typed.items():
        page.locator(f"#{field}").fill(text)
    problems = []
    for paper in ("A4", "Letter"):
        page.pdf(path=str(tmp_path / f"{paper}.pdf"), format=paper)
        problems += paper_problems(pdf_pages(tmp_path / f"{paper}.pdf"), typed, shared_content, paper)
    assert not problems, report(problems)


def test_paper_check_reports_a_screen_printout(new_page, base_url: str, shared_content: dict, tmp_path: Path) -> None:
    """Bad example: the page printed with its screen styles (menus, every section) is too long, and an
    answer typed nowhere is missing."""
    page = new_page()
    page.goto(base_url + PATH)
    page.emulate_media(media="screen")
    page.pdf(path=str(tmp_path / "screen.pdf"), format="A4")
    problems = paper_problems(pdf_pages(tmp_path / "screen.pdf"), {"plan-x": "never typed"}, shared_content, "A4")
    assert problems[0].startswith("A4: ") and problems[0].endswith("pages, not one or two"), problems
    assert "A4: lacks the answer for #plan-x" in problems
    assert "A4: prints 'Where this plan comes from'" in problems


def test_print_button_prints(new_page, base_url: str) -> None:
    page = new_page()
    page.goto(base_url + PATH)
    page.evaluate("window.__printed = 0; addEventListener('beforeprint', () => window.__printed++)")
    page.get_by_role("button", name="Print or save as PDF").first.click()
    page.wait_for_function("window.__printed > 0", timeout=5000)
