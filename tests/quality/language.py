"""Spelling (codespell) and discouraged mental-health phrases, in docs/ and the reader-facing data files."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from codespell_lib import main as codespell

from conftest import ROOT
from macros.data_files import parse_yaml

from .editorial import DISCOURAGED_PHRASES, SPELLING_WORDS

WORD_LIST = ROOT / SPELLING_WORDS
PHRASES = ROOT / DISCOURAGED_PHRASES
# Reader-facing text outside docs/. Not bibliography.yml: paper titles are quoted as published.
DATA_TEXTS = ("macros/data/shared-content.yml", "macros/data/glossary.yml")
CODESPELL_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")


def text_files(root: Path) -> list[Path]:
    """Every Markdown file in docs/ (the templates too: editors copy them) and the data texts."""
    data = [root / d for d in DATA_TEXTS if (root / d).is_file()]
    return sorted((root / "docs").rglob("*.md")) + data


def spelling_problems(root: Path, word_list: Path = WORD_LIST) -> list[str]:
    """codespell's findings as editor lines. Its default dictionaries accept UK spelling."""
    files = [str(f) for f in text_files(root)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        # clear,rare: common misspellings only. Not en-GB_to_en-US, which would flag UK spelling.
        codespell("--builtin", "clear,rare", "--ignore-words", str(word_list), *files)
    problems = []
    for line in out.getvalue().splitlines():
        m = CODESPELL_LINE.match(line)
        if not m:
            continue
        file = Path(m["file"]).relative_to(root).as_posix()
        fix = " or ".join(f"'{w.strip()}'" for w in m["fix"].split("|")[0].split(","))
        problems.append(
            f"{file}:{m['line']}: '{m['word']}' looks misspelt — write {fix};"
            f" if the word is right, add it to {SPELLING_WORDS}"
        )
    return problems


@dataclass(frozen=True)
class Phrase:
    avoid: str
    say: str
    pattern: re.Pattern[str]


def load_phrases(path: Path = PHRASES) -> list[Phrase]:
    out = []
    for entry in parse_yaml(path.read_text(encoding="utf-8")):
        for phrase in entry["avoid"]:
            words = r"\s+".join(map(re.escape, phrase.split()))  # a phrase may wrap onto the next line
            # Hyphens count as part of a word, so "psycho" does not match "psycho-education".
            pattern = re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)
            out.append(Phrase(phrase, entry["say"], pattern))
    # Longest first, so "the mentally ill" is reported instead of "mentally ill" inside it.
    return sorted(out, key=lambda p: -len(p.avoid))


def phrase_problems(root: Path, phrases: list[Phrase] | None = None) -> list[str]:
    phrases = phrases if phrases is not None else load_phrases()
    problems = []
    for file in text_files(root):
        text = file.read_text(encoding="utf-8")
        taken: list[range] = []
        for p in phrases:
            for m in p.pattern.finditer(text):
                if any(m.start() in r for r in taken):
                    continue
                taken.append(range(m.start(), m.end()))
                line = text.count("\n", 0, m.start()) + 1
                found = " ".join(m.group().split())
                problems.append((file.relative_to(root).as_posix(), line, f'avoid "{found}" — write {p.say} instead'))
    return [f"{f}:{n}: {msg}" for f, n, msg in sorted(problems)]  # by file, then line number
