"""6. Spelling (codespell, UK spelling) and discouraged mental-health phrases."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from .language import load_phrases, phrase_problems, spelling_problems
from .report import fail_on

BAD = """---
title: A page
---

He did not recieve the letter. Behaviour and organise are UK spellings.
Her brother committed
suicide last year. She suffers from low mood.
Services for the Mentally Ill, and a person who is mentally ill.
That was CRAZY. Psycho-education and psychotherapy are fine words.
"""


def test_real_content_is_spelt_right() -> None:
    fail_on(spelling_problems(ROOT), "spelling")


def test_real_content_avoids_discouraged_phrases() -> None:
    fail_on(phrase_problems(ROOT), "discouraged phrases")


def test_misspelling_and_discouraged_phrases_are_reported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text(BAD, encoding="utf-8")
    assert spelling_problems(tmp_path) == [
        "docs/page.md:5: 'recieve' looks misspelt — write 'receive'; if the word is right, add it to macros/data/editorial/spelling-words.txt"
    ]
    assert phrase_problems(tmp_path) == [
        'docs/page.md:6: avoid "committed suicide" — write died by suicide / took their own life (suicide is not a crime) instead',
        'docs/page.md:7: avoid "suffers from" — write has / lives with / experiences instead',
        'docs/page.md:8: avoid "mentally ill" — write has a mental health problem / people with mental health problems instead',
        'docs/page.md:8: avoid "the Mentally Ill" — write people with mental health problems instead',
        'docs/page.md:9: avoid "CRAZY" — write a plain word for what you mean (for example "very hard", "unusual", "unwell") instead',
    ]


def test_word_list_silences_a_real_word(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text("We met Dr Recieve.\n", encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("# no words yet\n", encoding="utf-8")
    assert len(spelling_problems(tmp_path, words)) == 1, "the name is flagged until it is on the list"
    words.write_text("recieve\n", encoding="utf-8")
    assert spelling_problems(tmp_path, words) == []


def test_every_required_phrase_is_listed() -> None:
    listed = {p.avoid for p in load_phrases()}
    required = {
        "committed suicide",
        "suffers from",
        "suffering from",
        "a depressive",
        "mentally ill",
        "the mentally ill",
        "crazy",
        "psycho",
        "schizo",
        "lunatic",
        "suicide victim",
        "successful suicide",
        "failed suicide",
    }
    assert required <= listed, required - listed
