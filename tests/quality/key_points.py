"""Every article starts with a "Key points" box, before its first section heading."""

from __future__ import annotations

import re

from support.site_pages import Source

from .report import where

BOX = re.compile(r'^!!! abstract "Key points"\s*$', re.M)
FIRST_SECTION = re.compile(r"^## ", re.M)


def missing_key_points(pages: list[Source], settings: dict) -> list[str]:
    problems = []
    for src in pages:
        if not src.is_article or src.uri in settings["key_points_not_required"]:
            continue
        box, section = BOX.search(src.text), FIRST_SECTION.search(src.text)
        if box and (not section or box.start() < section.start()):
            continue
        line = src.line_of("## ") if box else None
        what = "the Key points box comes after the first section" if box else "no Key points box"
        problems.append(
            f'{where(src.label, line)}: {what} — put `!!! abstract "Key points"` with 3 to 5'
            " short bullet points right after the title (see docs/templates/article.md)"
        )
    return problems


# --- the figures in the Key points must be the page's own -----------------------------------
# A Key point is what a hurried reader takes away. If it says "7 in 10" and the body says "nearly 4 in
# 10", every other check can be green while the page contradicts itself. So each figure in the box
# (a number, "7 in 10", a percentage, a range such as "12 to 16") must also appear in the body.
# Figures are compared as numbers, so "seven in ten" matches "7 in 10" and "37.5%" matches
# "37.5 in 100". Words like "half" or "most" are not figures and are not checked.

WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORDS.update(thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90, hundred=100)
# A number: digits (1,400 / 37.5 / 1970s) or a number word. "One" is left out on its own: it is far
# more often a word ("find one", "more than one") than a figure; "one in four" still counts.
WORD = "|".join(sorted(set(WORDS) - {"zero", "one"}, key=len, reverse=True))
NUM = rf"(?:\d+(?:[.,]\d+)*(?:'?s\b)?|(?:{WORD})\b)"
FIGURE = re.compile(
    rf"(?<![\w.])(?:(?:{NUM}|one)\s+(?:in|out\s+of)\s+{NUM}"  # 7 in 10, one in four, 3 out of 4
    rf"|{NUM}(?:\s*(?:%|per\s?cent\b)|\s*(?:to|–|-)\s*{NUM})?)",  # 37.5%, 12 to 16, 12–16, 48
    re.I,
)
SINGLE = re.compile(rf"(?<![\w.])(?:{NUM}|one\b)", re.I)
# Not text readers see as figures: macros ({{ cite("smith2016") }}), link addresses, HTML comments.
HIDDEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\]\([^)]*\)|<!--.*?-->", re.S)


def _number(text: str) -> str:
    text = text.lower().replace(",", "")
    return str(WORDS[text]) if text in WORDS else text


def figure(text: str) -> str:
    """One figure, written the same way whatever the wording: '7 in 10', '37.5%', '12 to 16', '3'."""
    parts = [_number(n) for n in SINGLE.findall(text)]
    words = " ".join(text.lower().split())
    if len(parts) == 2 and re.search(r"\s(?:in|out of)\s", words):
        return f"{parts[0]}%" if parts[1] == "100" else f"{parts[0]} in {parts[1]}"
    if len(parts) == 2:
        return f"{parts[0]} to {parts[1]}"
    return f"{parts[0]}%" if "%" in words or "cent" in words else parts[0]


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())  # keep every offset, so line numbers stay right


def key_points_and_body(text: str) -> tuple[int, str, str] | None:
    """(offset of the box's first line, the box, the rest of the page), hidden parts blanked out."""
    box = BOX.search(text)
    if not box:
        return None
    end = re.compile(r"^(?! {4}|\t|\s*$)", re.M).search(text, box.end() + 1)
    stop = end.start() if end else len(text)
    visible = HIDDEN.sub(_blank, text)
    return box.end(), visible[box.end() : stop], visible[stop:]


def body_figures(body: str) -> set[str]:
    """Every figure the body gives, and each end of its ranges on its own ('12 to 16' also gives '12')."""
    found = {figure(m.group()) for m in FIGURE.finditer(body)}
    return found | {_number(n) for n in SINGLE.findall(body)}


def key_point_figures_not_in_body(pages: list[Source]) -> list[str]:
    problems = []
    for src in pages:
        parts = key_points_and_body(src.text)
        if not parts:
            continue
        start, box, body = parts
        known = body_figures(body)
        for m in FIGURE.finditer(box):
            if figure(m.group()) not in known:
                line = src.text.count("\n", 0, start + m.start()) + 1
                problems.append(
                    f'{where(src.label, line)}: Key point says "{" ".join(m.group().split())}", but the'
                    " page body never does — make the Key point and the body agree (fix whichever is wrong)"
                )
    return problems
