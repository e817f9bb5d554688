"""Safety wording for teenagers, people being abused and people in crisis (rules in safety-wording.yml)."""
from __future__ import annotations

from pathlib import Path

import pytest
from support.site_pages import Source, read_source

from .report import fail_on
from .safety_wording import LABEL, safety_wording_problems

RULES = """
- pages: [teen.md]
  avoid: "Mostly, yes"
  why: write "Mostly, no"
- pages: [teen.md]
  need: "get-help-now.md#abuse"
  why: link the abuse help
- pages: [help.md]
  when: "argument"
  need: "get-help-now.md#abuse"
  why: abuse is not an argument
"""

PAGE = "---\ntitle: T\n---\n\n# T\n\n{body}\n"


def docs(tmp_path: Path, bodies: dict[str, str]) -> list[Source]:
    (tmp_path / "docs").mkdir()
    for name, body in bodies.items():
        (tmp_path / "docs" / name).write_text(PAGE.format(body=body), encoding="utf-8")
    return [read_source(tmp_path, tmp_path / "docs" / name) for name in bodies]


def test_real_pages_keep_the_safety_wording(pages: list[Source]) -> None:
    fail_on(safety_wording_problems(pages), "pages that lost safety wording (rules in tests/quality/safety-wording.yml)")


def test_pages_that_break_the_rules_are_reported(tmp_path: Path) -> None:
    pages = docs(tmp_path, {
        "teen.md": "## Will the therapist tell my parents?\n\nMostly,\nyes. Doctors keep it private.",
        "help.md": "Think of a recent argument.",
    })
    assert safety_wording_problems(pages, RULES) == [
        'docs/teen.md:9: says "Mostly, yes" — write "Mostly, no"',
        'docs/teen.md: does not say "get-help-now.md#abuse" — link the abuse help',
        'docs/help.md: does not say "get-help-now.md#abuse" but says "argument" — abuse is not an argument',
    ]


def test_pages_that_keep_the_rules_pass(tmp_path: Path) -> None:
    pages = docs(tmp_path, {
        "teen.md": "Mostly, no. If home is not safe, see [abuse help](get-help-now.md#abuse).",
        "help.md": "Map your people.",  # no argument here, so the link is not needed
    })
    assert safety_wording_problems(pages, RULES) == []


@pytest.mark.parametrize(("rules", "problem"), [
    ("- pages: [teen.md]\n  avoid: x\n  why: y\n  sya: z\n",
     f"{LABEL}: rule 1: sya: unknown key — use pages, avoid or need, when, why"),
    ("- pages: [teen.md]\n  avoid: x\n  need: y\n  why: z\n", f"{LABEL}: rule 1: give exactly one of avoid or need"),
    ("- pages: [teen.md]\n  avoid: x\n",
     f"{LABEL}: rule 1: why: this key is missing — say what goes wrong without the rule, and what to write"),
    ("- pages: [teen.md]\n  when: x\n  avoid: y\n  why: z\n", f"{LABEL}: rule 1: when: goes only with need — remove it or use need"),
    ("- pages: [tean.md]\n  avoid: x\n  why: y\n", f"{LABEL}: rule 1: pages: docs/tean.md does not exist — check the file name"),
    ("- pages: teen.md\n  avoid: x\n  why: y\n", f"{LABEL}: rule 1: pages: must be a list of files in docs/, like [self-help.md]"),
    ("- pages: [teen.md]\n  avoid: ''\n  why: y\n", f"{LABEL}: rule 1: avoid: must be some words in quotes"),
    ("- pages: [teen.md]\n  avoid: [x\n", f"{LABEL}:3: this is not valid YAML (expected ',' or ']', but got '<stream end>') — check indentation, colons and quotes"),
])
def test_a_bad_rule_is_one_clear_line(tmp_path: Path, rules: str, problem: str) -> None:
    pages = docs(tmp_path, {"teen.md": "Mostly, yes."})
    assert safety_wording_problems(pages, rules) == [problem]
