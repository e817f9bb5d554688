"""Sources: which bibliography entries pages cite, and how many sources each built article lists."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.data_files import parse_yaml
from macros.render import format_reference
from macros.schema import Reference
from support.site_pages import Source, seen_built, sources_list

from .report import where

BIBLIOGRAPHY = "macros/data/bibliography.yml"
CITE = re.compile(r"\bcite\(([^)]*)\)")
KEY = re.compile(r"""["']([^"']+)["']""")


def cited_keys(src: Source) -> set[str]:
    return {key for args in CITE.findall(src.text) for key in KEY.findall(args)}


def unused_keys(root: Path, pages: list[Source]) -> list[str]:
    """Bibliography keys no page cites, in the file's order."""
    used = set().union(*(cited_keys(p) for p in pages))
    return [key for key in parse_yaml((root / BIBLIOGRAPHY).read_text(encoding="utf-8")) if key not in used]


def unused_sources(root: Path, pages: list[Source]) -> list[str]:
    """Bibliography entries no page cites, as 'macros/data/bibliography.yml:LINE: …' lines."""
    lines = (root / BIBLIOGRAPHY).read_text(encoding="utf-8").splitlines()
    out = []
    for key in unused_keys(root, pages):
        line = next(n for n, l in enumerate(lines, 1) if l.startswith(f"{key}:"))
        out.append(
            f"{BIBLIOGRAPHY}:{line}: source '{key}' is not cited on any page"
            f' — cite it with {{{{ cite("{key}") }}}} or remove it'
        )
    return out


def listed_anyway(site: Path, pages: list[Source], keys: list[str], bibliography: dict[str, Reference]) -> list[str]:
    """Sources called unused that a built page lists all the same: the cite() reading above missed them.

    Unused sources are only a warning for editors; this keeps the warning true, against the built pages.
    """
    listed = {src.label: set(sources_list(seen_built(site, src.uri))) for src in pages}
    out = []
    for key in keys:
        text = " ".join(BeautifulSoup(format_reference(bibliography[key]), "html.parser").get_text(" ").split())
        out += [
            f"{BIBLIOGRAPHY}: source '{key}' is called unused, but {label} lists it — the unused-source check"
            " (tests/quality/citations.py) misread how that page cites it"
            for label, found in listed.items()
            if text in found
        ]
    return out


def too_few_sources(site: Path, pages: list[Source], settings: dict) -> list[str]:
    """Articles that list fewer distinct sources than they must (counted in the built Sources list)."""
    out = []
    for src in pages:
        if not src.is_article or src.uri in settings["sources_not_required"]:
            continue
        evidence = src.uri in settings["evidence_pages"]
        need = settings["min_sources"]["evidence" if evidence else "article"]
        have = len(sources_list(seen_built(site, src.uri)))
        if have < need:
            kind = "an evidence page" if evidence else "an article"
            out.append(
                f"{where(src.label, None)}: lists {have} source{'s' * (have != 1)}; {kind} needs at least {need}"
                ' — back its claims with {{ cite("key") }} (sources are in macros/data/bibliography.yml)'
            )
    return out
