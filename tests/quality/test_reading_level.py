"""5. Reading level of each article's body text, from the built HTML (offline: no NLTK download)."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from conftest import Project
from support.site_pages import Source, built_path, sources

from . import paragraphs, readability
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
    return [
        f"{page}: reading grade {g:.1f} is above {limit:g} — use shorter sentences and everyday words"
        " (the table after the test run shows every page)"
        for page, (g, _) in sorted(grades.items())
        if g > limit
    ]


def test_real_articles_are_easy_to_read(
    site: Path, pages: list[Source], settings: dict, offline_textstat: list
) -> None:
    found = grades(site, pages)
    assert len(found) >= 10
    by_label = {src.label: src for src in pages}
    worst = {label: paragraphs.hardest(by_label[label], settings) for label in found}
    table = readability.grade_table(found, settings["reading_grade_max"], settings["reading_grade_median"], worst)
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
    # The boxes the theme adds after an article are not its prose, also on a page without a Sources
    # list (the glossary); bad example: with its footer not marked as such, they would be counted.
    firsts = [shared_content["disclaimers"][box]["text"].split(". ")[0] for box in ("medical", "help")]
    glossary = (site / "glossary/index.html").read_text(encoding="utf-8")
    for body in (text, readability.body_text(glossary)):
        assert [f for f in firsts if f in " ".join(body.split())] == []
    unmarked = " ".join(readability.body_text(glossary.replace("ipt-article-footer", "unmarked-footer")).split())
    assert [f for f in firsts if f in unmarked] == firsts
    for absent in (
        "Sources",
        "doi:",
        "Key points",
        "Last reviewed",
        shared_content["finder"]["heading"],
        "What is interpersonal psychotherapy?",
        "¶",
    ):
        assert absent not in text, absent
    assert not re.search(r"\[\d+\]", text), "citation numbers are not words"


def test_no_download_even_for_words_outside_the_dictionary(offline_textstat: list) -> None:
    """Syllables come from the bundled dictionary; unknown words fall back to hyphenation, never a download."""
    import nltk

    assert readability.grade("The cat sat on the mat. Zyxwvut blorfed.") < 3
    assert offline_textstat == []
    assert Path(nltk.data.find("corpora/cmudict")) == offline_textstat.cache / "corpora/cmudict"


# Four sentences of about 40 words each: the kind of paragraph a long, easy page averages away.
DENSE = [
    "Notwithstanding considerable methodological heterogeneity across the published literature, contemporary meta-analytic"
    " investigations consistently demonstrate that interpersonal psychotherapy substantially ameliorates depressive"
    " symptomatology, particularly among individuals experiencing interpersonal difficulties, complicated bereavement,"
    " or psychosocial transitions necessitating considerable adaptation and reorganisation of established social roles.",
    "Furthermore, the therapeutic conceptualisation underlying this intervention presupposes that depressive episodes"
    " characteristically emerge within an interpersonal context, such that systematic identification of precipitating"
    " relational disruptions constitutes an indispensable prerequisite for formulating an individualised treatment"
    " strategy that addresses the patient's presenting difficulties comprehensively.",
    "Consequently, practitioners administering interpersonal psychotherapy are expected to establish collaboratively"
    " negotiated therapeutic objectives during the initial assessment sessions, whereupon subsequent intermediate sessions"
    " concentrate predominantly upon the designated problem area while continuously monitoring symptomatic fluctuations"
    " using standardised psychometric instrumentation administered at regular intervals.",
    "Nevertheless, generalisability of these encouraging findings remains constrained by the systematic exclusion of"
    " individuals presenting with elevated suicidality, comorbid substance misuse, psychotic phenomena or substantial"
    " cognitive impairment from the majority of randomised controlled investigations conducted across diverse"
    " healthcare settings and international jurisdictions throughout recent decades.",
]


def test_every_sentence_and_paragraph_is_easy_to_read(
    pages: list[Source], settings: dict, offline_textstat: list
) -> None:
    found = [p for src in pages for p in paragraphs.problems(src, settings)]
    assert sum(len(paragraphs.paragraphs(src)) for src in pages) > 200, "the pages' paragraphs were not found"
    assert offline_textstat == []
    fail_on(
        found,
        f"sentences over {settings['sentence_words_max']} words or paragraphs above grade"
        f" {settings['paragraph_grade_max']:g}",
    )


def test_a_dense_paragraph_in_an_easy_page_fails_with_its_line_and_sentences(
    project: Project, settings: dict, offline_textstat: list
) -> None:
    before = next(s for s in sources(project.path) if s.uri == "online-ipt.md")
    assert paragraphs.problems(before, settings) == [], "the page must pass before the dense paragraph is added"
    text = before.text
    anchor = text.index("\n## ")  # just before the first section: after the Key points box and the introduction
    line = text.count("\n", 0, anchor) + 3  # the anchor's line, a blank line, then the new paragraph
    project.write("docs/online-ipt.md", text[:anchor] + "\n\n" + " ".join(DENSE) + "\n" + text[anchor:])
    src = next(s for s in sources(project.path) if s.uri == "online-ipt.md")
    found = paragraphs.problems(src, settings)
    words = [paragraphs.word_count(s) for s in DENSE]
    assert all(n > settings["sentence_words_max"] for n in words) and sum(words) > 140
    grade = next(p for p in paragraphs.paragraphs(src) if p.line == line).grade()
    assert grade > settings["paragraph_grade_max"]
    assert found == [
        *(
            f"docs/online-ipt.md:{line}: sentence has {n} words (limit {settings['sentence_words_max']}) — split it"
            f' into shorter ones: "{" ".join(s.split()[:20])} …"'
            for s, n in zip(DENSE, words, strict=True)
        ),
        f"docs/online-ipt.md:{line}: paragraph reading grade {grade:.1f} is above {settings['paragraph_grade_max']:g} —"
        ' use shorter sentences and everyday words: "Notwithstanding considerable methodological heterogeneity across'
        ' the published literature, contemporary meta-analytic investigations consistently …"',
    ]
    # Averaged over the whole page, the text is still easy enough: the gap the paragraph limit closes.
    body = readability.grade(" ".join(p.text for p in paragraphs.paragraphs(src)))
    assert body <= settings["reading_grade_max"]
    assert offline_textstat == []


def test_a_long_sentence_is_reported_at_the_line_it_starts_on(
    tmp_path: Path, settings: dict, offline_textstat: list
) -> None:
    long_sentence = "This " + " ".join(["word"] * 19) + "\n" + " ".join(["more"] * 17) + "."
    text = f"---\ntitle: T\n---\n\n# T\n\nA short one. {long_sentence} Then a short one.\n"
    src = Source(path=tmp_path / "t.md", label="docs/t.md", uri="t.md", text=text)
    assert paragraphs.problems(src, settings) == [
        f"docs/t.md:7: sentence has 37 words (limit {settings['sentence_words_max']}) — split it into shorter ones:"
        f' "This {" ".join(["word"] * 19)} …"'
    ]


def test_tables_code_headings_html_and_macros_are_not_prose(tmp_path: Path, settings: dict) -> None:
    long = " ".join(["interdisciplinary"] * 35)
    text = "\n".join(
        [
            "---",
            f"title: {long}",
            "---",
            "",
            f"# {long}",
            "",
            f"| {long} | x |",
            "|---|---|",
            f"| {long} | y |",
            "",
            "```",
            long,
            "```",
            "",
            f"<svg><title>{long}</title></svg>",
            "",
            '{{ cite("a") }}',
            "",
            f'!!! note "{long}"',
            "",
            f"    Kept {{{{ cite({long!r}) }}}} short. See [the page]({'x' * 200}.md).",
            "",
        ]
    )
    src = Source(path=tmp_path / "t.md", label="docs/t.md", uri="t.md", text=text)
    assert [p.text for p in paragraphs.paragraphs(src)] == ["Kept short. See the page."]
    assert paragraphs.problems(src, settings) == []


def test_the_table_shows_each_page_s_hardest_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readability, "LAST_TABLE", readability.LAST_TABLE)  # keep the real pages' table for the summary
    table = readability.grade_table(
        {"docs/a.md": (6.0, 500), "docs/b.md": (7.0, 400)}, 8, 7, {"docs/a.md": (9.4, 42), "docs/b.md": None}
    )
    assert table.splitlines()[0].endswith("hardest paragraph")
    assert table.splitlines()[1] == "docs/a.md     6.0    500    9.4 (line 42)"
    assert table.splitlines()[2].endswith("-")
