"""A text beside every country's line to talk to (the search help card, the urgent-help boxes) may
promise help day and night only if each of those lines says `hours: 24 hours, every day`: the build
stops otherwise, with one line naming the key and the fix (macros/schema.py). The rule is tested on
the tests' own data file (tests/fixtures/shared-content.yml: PT with regions, NL, IS), and once in a
real build of the project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import Project, error_lines, read_shared_content
from macros.data_files import SHARED_CONTENT, DataFileError, load
from macros.schema import ALWAYS_OPEN, ROUND_THE_CLOCK, SharedContent
from support.fixture_data import write_fixture

FILE = "macros/data/shared-content.yml"
EVENING_LINE = {
    "name": "Evening Line",
    "for": ["crisis"],
    "number": "0800 000 000",
    "how": ["call"],
    "hours": "Every evening, 7pm to 11pm",
    "source": "https://www.example.org/evening-line",
    "checked": dt.date(2026, 1, 5),
}


def first_line(d: dict, code: str, line: dict) -> None:
    """Put `line` first among the country's services: it becomes the country's line to talk to."""
    d["crisis"][code]["services"].insert(0, dict(line))


def no_line_to_talk_to(d: dict, code: str) -> None:
    d["crisis"][code]["services"] = [s for s in d["crisis"][code]["services"] if "crisis" not in s["for"]]


FIX = f"say only what is true for every country, or, if its own page says it never closes, write hours: {ALWAYS_OPEN}"

# Each case: (how to break the file, the one line the editor must see).
CASES = {
    "card says day and night, a country's line closes at night": (
        lambda d: (
            d["crisis_search"]["card"].update(text="If you want to talk, a crisis line is there day and night."),
            first_line(d, "PT", EVENING_LINE),
        ),
        f"{FILE}: crisis_search.card.text: says 'day and night', but the line to talk to in crisis.PT,"
        f" Evening Line, has hours 'Every evening, 7pm to 11pm' — {FIX}",
    ),
    "box says round the clock, the hours are not written the one way": (
        lambda d: (
            d["disclaimers"]["crisis"].update(text="A crisis line answers round the clock. In danger, call now."),
            first_line(d, "NL", {**EVENING_LINE, "hours": "24 hours, most days"}),
        ),
        f"{FILE}: disclaimers.crisis.text: says 'round the clock', but the line to talk to in crisis.NL,"
        f" Evening Line, has hours '24 hours, most days' — {FIX}",
    ),
    "box says 24/7, a country has no line to talk to": (
        lambda d: (
            d["disclaimers"]["help"].update(text="A crisis line can help 24/7, and someone will listen."),
            no_line_to_talk_to(d, "PT"),
        ),
        f"{FILE}: disclaimers.help.text: says '24/7', but crisis.PT has no crisis line that takes calls in the"
        " whole country — add one, or say only what is true for every country",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_promise_of_help_at_any_hour_needs_every_line_open_at_any_hour(tmp_path: Path, case: str) -> None:
    breaks, expected = CASES[case]
    with pytest.raises(DataFileError) as caught:
        load(write_fixture(tmp_path, breaks), SHARED_CONTENT, SharedContent)
    assert str(caught.value).splitlines() == [expected]


def test_a_line_for_one_region_is_not_the_line_to_talk_to(tmp_path: Path) -> None:
    """A 24-hour line for one region (the Azores) does not make the promise true for the whole country."""
    azores = {**EVENING_LINE, "name": "Azores Line", "hours": ALWAYS_OPEN, "areas": ["Azores"]}
    breaks = lambda d: (  # noqa: E731
        d["crisis_search"]["card"].update(text="A crisis line is there day and night."),
        first_line(d, "PT", EVENING_LINE),
        first_line(d, "PT", azores),
    )
    with pytest.raises(DataFileError, match="the line to talk to in crisis.PT, Evening Line, has hours"):
        load(write_fixture(tmp_path, breaks), SHARED_CONTENT, SharedContent)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("a crisis line is there day and night", "day and night"),
        ("Someone answers night and day.", "night and day"),
        ("Help is there round-the-clock.", "round-the-clock"),
        ("We listen around the clock", "around the clock"),
        ("Call 24/7.", "24/7"),
        ("Someone is there 24 hours a day.", "24 hours a day"),
        ("the line is open 24 hours", "open 24 hours"),
        ("call at any time of day or night", "any time of day or night"),
        ("If you took something in the last 24 hours, call now.", None),
        ("A crisis line can help today, and someone will listen.", None),
        ("Call your emergency number now, even if you feel OK.", None),
    ],
)
def test_which_words_promise_help_at_any_hour(text: str, claim: str | None) -> None:
    found = ROUND_THE_CLOCK.search(text)
    assert (found[0] if found else None) == claim


def test_the_build_stops_with_the_one_line(project: Project) -> None:
    """On the real project: whatever country the data file lists first."""
    code = next(iter(read_shared_content()["crisis"]))
    card = "If you want to talk, a crisis line is there day and night."
    project.edit_yaml(FILE, lambda d: (d["crisis_search"]["card"].update(text=card), first_line(d, code, EVENING_LINE)))
    expected = (
        f"{FILE}: crisis_search.card.text: says 'day and night', but the line to talk to in crisis.{code},"
        f" Evening Line, has hours 'Every evening, 7pm to 11pm' — {FIX}"
    )
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == ["ERROR   -  " + expected], result.stderr
