"""Safety wording: per-page rules from safety-wording.yml (words a page must say, or must not).

The rules live in a data file so that editors can read, change and add them without Python. The
rules and the file itself are checked: a rule with a missing or unknown key, or naming a page that
does not exist, is one problem line, like any page that breaks a rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from support.site_pages import Source

RULES = Path(__file__).with_name("safety-wording.yml")
LABEL = "tests/quality/safety-wording.yml"
KEYS = {"pages", "avoid", "need", "when", "why"}


@dataclass(frozen=True)
class Rule:
    pages: tuple[str, ...]
    kind: str            # 'avoid' or 'need'
    words: str
    why: str
    when: str | None = None


def pattern(words: str) -> re.Pattern[str]:
    """The words, any capitals, and any spaces or line breaks between them (a sentence may wrap)."""
    return re.compile(r"\s+".join(map(re.escape, words.split())), re.IGNORECASE)


def rule_problems(entry: object, n: int, known_pages: set[str]) -> list[str]:
    """What is wrong with rule number `n` (1-based) of the file, as lines for editors."""
    at = f"{LABEL}: rule {n}"
    if not isinstance(entry, dict):
        return [f"{at}: is not a rule — start it with '- pages:' like the rules above it"]
    problems = [f"{at}: {key}: unknown key — use pages, avoid or need, when, why" for key in entry if key not in KEYS]
    if ("avoid" in entry) == ("need" in entry):
        problems.append(f"{at}: give exactly one of avoid or need")
    if "when" in entry and "need" not in entry:
        problems.append(f"{at}: when: goes only with need — remove it or use need")
    for key in ("why", "avoid", "need", "when"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            problems.append(f"{at}: {key}: must be some words in quotes")
    if "why" not in entry:
        problems.append(f"{at}: why: this key is missing — say what goes wrong without the rule, and what to write")
    pages = entry.get("pages")
    if not (isinstance(pages, list) and pages and all(isinstance(p, str) for p in pages)):
        problems.append(f"{at}: pages: must be a list of files in docs/, like [self-help.md]")
    else:
        problems += [f"{at}: pages: docs/{p} does not exist — check the file name" for p in pages if p not in known_pages]
    return problems


def load_rules(text: str, known_pages: set[str]) -> tuple[list[Rule], list[str]]:
    """The rules in `text` (the YAML file), and the problems that stop some of them from being used."""
    try:
        entries = yaml.safe_load(text) or []
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 0
        return [], [f"{LABEL}:{line}: this is not valid YAML ({err.problem}) — check indentation, colons and quotes"]
    if not isinstance(entries, list):
        return [], [f"{LABEL}: must be a list of rules, each starting with '- pages:'"]
    rules, problems = [], []
    for n, entry in enumerate(entries, start=1):
        wrong = rule_problems(entry, n, known_pages)
        problems += wrong
        if not wrong:
            kind = "avoid" if "avoid" in entry else "need"
            rules.append(Rule(tuple(entry["pages"]), kind, entry[kind], entry["why"], entry.get("when")))
    return rules, problems


def page_problems(src: Source, rule: Rule) -> list[str]:
    """Where one page breaks one rule, as lines for editors (none if it keeps it)."""
    if src.uri not in rule.pages:
        return []
    if rule.when and not pattern(rule.when).search(src.text):
        return []
    found = pattern(rule.words).search(src.text)
    if rule.kind == "avoid" and found:
        line = src.text.count("\n", 0, found.start()) + 1
        return [f"{src.label}:{line}: says \"{' '.join(found.group().split())}\" — {rule.why}"]
    if rule.kind == "need" and not found:
        because = f" but says \"{rule.when}\"" if rule.when else ""
        return [f"{src.label}: does not say \"{rule.words}\"{because} — {rule.why}"]
    return []


def safety_wording_problems(pages: list[Source], text: str | None = None) -> list[str]:
    """Every problem with the rules file, then every page that breaks a rule."""
    rules, problems = load_rules(RULES.read_text(encoding="utf-8") if text is None else text, {s.uri for s in pages})
    return problems + [p for rule in rules for src in pages for p in page_problems(src, rule)]
