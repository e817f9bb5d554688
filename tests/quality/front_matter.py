"""Front matter of every page (macros/schema.py FrontMatter, the build's own rules) and review dates."""

from __future__ import annotations

import datetime as dt
import warnings

from pydantic import ValidationError

from macros.schema import FrontMatter, problems
from support.site_pages import Source

from .report import ContentWarning, in_order, where

# A placeholder that passes every other rule, so the date rules can be checked on their own.
_VALID = {"title": "x", "description": "x" * 20}


def _schema_lines(meta: dict) -> list[str]:
    try:
        FrontMatter.model_validate(meta)
        return []
    except ValidationError as err:
        return problems(err)


def front_matter_problems(src: Source) -> list[str]:
    """Every front-matter problem of one page, as 'docs/page.md:LINE: what — fix' lines."""
    if src.meta_error:
        return [f"{where(src.label, src.meta_error_line)}: {src.meta_error}"]
    lines = _schema_lines(src.meta)
    # pydantic checks the date rules only once every field is valid; check them on their own too,
    # so an editor sees all problems in one run.
    dates = {k: src.meta[k] for k in ("last_reviewed", "review_due") if k in src.meta}
    if lines and len(dates) == 2:
        lines += [l for l in _schema_lines(_VALID | dates) if l not in lines]
    return in_order([f"{where(src.label, _line_for(src, line))}: front matter: {line}" for line in lines])


def _line_for(src: Source, problem: str) -> int | None:
    """The line of the key a problem is about: 'description: is too long…' or 'review_due 2031… is…'."""
    first = problem.split(":")[0].split(" ")[0]
    key = first.split(".")[0].split("[")[0]
    if key in FrontMatter.model_fields or key in src.meta:
        return src.line_of_key(key) or 1
    return 1


def overdue_problems(src: Source, today: dt.date, warn_days: int) -> list[str]:
    """Fail when the review date has passed; warn (ContentWarning) when it is less than warn_days away."""
    due = src.meta.get("review_due")
    if not isinstance(due, dt.date):
        return []  # reported by the front-matter check
    at = where(src.label, src.line_of_key("review_due"))
    if due < today:
        return [
            f"{at}: review was due on {due} — review the page, then set last_reviewed to the"
            f" review date and review_due to the next one (at most 3 years later)"
        ]
    days = (due - today).days
    if days <= warn_days:
        warnings.warn(ContentWarning(f"{at}: review due on {due}, in {days} days — plan the review"), stacklevel=2)
    return []
