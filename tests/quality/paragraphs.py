"""Reading level paragraph by paragraph, from the Markdown source, so a problem points to its line.

The article grade (readability.py) is an average: one dense paragraph in a long, easy page passes it.
Readers meet paragraphs, not averages, so each sentence and each paragraph gets its own limit here.
Work is done on the source, not the built HTML, because editors fix the source and need its line.

What counts as prose: paragraphs, list items and the text inside boxes (`!!!` admonitions).
What does not, and why:
- front matter, headings, tables, code, HTML blocks (<svg>, <div>, comments): not sentences a reader
  reads one after another (tables and figures are checked by eye; headings are fragments);
- macros such as {{ cite("key") }}: they become citation numbers or shared texts checked elsewhere;
- link addresses: only the link text is read.
A paragraph shorter than `paragraph_min_words` (settings.yml) only gets the sentence limit: the grade
formula is unreliable on a few words (one long medical word can push a 10-word line to grade 14),
while a long sentence is long at any paragraph size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from support.site_pages import FRONT_MATTER, Source

from . import readability

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTR_LIST = re.compile(r"\{:?\s*[.#][^}]*\}")
TAG = re.compile(r"<[^>]+>")
ICON = re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:")  # Material icon shortcodes such as :material-arrow-right:
EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) before a capital,
# a digit or an opening quote. "e.g." and "i.e." are followed by a small letter, so never end one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")


@dataclass
class Paragraph:
    line: int  # line in the Markdown file where it starts (1-based)
    pieces: list[tuple[int, str]]  # (line, cleaned text) for each source line

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.pieces if t)

    def sentences(self) -> list[tuple[int, str]]:
        """Each sentence with the source line it starts on."""
        out: list[tuple[int, str]] = []
        for line, piece in self.pieces:
            if not piece:
                continue
            parts = SENTENCE_END.split(piece)
            if out and not re.search(r"[.!?][\"'”’)]*$", out[-1][1]):
                # the sentence carried on from the line above
                out[-1] = (out[-1][0], out[-1][1] + " " + parts.pop(0))
            out += [(line, p) for p in parts if p]
        return out

    def grade(self) -> float:
        text = " ".join(s if re.search(r"[.!?][\"'”’)]*$", s) else s + "." for _, s in self.sentences())
        return readability.grade(text)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def clean(line: str) -> str:
    """The words a reader sees on one source line."""
    line = MACRO.sub("", line)
    line = LINK.sub(r"\1", line)
    line = ATTR_LIST.sub("", line)
    line = TAG.sub("", line)
    line = ICON.sub("", line)
    line = EMPHASIS.sub("", line)
    return " ".join(line.split())


def paragraphs(src: Source) -> list[Paragraph]:
    """The prose blocks of a page: paragraphs, each list item, and paragraphs inside boxes."""
    lines = src.text.split("\n")
    start = 0
    match = FRONT_MATTER.match(src.text)
    if match:
        start = src.text.count("\n", 0, match.end())
    out: list[Paragraph] = []
    current: Paragraph | None = None
    fence = False
    in_html = False
    in_macro = False

    def close() -> None:
        nonlocal current
        if current is not None and current.text:
            out.append(current)
        current = None

    for number, raw in enumerate(lines[start:], start=start + 1):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
            close()
            continue
        if fence:
            continue
        if in_macro:  # a {{ … }} or {% … %} spread over several lines
            in_macro = not ("}}" in stripped or "%}" in stripped)
            continue
        if in_html:
            in_html = bool(stripped)  # an HTML block runs to the next blank line
            continue
        if not stripped:
            close()
            continue
        if re.match(r"^(\{\{|\{%)", stripped) and not re.search(r"(\}\}|%\})\s*$", stripped):
            in_macro = True
            close()
            continue
        if stripped.startswith("<"):
            in_html = True
            close()
            continue
        if stripped.startswith(("#", "|", "!!!", "???", "*[", "---")) or re.match(
            r"^(\{\{|\{%).*(\}\}|%\})$", stripped
        ):
            close()  # headings, tables, box titles, abbreviations, rules, whole-line macros
            continue
        item = LIST_MARKER.match(stripped)
        if item:
            close()
            stripped = stripped[item.end() :]
        text = clean(stripped)
        if current is None:
            current = Paragraph(number, [])
        current.pieces.append((number, text))
    close()
    return out


def start_of(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def problems(src: Source, settings: dict) -> list[str]:
    """One line per sentence that is too long and per paragraph that is too hard."""
    max_words = settings["sentence_words_max"]
    max_grade = settings["paragraph_grade_max"]
    min_words = settings["paragraph_min_words"]
    out = []
    for para in paragraphs(src):
        for line, sentence in para.sentences():
            n = word_count(sentence)
            if n > max_words:
                out.append(
                    f"{src.label}:{line}: sentence has {n} words (limit {max_words}) — split it into"
                    f' shorter ones: "{start_of(sentence, 20)}"'
                )
        if word_count(para.text) >= min_words:
            g = para.grade()
            if g > max_grade:
                out.append(
                    f"{src.label}:{para.line}: paragraph reading grade {g:.1f} is above {max_grade:g} —"
                    f' use shorter sentences and everyday words: "{start_of(para.text)}"'
                )
    return out


def hardest(src: Source, settings: dict) -> tuple[float, int] | None:
    """The grade and line of the page's hardest paragraph that is long enough to grade."""
    graded = [(p.grade(), p.line) for p in paragraphs(src) if word_count(p.text) >= settings["paragraph_min_words"]]
    return max(graded) if graded else None
