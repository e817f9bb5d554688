"""Crisis numbers are re-checked in time: every `checked:` date warns after 6 months and fails after 12."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from macros.data_files import SHARED_CONTENT, load
from macros.schema import CrisisCountry, SharedContent

from .report import ContentWarning, fail_on
from .service_dates import months_later, stale_checks

FILE = "macros/data/shared-content.yml"
TODAY = dt.date(2026, 3, 1)


def test_no_real_crisis_number_is_overdue(settings: dict) -> None:
    shared = load(ROOT, SHARED_CONTENT, SharedContent)
    fail_on(
        stale_checks(
            shared.crisis,
            FILE,
            dt.date.today(),
            settings["service_check_warning_months"],
            settings["service_check_max_months"],
        ),
        "crisis services not re-checked in time",
    )


def _service(name: str, checked: str, **more: object) -> dict:
    return {
        "name": name,
        "for": ["crisis"],
        "number": "123",
        "how": ["call"],
        "hours": "24 hours",
        "source": "https://example.org/",
        "checked": dt.date.fromisoformat(checked),
        **more,
    }


def _access(checked: str) -> dict:
    return {
        "way": "textphone",
        "text": "Call 18001 from a TTY.",
        "source": "https://example.org/",
        "checked": dt.date.fromisoformat(checked),
    }


# A small country of its own, so the test does not depend on today's real data.
FIXTURE = {
    "XA": CrisisCountry.model_validate(
        {
            "emergency": "112",
            "emergency_access": [_access("2025-10-01")],  # 5 months before TODAY: fine
            "services": [
                _service("Fresh Line", "2025-10-01"),  # 5 months: fine
                _service("Due Line", "2025-08-01"),  # 7 months: warns
                _service("Late Line", "2025-02-01", deaf_access=[_access("2024-12-01")]),  # 13 and 15 months: fail
            ],
        }
    )
}


def test_service_checked_13_months_ago_fails_and_7_months_ago_warns() -> None:
    with pytest.warns(ContentWarning) as caught:
        problems = stale_checks(FIXTURE, FILE, TODAY, 6, 12)
    fix = "open its source page, check every detail, then set checked to the date you did"
    assert problems == [
        f"{FILE}: crisis.XA.services[2].checked: Late Line was last checked on 2025-02-01, more than 12 months ago — {fix}",
        (
            f"{FILE}: crisis.XA.services[2].deaf_access[0].checked: Late Line by textphone was last checked on"
            f" 2024-12-01, more than 12 months ago — {fix}"
        ),
    ]
    assert [str(w.message) for w in caught] == [
        f"{FILE}: crisis.XA.services[1].checked: Due Line was last checked on 2025-08-01 — re-check it before 2026-08-01"
    ]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 15), 12, dt.date(2027, 1, 15)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),  # no 31 February: the month's last day
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
    ],
)
def test_months_later(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_later(day, months) == expected
