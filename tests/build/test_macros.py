"""The macros editors use in pages: unit tests on each, and one small broken project per error case.

The crisis macros are tested on the tests' own data (tests/fixtures/shared-content.yml), so these
tests pass whatever services the real data file lists; tests/html/ checks the real pages by rule."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, Project, error_lines
from macros import render
from macros.data_files import BIBLIOGRAPHY, load
from macros.render import ContentError
from macros.schema import Bibliography, GlossaryEntry
from support.fixture_data import fixture_shared

SHARED = fixture_shared()
BIB = load(ROOT, BIBLIOGRAPHY, Bibliography)


# --- unit tests --------------------------------------------------------------------------------


def test_each_disclaimer_kind_has_the_partial_the_theme_uses() -> None:
    assert render.disclaimer_partial(SHARED, "medical") == "partials/disclaimer.html"
    assert render.disclaimer_partial(SHARED, "independence") == "partials/disclaimer.html"
    assert render.disclaimer_partial(SHARED, "crisis") == "partials/urgent-help.html"
    assert render.disclaimer_partial(SHARED, "help") == "partials/urgent-help.html"


def test_disclaimer_rejects_unknown_kind() -> None:
    with pytest.raises(
        ContentError, match="unknown disclaimer kind 'legal' — use one of: medical, crisis, help, independence"
    ):
        render.disclaimer_partial(SHARED, "legal")


def test_crisis_lines_list_every_country_and_number() -> None:
    out = render.crisis_lines(SHARED)
    for code, country in SHARED.crisis.items():
        assert f"#crisis-{code.lower()}" in out
        assert f"[{country.emergency}](tel:" in out
        for service in country.services:
            if service.for_ == ["domestic-abuse"]:
                continue  # only in the abuse part of the page (abuse_services)
            assert service.name in out
            if service.number:
                assert f"[{service.number}](" in out
    assert "text [900 000 001](sms:900000001)" in out  # a separate text number is used for texting
    assert "text TALK to [3000](sms:3000)" in out  # a keyword is said before the number
    assert "Example Helpline Finder" in out


def test_crisis_lines_wrap_each_country_for_the_country_first_script() -> None:
    out = render.crisis_lines(SHARED)
    assert out.count('<section class="ipt-country" data-country=') == len(SHARED.crisis)
    assert 'data-ipt="crisis-countries"' in out and 'data-ipt="country-note" hidden' in out
    pt = out[out.index('data-country="PT"') : out.index('data-country="NL"')]
    assert 'data-zones="Atlantic/Azores Atlantic/Madeira Europe/Lisbon"' in pt  # every zone of the country
    assert "Europe/Amsterdam" not in pt


def test_time_zones_include_the_old_names_browsers_may_report() -> None:
    assert render.time_zones("GB") == ["Europe/Belfast", "Europe/London"]


def test_regions_list_their_own_lines_after_the_lines_for_the_whole_country() -> None:
    out = render.crisis_lines(SHARED)
    pt = out[out.index("### Portugal") : out.index("### Netherlands")]
    # In the order of `regions`, not of the services; a region with no line of its own has no heading.
    assert pt.index("**Talk to someone now**") < pt.index("**Only in Azores**") < pt.index("**Only in Madeira**")
    assert "**Only in Mainland**" not in pt
    assert pt.index("**Only in Azores**") < pt.index("Example Island Line") < pt.index("**Only in Madeira**")
    assert "[services in Portugal](#abuse-pt)" in pt
    assert "#abuse-nl" not in out  # the Netherlands has no abuse line


def test_deaf_access_links_its_number_and_lists_lines_that_take_texts() -> None:
    out = render.crisis_lines(SHARED)
    pt = out[out.index("### Portugal") : out.index("### Netherlands")]
    assert "**Deaf, hard of hearing or cannot speak**" in pt
    assert "by relay service: Call [100 200 300](tel:100200300) through" in pt  # linked inside its sentence
    assert "then text [100](sms:100) in an emergency" in pt
    assert "- **Example Listening Line**, by sign-language video: Use the" in pt
    assert "- **Text instead of calling:** Example Listening Line and Example Text Line." in pt
    assert "Deaf, hard of hearing" not in out[out.index("### Netherlands") :]  # no way listed, no heading


def test_each_service_is_listed_once_under_its_first_purpose() -> None:
    out = render.crisis_lines(SHARED)
    pt = out[out.index("### Portugal") : out.index("### Netherlands")]
    young = pt[pt.index("**Children and young people**") :]
    assert pt.count("**Example Youth Line**") == 1 and young.startswith(
        "**Children and young people**\n\n- **Example Youth Line**"
    )
    assert "Example Abuse Line" not in pt and "Example Abuse Chat" not in pt  # only in "Abuse at home"


def test_abuse_services_list_only_abuse_services_by_country() -> None:
    out = render.abuse_services(SHARED)
    for code, country in SHARED.crisis.items():
        abuse = [s for s in country.services if "domestic-abuse" in s.for_]
        assert (f"#abuse-{code.lower()}" in out) == bool(abuse)
        for s in country.services:
            assert (f"**{s.name}**" in out) == (s in abuse), s.name
    assert "**Example Abuse Chat** (Mainland only)" in out
    adults, young = out.split(f"**{render.YOUNG_ABUSE_LABEL}**")
    assert "Example Abuse Line" in adults and "Example Youth Line" not in adults
    assert "Example Youth Line" in young


def test_emergency_numbers_group_countries_that_share_one() -> None:
    assert render.emergency_numbers(SHARED) == [
        {"countries": "Portugal and Netherlands", "number": "100", "tel": "100"},
        {"countries": "Iceland", "number": "200", "tel": "200"},
    ]


def test_service_line_says_free_only_when_the_data_says_so() -> None:
    paid, free = SHARED.crisis["NL"].services[0], SHARED.crisis["PT"].services[2]
    assert "Free." not in render._service(paid) and "A local call." in render._service(paid)
    assert render._service(free).endswith("Free. [listening.example.org](https://listening.example.org/)")


def test_directories_group_by_country() -> None:
    out = render.directories(SHARED)
    assert out.index("**Any country**") < out.index("Example World Directory") < out.index("**Portugal**")
    assert "**Netherlands**" in out


def test_citations_are_numbered_in_order_of_first_use() -> None:
    c = render.Citations(BIB)
    first = c.cite("cuijpers2016")
    second = c.cite("lin2022", "cuijpers2016")
    assert first == '<a class="cite" href="#source-1">[1]</a>'
    assert second == '<a class="cite" href="#source-2">[2]</a><a class="cite" href="#source-1">[1]</a>'
    assert c.sources_heading() == "## Sources { #sources data-search-exclude }"
    sources = c.sources_list()
    assert sources.index('<li id="source-1">Cuijpers') < sources.index('<li id="source-2">Lin T')
    assert '<a href="https://doi.org/10.1176/appi.ajp.2015.15091141">' in sources


def test_cite_rejects_unknown_key_and_no_key() -> None:
    c = render.Citations(BIB)
    with pytest.raises(
        ContentError, match="unknown source key 'cuijpers2061' in cite\\(\\) — add it to macros/data/bibliography.yml"
    ):
        c.cite("cuijpers2061")
    with pytest.raises(ContentError, match="cite\\(\\) needs at least one source key"):
        c.cite()


def test_no_sources_section_without_citations() -> None:
    assert render.Citations(BIB).sources_heading() == render.Citations(BIB).sources_list() == ""


def test_reference_text_is_escaped_html() -> None:
    ref = BIB["cuijpers2016"].model_copy(update={"title": "Less <b>bold</b> & more", "authors": "O'Brien A"})
    text = render.format_reference(ref)
    assert "Less &lt;b&gt;bold&lt;/b&gt; &amp; more" in text and "O&#x27;Brien A" in text


def test_glossary_and_tooltips() -> None:
    entries = [
        GlossaryEntry(term="IPT", definition="A talking therapy.", tooltip=True),
        GlossaryEntry(term="grief", definition="Deep sadness after a loss."),
    ]
    assert render.tooltips(entries) == {"IPT": "A talking therapy."}
    out = render.glossary(entries)
    assert out.index('id="grief"') < out.index('id="ipt"'), "sorted alphabetically"


# --- a broken page stops the build with one line: file:line: problem — fix ------------------------

PAGE = """---
title: Test page
description: A page that exists only to be broken on purpose by the tests.
last_reviewed: 2026-11-26
review_due: 2029-11-26
---

