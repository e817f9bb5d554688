"""3. Front matter of every page, all problems at once, with the line of the key. 4. Review dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from support.site_pages import Source, sources

from .front_matter import front_matter_problems, overdue_problems
from .report import ContentWarning, fail_on

LONG = (
    "A description that goes on and on about interpersonal psychotherapy, far longer than any"
    " search engine would ever show, and longer than the limit of 160 characters we set."
)
BAD = f"""---
description: {LONG}
last_reviewed: 2026-06-01
review_due: 2026-01-01
kind: articel
reviewd_by: Dr A Person
---

# A page
"""


def write(root: Path, name: str, text: str) -> None:
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / name).write_text(text, encoding="utf-8")


def problems_in(root: Path) -> list[str]:
    return [line for src in sources(root) for line in front_matter_problems(src)]


def test_real_pages_have_valid_front_matter(pages: list[Source]) -> None:
    assert len(pages) >= 15
    fail_on([line for src in pages for line in front_matter_problems(src)], "front matter problems")


def test_every_front_matter_problem_is_reported_at_its_key(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", BAD)
    write(tmp_path, "no-front-matter.md", "# Just a heading\n")
    write(tmp_path, "broken-yaml.md", "---\ntitle: Broken\ndescription: [unclosed\n---\n")
    write(
        tmp_path,
        "overlong.md",
        BAD.replace("review_due: 2026-01-01", "review_due: 2030-01-01").replace(
            "description: A description", "title: Ok\ndescription: Fine, short and clear enough.\n#"
        ),
    )
    (tmp_path / "docs/templates").mkdir()
    write(tmp_path, "templates/skipped.md", "no front matter, but templates are not pages")
    assert problems_in(tmp_path) == [
        "docs/bad.md:1: front matter: title: this key is missing — add it",
        f"docs/bad.md:2: front matter: description: is too long ({len(LONG)} characters) — shorten it to 160",
        "docs/bad.md:4: front matter: review_due 2026-01-01 is not after last_reviewed 2026-06-01 — set review_due to a later date",
        "docs/bad.md:5: front matter: kind: must be one of 'article' or 'page' — use one of those words",
        "docs/bad.md:6: front matter: reviewd_by: unknown key — remove it or check its spelling",
        "docs/broken-yaml.md:4: front matter is not valid YAML (did not find expected ',' or ']') — check colons, quotes and indentation",
        "docs/no-front-matter.md: no front matter — start the file with the block between '---' lines (copy docs/templates/article.md)",
        "docs/overlong.md:6: front matter: review_due 2030-01-01 is more than 3 years after last_reviewed 2026-06-01 — set it to 2029-06-01 or earlier",
        "docs/overlong.md:7: front matter: kind: must be one of 'article' or 'page' — use one of those words",
        "docs/overlong.md:8: front matter: reviewd_by: unknown key — remove it or check its spelling",
    ]


# --- 4. freshness --------------------------------------------------------------------------------


def test_no_real_page_is_overdue(pages: list[Source], settings: dict) -> None:
    today = dt.date.today()
    fail_on(
        [l for src in pages for l in overdue_problems(src, today, settings["review_warning_days"])],
        "pages past their review date",
    )


def test_overdue_page_fails_and_page_due_soon_warns(tmp_path: Path) -> None:
    page = (
        "---\ntitle: T\ndescription: A page that needs a review.\nlast_reviewed: 2025-01-10\nreview_due: {due}\n---\n"
    )
    write(tmp_path, "late.md", page.format(due="2027-02-28"))
    write(tmp_path, "soon.md", page.format(due="2027-04-30"))
    write(tmp_path, "later.md", page.format(due="2027-05-01"))
    late, later, soon = sources(tmp_path)
    today = dt.date(2027, 3, 1)
    assert overdue_problems(late, today, 60) == [
        "docs/late.md:5: review was due on 2027-02-28 — review the page, then set last_reviewed to the"
        " review date and review_due to the next one (at most 3 years later)"
    ]
    with pytest.warns(ContentWarning) as caught:
        assert overdue_problems(soon, today, 60) == []
        assert overdue_problems(later, today, 60) == []
    assert [str(w.message) for w in caught] == [
        "docs/soon.md:5: review due on 2027-04-30, in 60 days — plan the review"
    ]
