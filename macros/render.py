"""Pure functions that turn validated data into Markdown. No MkDocs state here, so each is unit-tested."""
from __future__ import annotations

import html
import re

from .schema import COUNTRY_NAMES, GlossaryEntry, Reference, SharedContent


class ContentError(Exception):
    """A mistake an editor made in a page. The message says what is wrong and how to fix it."""


# --- disclaimers -------------------------------------------------------------------------------

def disclaimer(shared: SharedContent, kind: str) -> str:
    kinds = type(shared.disclaimers).model_fields
    if kind not in kinds:
        raise ContentError(f"unknown disclaimer kind '{kind}' — use one of: {', '.join(kinds)}")
    item = getattr(shared.disclaimers, kind)
    style = {"crisis": "danger", "medical": "info", "independence": "success"}[kind]
    return f'!!! {style} "{_quote(item.title)}"\n\n    {item.text}\n'


# --- crisis lines ------------------------------------------------------------------------------

def crisis_lines(shared: SharedContent) -> str:
    """A jump list of countries, then one section per country, then the international directories."""
    jumps = [f"[{COUNTRY_NAMES[code]}](#crisis-{code.lower()})" for code in shared.crisis]
    out = ["**Go to your country:** " + " · ".join(jumps + ["[other countries](#crisis-other)"]) + "\n"]
    for code, country in shared.crisis.items():
        out.append(f"### {COUNTRY_NAMES[code]} {{ #crisis-{code.lower()} }}\n")
        out.append(f"- **Emergency: call {_tel(country.emergency)}** if a life is in danger now.")
        for s in country.services:
            ways = []
            if "call" in s.how:
                ways.append(f"call {_tel(s.number)}")
            if "text" in s.how:
                ways.append(f"text {_tel(s.text_number or s.number, 'sms')}")
            if "chat" in s.how and s.url:
                ways.append(f"chat online at [{_host(s.url)}]({s.url})")
            line = f"- **{s.name}**: {_join(ways)}. {s.hours}."
            if s.note:
                line += f" {s.note}"
            if s.url and "chat" not in s.how:
                line += f" [{_host(s.url)}]({s.url})"
            out.append(line)
        out.append("")
    out.append("### Other countries { #crisis-other }\n")
    out += [f"- [{o.name}]({o.url}): {o.note}" for o in shared.crisis_international]
    return "\n".join(out) + "\n"


def _tel(number: str, scheme: str = "tel") -> str:
    return f"[{number}]({scheme}:{re.sub(r'[^0-9+]', '', number)})"


def _host(url: str) -> str:
    return re.sub(r"^https://(www\.)?|/$", "", url)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


# --- therapist directories ---------------------------------------------------------------------

def directories(shared: SharedContent) -> str:
    by_region: dict[str, list[str]] = {}
    for d in shared.finder.directories:
        region = "Any country" if d.country == "international" else COUNTRY_NAMES[d.country]
        by_region.setdefault(region, []).append(f"- [{d.name}]({d.url}): {d.note}")
    return "\n".join(f"**{region}**\n\n" + "\n".join(items) + "\n" for region, items in by_region.items())


# --- citations ---------------------------------------------------------------------------------

class Citations:
    """Numbers citations in the order a page first uses them, and lists them at the end."""

    def __init__(self, bibliography: dict[str, Reference]) -> None:
        self.bibliography = bibliography
        self.order: list[str] = []

    def cite(self, *keys: str) -> str:
        if not keys:
            raise ContentError('cite() needs at least one source key, like cite("cuijpers2016")')
        links = []
        for key in dict.fromkeys(keys):  # the same key twice in one cite() shows once
            if key not in self.bibliography:
                raise ContentError(
                    f"unknown source key '{key}' in cite() — add it to macros/data/bibliography.yml or fix the spelling"
                )
            if key not in self.order:
                self.order.append(key)
            n = self.order.index(key) + 1
            ref = self.bibliography[key]
            label = f"Source {n}: {_first_author(ref.authors)} {ref.year}"
            links.append(f'<a href="#source-{n}" title="{html.escape(label)}">{n}</a>')
        return f'<sup class="cite">[{", ".join(links)}]</sup>'

    def references(self) -> list[Reference]:
        """The cited references, in citation-number order."""
        return [self.bibliography[k] for k in self.order]

    def sources(self) -> str:
        if not self.order:
            return ""
        # The span gives each source an anchor for its citations; data-search-exclude keeps
        # journal titles out of the search index, where they would only add noise.
        items = [f'{n}. <span id="source-{n}"></span>{format_reference(self.bibliography[k])}' for n, k in enumerate(self.order, 1)]
        return "## Sources { #sources data-search-exclude }\n\n" + "\n".join(items) + "\n"


def _first_author(authors: str) -> str:
    return authors.split(",")[0].split(" ")[0]


def format_reference(ref: Reference) -> str:
    links = []
    if ref.doi:
        links.append(f"[doi:{ref.doi}](https://doi.org/{ref.doi})")
    if ref.pmid:
        links.append(f"[PubMed {ref.pmid}](https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/)")
    if ref.url:
        links.append(f"[{_host(ref.url)}]({ref.url})")
    title = ref.title.rstrip(".")
    return f"{_md_escape(ref.authors)} ({ref.year}). {_md_escape(title)}. *{_md_escape(ref.source)}*. " + " · ".join(links)


# --- glossary ----------------------------------------------------------------------------------

def glossary(entries: list[GlossaryEntry]) -> str:
    rows = [
        f'<dt id="{slug(e.term)}">{html.escape(e.term)}</dt>\n<dd>{html.escape(e.definition)}</dd>'
        for e in sorted(entries, key=lambda e: e.term.lower())
    ]
    return '<dl class="glossary">\n' + "\n".join(rows) + "\n</dl>\n"


def tooltips(entries: list[GlossaryEntry]) -> dict[str, str]:
    """The terms that show their definition on hover or focus, for the abbr extension's `glossary`."""
    return {e.term: e.definition for e in entries if e.tooltip}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _quote(text: str) -> str:
    return text.replace('"', "&quot;")


def _md_escape(text: str) -> str:
    return re.sub(r"([*_\[\]<>])", r"\\\1", text)
