"""Key points at the top of each article: plain language, main facts first."""
from __future__ import annotations

from pathlib import Path

from .key_points import missing_key_points
from support.site_pages import read_source, sources
from .report import fail_on
from conftest import ROOT

GOOD = '---\ntitle: T\n---\n\n# T\n\n!!! abstract "Key points"\n\n    - One.\n\n## First section\n'
LATE = '---\ntitle: T\n---\n\n# T\n\n## First section\n\n!!! abstract "Key points"\n\n    - One.\n'
NONE = '---\ntitle: T\n---\n\n# T\n\nText.\n\n## First section\n'


def test_real_articles_start_with_key_points(settings: dict) -> None:
    fail_on(missing_key_points(sources(ROOT), settings), "articles without a Key points box at the top")


def test_missing_or_late_key_points_are_reported(tmp_path: Path, settings: dict) -> None:
    (tmp_path / "docs").mkdir()
    for name, text in {"good.md": GOOD, "late.md": LATE, "none.md": NONE}.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    pages = [read_source(tmp_path, tmp_path / "docs" / n) for n in ("good.md", "late.md", "none.md")]
    assert missing_key_points(pages, settings) == [
        "docs/late.md:7: the Key points box comes after the first section — put `!!! abstract \"Key points\"`"
        " with 3 to 5 short bullet points right after the title (see docs/templates/article.md)",
        "docs/none.md: no Key points box — put `!!! abstract \"Key points\"` with 3 to 5 short bullet points"
        " right after the title (see docs/templates/article.md)",
    ]
