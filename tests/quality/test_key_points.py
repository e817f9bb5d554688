"""Key points at the top of each article: plain language, main facts first."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from support.site_pages import read_source, sources

from .key_points import FIGURE, figure, key_point_figures_not_in_body, missing_key_points
from .report import fail_on

GOOD = '---\ntitle: T\n---\n\n# T\n\n!!! abstract "Key points"\n\n    - One.\n\n## First section\n'
LATE = '---\ntitle: T\n---\n\n# T\n\n## First section\n\n!!! abstract "Key points"\n\n    - One.\n'
NONE = "---\ntitle: T\n---\n\n# T\n\nText.\n\n## First section\n"


def test_real_articles_start_with_key_points(settings: dict) -> None:
    fail_on(missing_key_points(sources(ROOT), settings), "articles without a Key points box at the top")


def test_missing_or_late_key_points_are_reported(tmp_path: Path, settings: dict) -> None:
    (tmp_path / "docs").mkdir()
    for name, text in {"good.md": GOOD, "late.md": LATE, "none.md": NONE}.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    pages = [read_source(tmp_path, tmp_path / "docs" / n) for n in ("good.md", "late.md", "none.md")]
    assert missing_key_points(pages, settings) == [
        'docs/late.md:7: the Key points box comes after the first section — put `!!! abstract "Key points"`'
        " with 3 to 5 short bullet points right after the title (see docs/templates/article.md)",
        'docs/none.md: no Key points box — put `!!! abstract "Key points"` with 3 to 5 short bullet points'
        " right after the title (see docs/templates/article.md)",
    ]


def test_real_key_points_give_only_figures_their_page_gives(pages: list) -> None:
    fail_on(key_point_figures_not_in_body(pages), "Key points with a figure the page body never gives")


@pytest.mark.parametrize(
    "text, figures",
    [
        ("7 in 10 people", ["7 in 10"]),
        ("seven in ten people", ["7 in 10"]),
        ("about one in four", ["1 in 4"]),
        ("3 out of 4 teens", ["3 in 4"]),
        ("37.5% recovered", ["37.5%"]),
        ("37.5 in 100 recovered", ["37.5%"]),
        ("40 per cent", ["40%"]),
        ("12 to 16 weekly sessions", ["12 to 16"]),
        ("12–16 sessions", ["12 to 16"]),
        ("over 1,400 people in the 1970s", ["1400", "1970s"]),
        ("aged 70 or over, for 18 months", ["70", "18"]),
        ("it can take time to find one; ask more than one", []),  # "one" alone is a word, not a figure
        ("cuijpers2016 and COVID19", []),  # digits inside a word are not figures
    ],
)
def test_figures_are_read_as_numbers(text: str, figures: list[str]) -> None:
    assert [figure(m.group()) for m in FIGURE.finditer(text)] == figures


AGREES = """---\ntitle: T\n---\n\n# T\n\n!!! abstract "Key points"\n
    - Seven in ten people did better {{ cite("cuijpers2016") }}.
    - It takes [12 to 16 sessions](how-ipt-works.md#sessions-2024). Ask more than one therapist.

## Body

The average person did better than 7 in 10 others {{ cite("cuijpers2016") }}. Most people have 12 to 16 sessions.
"""
DISAGREES = """---\ntitle: T\n---\n\n# T\n\n!!! abstract "Key points"\n
    - In one trial, 7 in 10 people recovered.
    - Most people have 8 sessions, and 37.5% recovered.

## Body

In one trial, nearly 4 in 10 people recovered (37.5 in 100). Most people have 12 to 16 sessions.
<!-- 8 sessions in an HTML comment is not something readers see -->
"""


def test_a_key_point_figure_the_body_never_gives_is_reported(tmp_path: Path) -> None:
    """Bad example: Key points say "7 in 10" and "8 sessions"; the body says "nearly 4 in 10" and "12 to 16"."""
    (tmp_path / "docs").mkdir()
    for name, text in {"agrees.md": AGREES, "disagrees.md": DISAGREES}.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    pages = [read_source(tmp_path, tmp_path / "docs" / n) for n in ("agrees.md", "disagrees.md")]
    fix = "but the page body never does — make the Key point and the body agree (fix whichever is wrong)"
    assert key_point_figures_not_in_body(pages) == [
        f'docs/disagrees.md:9: Key point says "7 in 10", {fix}',
        f'docs/disagrees.md:10: Key point says "8", {fix}',
    ]
