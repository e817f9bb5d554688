"""5. Reading level of each article's body text, from the built HTML (offline: no NLTK download)."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

from conftest import Project

from . import readability
from support.site_pages import Source, built_path, sources
from .report import fail_on

HARD = (
    "Notwithstanding considerable methodological heterogeneity, contemporary meta-analytic investigations"
    " consistently demonstrate that interpersonal psychotherapy substantially ameliorates depressive"
    " symptomatology, particularly among individuals experiencing interpersonal difficulties, complicated"
    " bereavement, or psychosocial transitions necessitating considerable adaptation."
)


def grades(site: Path, pages: list[Source]) -> dict[str, tuple[float, int]]:
    out = {}
    for src in pages:
        if src.is_article:
            text = readability.body_text(built_path(site, src.uri).read_text(encoding="utf-8"))
            out[src.label] = (readability.grade(text), len(text.split()))
    return out


def too_hard(grades: dict[str, tuple[float, int]], limit: float) -> list[str]:
    return [f"{page}: reading grade {g:.1f} is above {limit:g} — use shorter sentences and everyday words"
            " (the table after the test run shows every page)" for page, (g, _) in sorted(grades.items()) if g > limit]


def test_real_articles_are_easy_to_read(site: Path, pages: list[Source], settings: dict, offline_textstat: list) -> None:
    found = grades(site, pages)
    assert len(found) >= 10
    table = readability.grade_table(found, settings["reading_grade_max"], settings["reading_grade_median"])
    print(table)  # shown with -s; always shown in the run's summary by tests/quality/conftest.py
    assert offline_textstat == [], "textstat tried to download its dictionary"
    fail_on(too_hard(found, settings["reading_grade_max"]), "articles too hard to read")
    assert statistics.median(g for g, _ in found.values()) > 0


def test_a_hard_article_fails_with_its_grade(project: Project, offline_textstat: list) -> None:
    page = project.path / "docs/online-ipt.md"
    text = page.read_text(encoding="utf-8")
    body = text.index("\n# ")  # keep the front matter and the title; replace the rest
    project.write("docs/online-ipt.md", text[:body] + "\n# IPT online\n\n" + HARD + "\n")
    assert project.build().returncode == 0
    found = grades(project.path / "site", [s for s in sources(project.path) if s.uri == "online-ipt.md"])
    grade = found["docs/online-ipt.md"][0]
    assert grade > 8
    assert too_hard(found, 8) == [
        f"docs/online-ipt.md: reading grade {grade:.1f} is above 8 — use shorter sentences and everyday words"
        " (the table after the test run shows every page)"
    ]
    assert offline_textstat == []


def test_body_text_leaves_out_what_is_not_prose(site: Path, shared_content: dict) -> None:
    text = readability.body_text((site / "what-is-ipt/index.html").read_text(encoding="utf-8"))
    assert "IPT is built on a simple idea." in text
    assert shared_content["disclaimers"]["medical"]["text"].split()[0:4] != text.split()[0:4]
    for absent in ("Sources", "doi:", "Key points", "Last reviewed", shared_content["finder"]["heading"],
                   "What is interpersonal psychotherapy?", "¶"):
        assert absent not in text, absent
    assert not re.search(r"\[\d+\]", text), "citation numbers are not words"


def test_no_download_even_for_words_outside_the_dictionary(offline_textstat: list) -> None:
    """Syllables come from the bundled dictionary; unknown words fall back to hyphenation, never a download."""
    import nltk

    assert readability.grade("The cat sat on the mat. Zyxwvut blorfed.") < 3
    assert offline_textstat == []
    assert Path(nltk.data.find("corpora/cmudict")) == offline_textstat.cache / "corpora/cmudict"
