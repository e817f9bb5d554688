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
        problems.append(f"{where(src.label, line)}: {what} — put `!!! abstract \"Key points\"` with 3 to 5"
                        " short bullet points right after the title (see docs/templates/article.md)")
    return problems
