"""Page rules (macros/data/editorial/page-rules.yml): safety wording and corrected claims stay as checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from support.site_pages import Source, read_source, sources

from .editorial import PAGE_RULES
from .page_rules import Rule, load_rules, page_rule_problems, pattern
from .report import fail_on

REAL_PAGES = sources(ROOT)
REAL_RULES, _ = load_rules((ROOT / PAGE_RULES).read_text(encoding="utf-8"), {s.uri for s in REAL_PAGES})

RULES = """
- pages: [teen.md]
  avoid: "Mostly, yes"
  why: teenagers must know what stays private
  say: Mostly, no
- pages: [teen.md, help.md]
  avoid: ["UK guidance", "NICE (UK)"]
  why: NICE guidance applies in England
- pages: [teen.md]
  need: get-help-now.md#abuse
  why: link the abuse help
- pages: [help.md]
  when: "argument"
  need: ["get-help-now.md#abuse", "not a disagreement"]
  why: abuse is not an argument
"""

PAGE = "---\ntitle: T\n---\n\n# T\n\n{body}\n"


def docs(tmp_path: Path, bodies: dict[str, str]) -> list[Source]:
    for name, body in bodies.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(PAGE.format(body=body), encoding="utf-8")
    return [read_source(tmp_path, tmp_path / "docs" / name) for name in bodies]


def problems(pages: list[Source], rules_text: str) -> list[str]:
    """What the check says: the problems of the rules file, then every page that breaks a rule."""
    rules, wrong = load_rules(rules_text, {s.uri for s in pages})
    return wrong + page_rule_problems(pages, rules)


def test_real_pages_keep_every_page_rule(pages: list[Source]) -> None:
    fail_on(
        problems(pages, (ROOT / PAGE_RULES).read_text(encoding="utf-8")),
        f"pages that break a rule of {PAGE_RULES} (safety wording, corrected claims)",
    )


def test_pages_that_break_the_rules_get_one_line_each(tmp_path: Path) -> None:
    pages = docs(
        tmp_path,
        {
            "teen.md": "## Will the therapist tell my parents?\n\nMostly,\nyes. UK guidance agrees.",
            "help.md": "Think of a recent argument. NICE (UK) says so.",
        },
    )
    assert problems(pages, RULES) == [
        'docs/teen.md:9: says "Mostly, yes", but teenagers must know what stays private — write "Mostly, no" instead',
        'docs/teen.md:10: says "UK guidance", but NICE guidance applies in England',
        'docs/help.md:7: says "NICE (UK)", but NICE guidance applies in England',
        'docs/teen.md: does not say "get-help-now.md#abuse" — link the abuse help',
        'docs/help.md: does not say "get-help-now.md#abuse" but says "argument" — abuse is not an argument',
        'docs/help.md: does not say "not a disagreement" but says "argument" — abuse is not an argument',
    ]


def test_pages_that_keep_the_rules_pass(tmp_path: Path) -> None:
    pages = docs(
        tmp_path,
        {
            "teen.md": "Mostly, no. If home is not safe, see [abuse help](get-help-now.md#abuse).",
            "help.md": "Map your people.",  # no argument here, so the link is not needed
        },
    )
    assert problems(pages, RULES) == []


def bad_copy(tmp_path: Path, rule: Rule) -> list[Source]:
    """The real pages of `rule`, broken: a phrase it forbids put back, or every phrase it needs taken out."""
    bodies = {}
    for page in rule.pages:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        if rule.avoid:
            text += f"\nA new line that says {rule.words[0]} again.\n"
        else:
            for words in rule.words:
                text = pattern(words).sub("(removed)", text)
        if rule.when and not pattern(rule.when).search(text):
            text += f"\nA line that says {rule.when}.\n"
        bodies[page] = text
    for page, text in bodies.items():
        (tmp_path / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / page).write_text(text, encoding="utf-8")
    return [read_source(tmp_path, tmp_path / "docs" / page) for page in bodies]


@pytest.mark.parametrize("rule", REAL_RULES, ids=lambda r: f"{r.pages[0]}: {r.words[0]}")
def test_every_real_rule_can_fail(tmp_path: Path, rule: Rule) -> None:
    """Bad example for each rule of the real file: every page it names is reported, with the rule's reason."""
    found = page_rule_problems(bad_copy(tmp_path, rule), [rule])
    expected = len(rule.pages) * (1 if rule.avoid else len(rule.words))
    assert len(found) == expected and all(rule.why in line for line in found), found
    assert {line.split(":")[0] for line in found} == {f"docs/{page}" for page in rule.pages}


