"""Sources: which bibliography entries pages cite, and how many sources each built article lists."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from support.site_pages import Source, built, sources_list

from .report import where

BIBLIOGRAPHY = "macros/data/bibliography.yml"
CITE = re.compile(r"\bcite\(([^)]*)\)")
KEY = re.compile(r"""["']([^"']+)["']""")


def cited_keys(src: Source) -> set[str]:
    return {key for args in CITE.findall(src.text) for key in KEY.findall(args)}


def unused_sources(root: Path, pages: list[Source]) -> list[str]:
    """Bibliography entries no page cites, as 'macros/data/bibliography.yml:LINE: …' lines."""
    text = (root / BIBLIOGRAPHY).read_text(encoding="utf-8")
    used = set().union(*(cited_keys(p) for p in pages))
    out = []
    for key in yaml.safe_load(text):
        if key not in used:
            line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith(f"{key}:"))
            out.append(f"{BIBLIOGRAPHY}:{line}: source '{key}' is not cited on any page"
                       f' — cite it with {{{{ cite("{key}") }}}} or remove it')
    return out


def too_few_sources(site: Path, pages: list[Source], settings: dict) -> list[str]:
    """Articles that list fewer distinct sources than they must (counted in the built Sources list)."""
    out = []
    for src in pages:
        if not src.is_article or src.uri in settings["sources_not_required"]:
            continue
        evidence = src.uri in settings["evidence_pages"]
        need = settings["min_sources"]["evidence" if evidence else "article"]
        have = len(sources_list(built(site, src.uri)))
        if have < need:
            kind = "an evidence page" if evidence else "an article"
            out.append(f"{where(src.label, None)}: lists {have} source{'s' * (have != 1)}; {kind} needs at least {need}"
                       ' — back its claims with {{ cite("key") }} (sources are in macros/data/bibliography.yml)')
    return out
