"""How checks report content problems: one line each, all at once, never a Python traceback."""

from __future__ import annotations

import re

import pytest


class ContentWarning(UserWarning):
    """Something an editor should look at soon, which does not fail the checks (shown in pytest's summary)."""


def fail_on(problems: list[str], summary: str) -> None:
    """Fail the test with every problem on its own line, or pass if there are none."""
    if problems:
        pytest.fail(f"{summary} ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


def where(label: str, line: int | None) -> str:
    return f"{label}:{line}" if line else label


def in_order(lines: list[str]) -> list[str]:
    """Unique lines, by file and then by line number (so line 9 comes before line 10)."""
    return sorted(dict.fromkeys(lines), key=_natural)


def _natural(text: str) -> list[int | str]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]
