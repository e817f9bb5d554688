"""Page rules: words a page must say, or must not say (macros/data/editorial/page-rules.yml).

One file and one checker for every such rule: the safety wording that protects a reader at risk, and
the claims that were corrected against their sources. The rules live in a data file so editors can
read, change and add them without Python. The file is checked too: a rule with a missing, unknown or
wrong key, or naming a page that does not exist, is one line naming the file, its line, the rule
and the fix, like any page that breaks a rule. A broken rule is never used, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from macros.data_files import parse_yaml
from support.site_pages import Source

from .editorial import PAGE_RULES

KEYS = ("pages", "avoid", "need", "when", "why", "say")


@dataclass(frozen=True)
class Rule:
    pages: tuple[str, ...]
    avoid: bool  # True: the pages must not say any of `words`; False: each page says every one
    words: tuple[str, ...]
    why: str
    when: str | None = None  # the rule applies only to a page that says this
    say: str | None = None  # what to write instead (avoid only)


def pattern(words: str) -> re.Pattern[str]:
    """The words, any capitals, and any spaces or line breaks between them (a sentence may wrap)."""
    return re.compile(r"\s+".join(map(re.escape, words.split())), re.IGNORECASE)


def _phrases(value: object) -> tuple[str, ...] | None:
    """One phrase or a list of phrases, each some words; None if it is anything else."""
    phrases = [value] if isinstance(value, str) else value
    if isinstance(phrases, list) and phrases and all(isinstance(p, str) and p.strip() for p in phrases):
        return tuple(phrases)
    return None


def entry_problems(entry: object, known_pages: set[str]) -> list[str]:
    """What is wrong with one entry of the file, each as the fix an editor makes (none if it is a rule)."""
    if not isinstance(entry, dict):
        return ["is not a rule — start it with '- pages:' like the rules above it"]
    problems = [f"{key}: unknown key — use pages, avoid or need, when, why, say" for key in entry if key not in KEYS]
    if ("avoid" in entry) == ("need" in entry):
        problems.append("give exactly one of avoid or need")
    for key in ("avoid", "need"):
        if key in entry and _phrases(entry[key]) is None:
            problems.append(f'{key}: must be some words in quotes, or a list of them like ["one", "another"]')
    for key in ("why", "when", "say"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            problems.append(f"{key}: must be some words")
    if "why" not in entry:
        problems.append("why: this key is missing — say what goes wrong without the rule, or what the source says")
    if "say" in entry and "avoid" not in entry:
        problems.append(
            "say: goes only with avoid — with need, the words to write are the need words; give the reason in why"
        )
    pages = entry.get("pages")
    if not (isinstance(pages, list) and pages and all(isinstance(p, str) for p in pages)):
        problems.append("pages: must be a list of files in docs/, like [self-help.md]")
    else:
        problems += [f"pages: docs/{p} does not exist — check the file name" for p in pages if p not in known_pages]
    return problems


def load_rules(text: str, known_pages: set[str], label: str = PAGE_RULES) -> tuple[list[Rule], list[str]]:
    """The rules in `text` (the YAML file), and one line for each rule that is written wrongly (and left out)."""
    try:
        tree = yaml.compose(text)
        entries = parse_yaml(text)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 0
        return [], [f"{label}:{line}: this is not valid YAML ({err.problem}) — check indentation, colons and quotes"]
    if not isinstance(entries, list):
        return [], [f"{label}: must be a list of rules, each starting with '- pages:'"]
    rules, problems = [], []
    for n, (entry, node) in enumerate(zip(entries, tree.value, strict=True), start=1):
        wrong = entry_problems(entry, known_pages)
        if wrong:  # one line per rule: the first problem (a misspelt key explains the ones after it)
            problems.append(f"{label}:{node.start_mark.line + 1}: rule {n}: {wrong[0]}")
        else:
            avoid = "avoid" in entry
            rules.append(
                Rule(
                    tuple(entry["pages"]),
                    avoid,
                    _phrases(entry["avoid" if avoid else "need"]),
                    entry["why"],
                    entry.get("when"),
                    entry.get("say"),
                )
            )
    return rules, problems


def page_problems(src: Source, rule: Rule) -> list[str]:
    """Where one page breaks one rule, as lines for editors (none if it keeps it)."""
    if src.uri not in rule.pages or (rule.when and not pattern(rule.when).search(src.text)):
        return []
    problems = []
    for words in rule.words:
        found = pattern(words).search(src.text)
        if rule.avoid and found:
            line = src.text.count("\n", 0, found.start()) + 1
            instead = f' — write "{rule.say}" instead' if rule.say else ""
            problems.append(f'{src.label}:{line}: says "{" ".join(found.group().split())}", but {rule.why}{instead}')
        elif not rule.avoid and not found:
            because = f' but says "{rule.when}"' if rule.when else ""
            problems.append(f'{src.label}: does not say "{words}"{because} — {rule.why}')
    return problems


def page_rule_problems(pages: list[Source], rules: list[Rule]) -> list[str]:
    return [p for rule in rules for src in pages for p in page_problems(src, rule)]
