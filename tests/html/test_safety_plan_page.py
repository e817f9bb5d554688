"""The built "My safety plan" page, as parsed HTML: every field labelled and outside any form (nothing
can be sent), the opt-in to keep the plan off until the reader turns it on, the crisis numbers of
every country from the data file, and the links to the plan from Get help now and the help boxes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.site_pages import built, page_path, seen_built, sources

PLAN = "my-safety-plan.md"
SCRIPTS = ("country-first.js", "print-button.js", "safety-plan.js")


def plan_problems(soup: BeautifulSoup, shared: dict) -> list[str]:
    """What is wrong with the built plan page, one line each ([] when all is right)."""
    plan = soup.select_one('article [data-ipt="safety-plan"]')
    if plan is None:
        return ['no [data-ipt="safety-plan"] block in the article']
    problems = []
    fields = plan.select("textarea, input, select")
    if len(fields) < 7:
        problems.append(f"only {len(fields)} fields to fill in")
    ids = Counter(f.get("id") for f in fields)
    problems += [
        f"{n} fields share the id {i!r} — give each plan_field() its own label" for i, n in ids.items() if n > 1
    ]
    for f in fields:
        labels = soup.select(f'label[for="{f.get("id")}"]')
        if not f.get("id") or not labels or not labels[0].get_text(strip=True):
            problems.append(f"field {f.get('id')!r} has no label")
        if f.get("autocomplete") != "off":
            problems.append(f"field {f.get('id')!r} lets the browser remember what is typed (autocomplete)")
        if f.find_parent("form") or f.get("form") or f.get("name"):
            problems.append(f"field {f.get('id')!r} belongs to a form that could send it")
    problems += [f"a form in the article: {form.get('action')!r}" for form in soup.select("article form")]
    keep = soup.select_one('[data-ipt="plan-keep"]')
    if keep is None or not keep.has_attr("hidden"):
        problems.append("the 'keep on this device' option shows without JavaScript, where it cannot work")
    box = soup.select_one("#plan-keep")
    if box is None or box.has_attr("checked"):
        problems.append("'Keep my plan on this device' is not there, or is on before the reader chooses it")
    numbers = plan.select_one('[data-ipt="crisis-countries"]')
    for code, country in shared["crisis"].items():
        section = numbers.select_one(f'section[data-country="{code}"]') if numbers else None
        if section is None or not section.select(f'a[href="tel:{country["emergency"]}"]'):
            problems.append(f"step 5 lacks the emergency number of {code}")
    if not soup.select('[data-ipt="print-button"][data-label="Print or save as PDF"]'):
        problems.append("no 'Print or save as PDF' button place")
    loaded = " ".join(s.get("src", "") for s in soup.select("script[src]"))
    problems += [f"does not load {name}" for name in SCRIPTS if name not in loaded]
    return problems


def test_the_plan_page_is_a_private_labelled_form_with_every_countrys_numbers(site: Path, shared_content: dict) -> None:
    assert plan_problems(built(site, PLAN), shared_content) == []


def test_the_plan_check_reports_what_is_wrong(site: Path, shared_content: dict) -> None:
    """Bad examples: a label gone, a field in a form, the opt-in shown and ticked, a number gone."""
    soup = built(site, PLAN)
    soup.select_one('label[for="plan-my-warning-signs"]').decompose()
    form = soup.new_tag("form", action="/save")
    soup.select_one("#plan-my-reasons-for-living").wrap(form)
    del soup.select_one('[data-ipt="plan-keep"]')["hidden"]
    soup.select_one("#plan-keep")["checked"] = ""
    code, country = next(iter(shared_content["crisis"].items()))  # the first country's number gone
    soup.select_one(
        f'[data-ipt="safety-plan"] [data-country="{code}"] a[href="tel:{country["emergency"]}"]'
    ).decompose()
    assert plan_problems(soup, shared_content) == [
        "field 'plan-my-warning-signs' has no label",
        "field 'plan-my-reasons-for-living' belongs to a form that could send it",
        "a form in the article: '/save'",
        "the 'keep on this device' option shows without JavaScript, where it cannot work",
        "'Keep my plan on this device' is not there, or is on before the reader chooses it",
        f"step 5 lacks the emergency number of {code}",
    ]


def test_the_plan_check_names_a_shared_id(site: Path, shared_content: dict) -> None:
    soup = built(site, PLAN)
    soup.select_one("#plan-my-reasons-for-living")["id"] = "plan-my-warning-signs"
    assert "2 fields share the id 'plan-my-warning-signs' — give each plan_field() its own label" in plan_problems(
        soup, shared_content
    )


# --- where readers find it ---------------------------------------------------------------------------


def plan_link_count(soup: BeautifulSoup, selector: str, shared: dict) -> int:
    target = page_path(shared["help_link"]["safety_plan_page"])
    return sum(1 for a in soup.select(f"{selector} a[href]") if a["href"].rstrip("/").endswith(target.rstrip("/")))


def test_get_help_now_links_the_plan_from_its_make_a_safety_plan_step(site: Path, shared_content: dict) -> None:
    soup = built(site, shared_content["help_link"]["page"])
    step = next(li for li in soup.select("#stay-safe ~ ol > li") if "safety plan" in li.get_text())
    assert plan_link_count(soup, "article", shared_content) == 1
    assert step.select_one("a").get_text() == "Make a safety plan"
    assert plan_link_count(soup, '[data-ipt="disclaimer-crisis"]', shared_content) == 0  # call first, plan later


ARTICLES = [s.uri for s in sources(ROOT) if s.is_article]


@pytest.mark.parametrize("src", ARTICLES)
def test_every_articles_help_box_links_the_plan(site: Path, shared_content: dict, src: str) -> None:
    assert plan_link_count(seen_built(site, src), '[data-ipt="disclaimer-crisis"]', shared_content) == 1, f"docs/{src}"


def test_the_plan_page_box_does_not_link_to_itself(site: Path, shared_content: dict) -> None:
    soup = built(site, PLAN)
    assert plan_link_count(soup, '[data-ipt="disclaimer-crisis"]', shared_content) == 0
    assert soup.select_one('[data-ipt="disclaimer-crisis"] a[href$="get-help-now/"]') is not None


def test_the_plan_link_count_sees_a_missing_link(site: Path, shared_content: dict) -> None:
    """Bad example: the glossary's box without its plan link counts 0."""
    soup = built(site, "glossary.md")
    soup.select_one('[data-ipt="disclaimer-crisis"] [data-ipt="safety-plan-link"]').decompose()
    assert plan_link_count(soup, '[data-ipt="disclaimer-crisis"]', shared_content) == 0
