"""Search finds the newer pages (teenagers, progress, getting IPT, self-help, the other therapies
compared) from readers' own words. Same check as test_search.py: each phrase, typed as a reader
types it, must list a page a reader would expect among the top 3 results.

The phrases are what parents, teenagers and adults ask, not words copied from the pages. When one
fails, the message names the pages that won instead, so an editor can adjust the page's words,
headings or `keywords`.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .conftest import FailingPages
from .test_search import ranking_problem, search

# (what a reader types, pages that rightly answer it: one must be in the top 3)
PHRASES: list[tuple[str, list[str]]] = [
    # IPT for teenagers
    ("my teenage son is depressed", ["ipt-for-teenagers/"]),
    ("will the therapist tell my parents", ["ipt-for-teenagers/"]),
    ("therapy for teens", ["ipt-for-teenagers/"]),
    # How soon will I feel better?
    ("how long until I feel better", ["how-soon-will-i-feel-better/"]),
    ("therapy is not working", ["how-soon-will-i-feel-better/", "what-to-expect/"]),
    ("I feel worse after therapy", ["how-soon-will-i-feel-better/"]),
    # Getting IPT where you live
    ("Medicare mental health plan", ["getting-ipt-where-you-live/"]),
    ("free counselling with a medical card", ["getting-ipt-where-you-live/"]),
    ("therapy in Scotland", ["getting-ipt-where-you-live/"]),
    ("certified IPT therapist", ["getting-ipt-where-you-live/", "finding-a-therapist/"]),
    # Compared with other talking therapies
    ("couples therapy", ["ipt-compared/"]),
    ("psychodynamic therapy", ["ipt-compared/"]),
    ("behavioural activation", ["ipt-compared/"]),
    # Self-help
    ("self-help books for depression", ["self-help/"]),
    ("books about depression", ["self-help/"]),
    ("an online course for depression", ["self-help/", "online-ipt/"]),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[p for p, _ in PHRASES])
def test_phrase_finds_the_new_page_a_reader_expects(
    window: Callable[..., Page], base_url: str, phrase: str, expected: list[str], failing_pages: FailingPages
) -> None:
    page = window("desktop")
    results = search(page, base_url, phrase)
    problem = ranking_problem(phrase, expected, results)
    if problem:
        failing_pages.add("", live=page)
    assert not problem, problem