# Test page

Some text.

{macro}
"""

PAGE_CASES = {
    "a safety-plan field without a label": (
        '{{ plan_field("") }}',
        'docs/broken.md:12: plan_field() needs a label, like plan_field("My warning signs")'
        " — write what the reader fills in",
    ),
    "unknown macro": (
        '{{ disclaimr("medical") }}',
        "docs/broken.md:12: unknown macro or variable 'disclaimr' — check the spelling; macros are: cite,",
    ),
    "bad disclaimer kind": (
        '{{ disclaimer("legal") }}',
        "docs/broken.md:12: unknown disclaimer kind 'legal' — use one of: medical, crisis, help, independence",
    ),
    "a box the theme already adds to articles": (
        '{{ disclaimer("medical") }}',
        "docs/broken.md:12: disclaimer('medical'): articles get the medical box and the help or urgent box at"
        " their end by themselves — remove this macro",
    ),
    "unknown citation": (
        'IPT helps {{ cite("nobody1999") }}.',
        "docs/broken.md:12: unknown source key 'nobody1999' in cite()",
    ),
    "wrong arguments": ("{{ crisis_lines('US') }}", "docs/broken.md:12: a macro got the wrong arguments"),
    # Not the exact form the fast path takes (macros/__init__.py, CITE_CALL): Jinja reads it, and says what is wrong.
    "cite with a brace missing": ('IPT helps {{ cite("cuijpers2016") }.', "docs/broken.md:12: macro syntax error"),
}


@pytest.mark.parametrize("case", PAGE_CASES)
def test_broken_page_fails_build_with_one_line(project: Project, case: str) -> None:
    macro, expected = PAGE_CASES[case]
    project.write("docs/broken.md", PAGE.format(macro=macro))
    result = project.build()
    assert result.returncode != 0
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_pages_with_and_without_other_macros_render_alike(project: Project) -> None:
    """Pages whose only macros are cite() skip Jinja (macros/__init__.py); any other macro on the
    page still renders. Either way no template syntax reaches the reader."""
    cites = 'One {{ cite("cuijpers2016") }}. Two {{cite( "lin2022" ,\'cuijpers2016\')}}.'
    project.write("docs/only-cites.md", PAGE.format(macro=cites))
    project.write("docs/mixed.md", PAGE.format(macro=cites + '\n\n{{ disclaimer("independence") }}'))
    result = project.build()
    assert result.returncode == 0, result.stderr
    for name in ("only-cites", "mixed"):
        html = (project.path / "site" / name / "index.html").read_text(encoding="utf-8")
        assert "{{" not in html and "cite(" not in html, name
        assert (
            'One <a class="cite" href="#source-1">[1]</a>. Two <a class="cite" href="#source-2">[2]</a>'
            '<a class="cite" href="#source-1">[1]</a>.'
        ) in html, name
        assert '<li id="source-2">Lin T' in html, name
    assert 'data-ipt="disclaimer-independence"' in (project.path / "site/mixed/index.html").read_text(encoding="utf-8")


def test_bad_front_matter_fails_build(project: Project) -> None:
    page = PAGE.format(macro="").replace("review_due: 2029-11-26", "review_due: 2031-01-01")
    project.write("docs/broken.md", page)
    result = project.build()
    assert result.returncode != 0
    line = page.splitlines().index("review_due: 2031-01-01") + 1
    assert error_lines(result) == [
        f"ERROR   -  docs/broken.md:{line}: front matter: review_due 2031-01-01 is more than 3 years after"
        " last_reviewed 2026-11-26 — set it to 2029-11-26 or earlier"
    ], result.stderr


def test_crisis_lines_start_with_a_jump_list_to_each_country() -> None:
    first_line = render.crisis_lines(SHARED).splitlines()[0]
    assert first_line.startswith("**Go to your country:**")
    for code in SHARED.crisis:
        assert f"(#crisis-{code.lower()})" in first_line


# --- the list of macros: one definition (macros.page_macros), the same in CONTRIBUTING.md ----------


def macro_list_problems(functions: list, guide: str) -> list[str]:
    """Macros without a docstring, and differences between the macros and the editor's guide's table."""
    section = guide.split("## Macros: every one", 1)[-1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`\{\{ (\w+)\(", section))
    names = {f.__name__ for f in functions}
    problems = [
        f"macros/__init__.py: macro {f.__name__}() has no docstring — say what it does"
        for f in functions
        if not f.__doc__
    ]
    problems += [
        f"CONTRIBUTING.md: macro {n}() is missing from 'Macros: every one' — add a row"
        for n in sorted(names - documented)
    ]
    problems += [
        f"CONTRIBUTING.md: '{n}' is not a macro — remove its row or fix the name" for n in sorted(documented - names)
    ]
    return problems


def the_macros() -> list:
    from macros import page_macros
    from macros.data_files import load_all

    return page_macros(None, *load_all(ROOT))


def test_every_macro_has_a_docstring_and_a_row_in_contributing() -> None:
    assert not macro_list_problems(the_macros(), (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))


def test_macro_list_check_reports_a_missing_and_an_unknown_row() -> None:
    guide = '## Macros: every one\n| `{{ cite("k") }}` | … |\n| `{{ sources() }}` | … |\n## Next\n`{{ glossary() }}`\n'
    functions = [f for f in the_macros() if f.__name__ in ("cite", "glossary")]
    assert macro_list_problems(functions, guide) == [
        "CONTRIBUTING.md: macro glossary() is missing from 'Macros: every one' — add a row",
        "CONTRIBUTING.md: 'sources' is not a macro — remove its row or fix the name",
    ]