def test_the_real_file_has_rules_of_both_kinds() -> None:
    """The parametrized test above runs on real rules: an empty or unreadable file must not make it vacuous."""
    assert {rule.avoid for rule in REAL_RULES} == {True, False}


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        (
            "- pages: [teen.md]\n  avoid: x\n  why: y\n  sya: z\n",
            "rule 1: sya: unknown key — use pages, avoid or need, when, why, say",
        ),
        (
            "- pages: [teen.md]\n  aviod: x\n  why: y\n",
            "rule 1: aviod: unknown key — use pages, avoid or need, when, why, say",
        ),
        ("- pages: [teen.md]\n  avoid: x\n  need: y\n  why: z\n", "rule 1: give exactly one of avoid or need"),
        ("- pages: [teen.md]\n  why: z\n", "rule 1: give exactly one of avoid or need"),
        (
            "- pages: [teen.md]\n  avoid: x\n",
            "rule 1: why: this key is missing — say what goes wrong without the rule, or what the source says",
        ),
        (
            "- pages: [teen.md]\n  need: x\n  why: y\n  say: z\n",
            "rule 1: say: goes only with avoid — with need, the words to write are the need words; give the reason in why",
        ),
        (
            "- pages: [tean.md]\n  avoid: x\n  why: y\n",
            "rule 1: pages: docs/tean.md does not exist — check the file name",
        ),
        (
            "- pages: teen.md\n  avoid: x\n  why: y\n",
            "rule 1: pages: must be a list of files in docs/, like [self-help.md]",
        ),
        (
            "- pages: [teen.md]\n  avoid: ''\n  why: y\n",
            'rule 1: avoid: must be some words in quotes, or a list of them like ["one", "another"]',
        ),
        (
            "- pages: [teen.md]\n  need: []\n  why: y\n",
            'rule 1: need: must be some words in quotes, or a list of them like ["one", "another"]',
        ),
        ("- pages: [teen.md]\n  avoid: x\n  why: y\n  when: 3\n", "rule 1: when: must be some words"),
        (
            "- pages: [teen.md]\n  avoid: x\n  why: y\n\n- just words\n",
            "rule 2: is not a rule — start it with '- pages:' like the rules above it",
        ),
    ],
)
def test_a_bad_rule_is_one_clear_line(tmp_path: Path, rules: str, problem: str) -> None:
    pages = docs(tmp_path, {"teen.md": "Mostly, yes."})
    line = rules.count("\n", 0, rules.rindex("- ")) + 1  # the line the faulty rule starts on
    assert problems(pages, rules) == [f"{PAGE_RULES}:{line}: {problem}"]


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        (
            "- pages: [teen.md]\n  avoid: [x\n",
            ":3: this is not valid YAML (expected ',' or ']', but got '<stream end>') — check indentation, colons and quotes",
        ),
        ("pages: [teen.md]\n", ": must be a list of rules, each starting with '- pages:'"),
        ("", ": must be a list of rules, each starting with '- pages:'"),
    ],
)
def test_a_broken_file_is_one_clear_line(tmp_path: Path, rules: str, problem: str) -> None:
    pages = docs(tmp_path, {"teen.md": "Mostly, yes."})
    assert problems(pages, rules) == [PAGE_RULES + problem]
