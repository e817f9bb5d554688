"""The "My safety plan" macros (macros/safety_plan.py): labelled fields and the crisis numbers, on the
tests' own data (tests/fixtures/shared-content.yml). (A field without a label stopping the build is
a case in test_macros.py; tests/html/test_safety_plan_page.py checks the real page by rule.)"""

from __future__ import annotations

import re

import pytest

from macros import safety_plan
from macros.render import ContentError
from support.fixture_data import fixture_shared

SHARED = fixture_shared()


def test_a_field_is_a_box_with_its_own_label() -> None:
    out = safety_plan.field("My reasons for living")
    assert '<label for="plan-my-reasons-for-living">My reasons for living</label>' in out
    assert '<textarea id="plan-my-reasons-for-living" rows="3" autocomplete="off" data-ipt="plan-field">' in out
    assert "<form" not in out and "name=" not in out  # nothing to submit, nowhere to send it


def test_a_contact_is_a_name_and_a_phone_number_each_labelled() -> None:
    out = safety_plan.contact("Person 1")
    assert '<label for="plan-person-1-name">Person 1: name</label><input type="text" id="plan-person-1-name"' in out
    assert (
        '<label for="plan-person-1-phone">Person 1: phone number</label><input type="tel" id="plan-person-1-phone"'
        in out
    )
    assert out.count('autocomplete="off"') == 2


def test_a_label_is_escaped() -> None:
    assert '<label for="plan-me-you">Me &amp; &lt;you&gt;</label>' in safety_plan.field("Me & <you>")


@pytest.mark.parametrize(("macro", "call"), [("plan_field", safety_plan.field), ("plan_contact", safety_plan.contact)])
def test_a_field_without_a_label_is_refused(macro: str, call) -> None:
    with pytest.raises(
        ContentError,
        match=re.escape(f'{macro}() needs a label, like {macro}("My warning signs") — write what the reader fills in'),
    ):
        call("  ")


def test_crisis_numbers_list_every_country_its_emergency_number_and_crisis_lines() -> None:
    out = safety_plan.crisis_numbers(SHARED)
    assert out.count('<section class="ipt-country" data-country=') == len(SHARED.crisis)
    assert 'data-ipt="crisis-countries"' in out and 'id="crisis-countries"' in out  # the country-first script's list
    assert 'data-ipt="country-note" hidden' in out
    for code, country in SHARED.crisis.items():
        section = out[out.index(f'data-country="{code}"') :]
        section = section[: section.index("</section>")]
        assert f"**Emergency: call [{country.emergency}](tel:" in section, code
        for s in country.services:
            listed = s.name in section
            callable_ = bool({"call", "text"} & set(s.how))
            assert listed == (bool(set(s.for_) & set(safety_plan.PLAN_SERVICES)) and callable_), f"{code}: {s.name}"
            if listed and "young-people" in s.for_ and "crisis" not in s.for_:
                assert re.search(re.escape(s.name) + r"(, [^:]* only)?, for young people:", section), (
                    f"{code}: {s.name}"
                )


def test_crisis_numbers_say_where_and_when_a_line_is_limited() -> None:
    out = safety_plan.crisis_numbers(SHARED)
    assert "Example Island Line, Azores only: call [800 000 004](tel:800000004), Evenings, 6pm to midnight" in out
    assert "Example Youth Line, for young people: call [800 000 002](tel:800000002), Every day, 9am to 9pm" in out
    assert "Example Text Line: text TALK to [3000](sms:3000)\n" in out  # open all day: no hours said
    assert "Example Listening Line: call [800 000 001](tel:800000001) or text [900 000 001](sms:900000001) ·" in out
    assert "**Iceland:** **Emergency: call [200](tel:200)**\n" in out  # its only line is chat: not listed
