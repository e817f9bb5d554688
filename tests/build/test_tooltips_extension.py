"""Glossary tooltips on a term's first use in a page only (macros/tooltips.py)."""

from __future__ import annotations

import markdown
from markdown.extensions.abbr import AbbrExtension

from macros.tooltips import TooltipsExtension

GLOSSARY = {"IPT": "Interpersonal psychotherapy.", "CBT": "Cognitive behavioural therapy."}
TEXT = "IPT or CBT?\n\n- **IPT** helps.\n- IPT and CBT, then *IPT*.\n"  # IPT 4 times, CBT twice


def convert(text: str, first_use_only: bool = True) -> str:
    extensions = [AbbrExtension(glossary=GLOSSARY)]
    return markdown.markdown(text, extensions=extensions + ([TooltipsExtension()] if first_use_only else []))


def test_each_term_has_one_tooltip_at_its_first_use() -> None:
    html = convert(TEXT)
    assert html.count("<abbr") == 2
    assert html.startswith('<p><abbr title="Interpersonal psychotherapy.">IPT</abbr> or <abbr title="Cognitive')
    # Later uses stay, as plain words, with the text around them in place.
    assert "<li><strong>IPT</strong> helps.</li>\n<li>IPT and CBT, then <em>IPT</em>.</li>" in html


def test_without_it_every_use_has_one() -> None:
    """What the abbr extension does alone (so the test above sees the extension's work)."""
    assert convert(TEXT, first_use_only=False).count("<abbr") == 6
