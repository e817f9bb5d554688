"""How fresh the crisis numbers are: every `checked:` date in the crisis part of the shared-content file.

Phone numbers and opening hours change without notice, and a wrong number on the crisis page fails a
reader at the worst moment. So, like a page's review date, a date checked too long ago warns first
(ContentWarning), then fails; the limits are in settings.yml.
"""

from __future__ import annotations

import calendar
import datetime as dt
import warnings
from collections.abc import Iterator

from macros.schema import CrisisCountry

from .report import ContentWarning

FIX = "open its source page, check every detail, then set checked to the date you did"


def checked_dates(crisis: dict[str, CrisisCountry]) -> Iterator[tuple[str, str, dt.date]]:
    """(key path, what it is, date) for every `checked:` in `crisis`, in file order."""
    for code, country in crisis.items():
        for n, access in enumerate(country.emergency_access or []):
            yield (
                f"crisis.{code}.emergency_access[{n}].checked",
                f"emergency {country.emergency} by {access.way}",
                access.checked,
            )
        for n, service in enumerate(country.services):
            yield f"crisis.{code}.services[{n}].checked", service.name, service.checked
            for m, access in enumerate(service.deaf_access or []):
                yield (
                    f"crisis.{code}.services[{n}].deaf_access[{m}].checked",
                    f"{service.name} by {access.way}",
                    access.checked,
                )


def stale_checks(
    crisis: dict[str, CrisisCountry], label: str, today: dt.date, warn_months: int, max_months: int
) -> list[str]:
    """One failing line per date older than max_months; a ContentWarning per date older than warn_months."""
    problems = []
    for key, what, checked in checked_dates(crisis):
        if months_later(checked, max_months) < today:
            problems.append(
                f"{label}: {key}: {what} was last checked on {checked}, more than {max_months} months ago — {FIX}"
            )
        elif months_later(checked, warn_months) < today:
            warnings.warn(
                ContentWarning(
                    f"{label}: {key}: {what} was last checked on {checked} — re-check it before"
                    f" {months_later(checked, max_months)}"
                ),
                stacklevel=2,
            )
    return problems


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day (31 August + 6 months = 28 February)."""
    years, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
