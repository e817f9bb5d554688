"""Pure functions that turn validated data into Markdown. No MkDocs state here, so each is unit-tested."""

from __future__ import annotations

import html
import re

from babel.core import get_global

from .schema import COUNTRY_NAMES, CrisisService, GlossaryEntry, Reference, SharedContent, the_country


class ContentError(Exception):
    """A mistake an editor made in a page. The message says what is wrong and how to fix it."""


# --- boxes: one kind-to-style map for every box the site shows -----------------------------------

# Material admonition style of each box. The alarming red ("danger") is kept for risk: the crisis
# page and pages with `risk_topic: true` get the "crisis" box; every other article the calm "help" box.
BOX_STYLES = {"medical": "info", "crisis": "danger", "help": "note", "independence": "success"}
URGENT_HELP_KINDS = ("crisis", "help")  # drawn by overrides/partials/urgent-help.html, with the numbers


def disclaimer_partial(shared: SharedContent, kind: str) -> str:
    """The partial in overrides/ that draws a disclaimer box of this kind (the theme uses the same ones)."""
    kinds = type(shared.disclaimers).model_fields
    if kind not in kinds:
        raise ContentError(f"unknown disclaimer kind '{kind}' — use one of: {', '.join(kinds)}")
    return "partials/urgent-help.html" if kind in URGENT_HELP_KINDS else "partials/disclaimer.html"


def emergency_numbers(shared: SharedContent) -> list[dict[str, str]]:
    """Countries grouped by emergency number, in data-file order: 'United States and Canada' 911, …"""
    groups: dict[str, list[str]] = {}
    for code, country in shared.crisis.items():
        groups.setdefault(country.emergency, []).append(COUNTRY_NAMES[code])
    return [
        {"countries": _listing(names), "number": number, "tel": _digits(number)} for number, names in groups.items()
    ]


# --- crisis lines ------------------------------------------------------------------------------

# The crisis lines part of each country, in this order. A service shows under every purpose it
# lists (`for`), except that inside one part of the page it is listed once, under the first of its
# purposes that part shows: a reader scanning for a number should not meet the same line twice.
# `domestic-abuse` services are in the page's own "Abuse at home" part (abuse_services), and, if they
# also list another purpose, in the crisis lines too.
FOR_LABELS = {
    "crisis": "Talk to someone now",
    "young-people": "Children and young people",
    "urgent-care": "Urgent mental health care",
}
# In "Abuse at home", the lines for young people come apart from the lines for adults.
YOUNG_ABUSE_LABEL = "Children and young people (for example, if a parent or carer hurts you)"
WAYS = {
    "video": "sign-language video",
    "text": "text message",
    "relay": "relay service",
    "textphone": "textphone (TTY)",
}
DEAF_LABEL = "Deaf, hard of hearing or cannot speak"
# Shown by docs/javascripts/country-first.js when it moves the reader's likely country to the top.
COUNTRY_NOTE = (
    '<p class="ipt-country-note" data-ipt="country-note" hidden>We show <strong data-ipt="country-name"></strong>'
    " first, guessed from your device’s time zone and language. Nothing is sent or saved."
    ' <a href="#crisis-countries" data-ipt="all-countries">Not your country? See all countries</a></p>'
)


def crisis_lines(shared: SharedContent) -> str:
    """A jump list of countries, one section per country, then directories for other countries.

    Each country is a <section data-country> inside one container, so the country-first script
    can move the reader's likely country to the top; without JavaScript the order stays as written.
    """
    jumps = [f"[{COUNTRY_NAMES[code]}](#crisis-{code.lower()})" for code in shared.crisis]
    out = [
        "**Go to your country:** " + " · ".join(jumps + ["[other countries](#crisis-other)"]),
        "{: #crisis-countries }",
        "",
    ]
    out += ['<div class="ipt-countries" data-ipt="crisis-countries" markdown="1">', "", COUNTRY_NOTE, ""]
    for code, country in shared.crisis.items():
        out += _country_section(code, country)
    out += ["</div>", "", "### Other countries { #crisis-other }", ""]
    out += [f"- [{o.name}]({o.url}): {o.note}" for o in shared.crisis_international]
    return "\n".join(out) + "\n"


def _country_section(code: str, country) -> list[str]:
    name, cc = COUNTRY_NAMES[code], code.lower()
    out = [
        f'<section class="ipt-country" data-country="{code}" data-name="{html.escape(name)}"'
        f' data-zones="{" ".join(time_zones(code))}" markdown="1">',
        "",
        f"### {name} {{ #crisis-{cc} }}",
        "",
    ]
    emergency = f"**Emergency: call {_tel(country.emergency)}** if a life is in danger now."
    out += [emergency + (f" {country.emergency_note}" if country.emergency_note else ""), ""]
    general = [s for s in country.services if _crisis_kind(s)]
    for kind, label in FOR_LABELS.items():
        items = [_service(s) for s in general if not s.areas and _crisis_kind(s) == kind]
        if items:
            out += [f"**{label}**", ""] + items + [""]
    if any("domestic-abuse" in s.for_ for s in country.services):
        out += [f"**Abuse at home:** [services in {the_country(code)}](#abuse-{cc})", ""]
    deaf = [_access("Emergency", a) for a in country.emergency_access or []]
    deaf += [_access(s.name, a) for s in general for a in s.deaf_access or []]
    texting = [s.name for s in general if "text" in s.how]
    if texting:
        deaf.append(f"- **Text instead of calling:** {_listing(texting)}.")
    if deaf:
        out += [f"**{DEAF_LABEL}**", ""] + deaf + [""]
    for area in country.regions or []:
        items = [_service(s) for s in general if area in (s.areas or [])]
        if items:
            out += [f"**Only in {area}**", ""] + items + [""]
    return out + ["</section>", ""]


def _crisis_kind(service: CrisisService) -> str | None:
    """The crisis-lines group a service is listed under: the first of its purposes shown there."""
    return next((kind for kind in service.for_ if kind in FOR_LABELS), None)


def abuse_services(shared: SharedContent) -> str:
    """Domestic-abuse services, one section per country that has any (the crisis page's abuse part)."""
    out = ['<div class="ipt-countries" data-ipt="abuse-countries" markdown="1">', ""]
    for code, country in shared.crisis.items():
        services = [s for s in country.services if "domestic-abuse" in s.for_]
        if not services:
            continue
        name, cc = COUNTRY_NAMES[code], code.lower()
        adults = [s for s in services if "young-people" not in s.for_]
        young = [s for s in services if "young-people" in s.for_]
        out += [
            f'<section class="ipt-country" data-country="{code}" markdown="1">',
            "",
            f"### {name} {{ #abuse-{cc} }}",
            "",
            f"- **In danger now: call {_tel(country.emergency)}.**",
        ]
        out += [_service(s, show_areas=True) for s in adults]
        if young:
            out += ["", f"**{YOUNG_ABUSE_LABEL}**", ""] + [_service(s, show_areas=True) for s in young]
        deaf = [_access(s.name, a) for s in services for a in s.deaf_access or []]
        out += ["", f"**{DEAF_LABEL}**", ""] + deaf if deaf else []
        out += ["", "</section>", ""]
    return "\n".join(out + ["</div>"]) + "\n"


def call_and_text(s) -> list[str]:
    """How to reach a service by phone, as Markdown: ['call [116 123](tel:116123)', 'text SHOUT to …']."""
    ways = []
    if "call" in s.how:
        ways.append(f"call {_tel(s.number)}")
    if "text" in s.how:
        to = _tel(s.text_number or s.number, "sms")
        ways.append(f"text {s.text_keyword} to {to}" if s.text_keyword else f"text {to}")
    return ways


def _service(s, show_areas: bool = False) -> str:
    ways = call_and_text(s)
    if "chat" in s.how and s.url:
        ways.append(f"chat online at [{_host(s.url)}]({s.url})")
    if "web" in s.how and s.url:
        ways.append(f"go to [{_host(s.url)}]({s.url})")
    where = f" ({_listing(s.areas)} only)" if show_areas and s.areas else ""
    line = f"- **{s.name}**{where}: {_listing(ways, 'or')}. {_sentence(s.hours)}"
    if s.free:
        line += " Free."
    elif s.cost:
        line += f" {_sentence(s.cost)}"
    if s.note:
        line += f" {_sentence(s.note)}"
    if s.url and not {"chat", "web"} & set(s.how):
        line += f" [{_host(s.url)}]({s.url})"
    return line


def _access(who: str, access) -> str:
    text = access.text
    if access.number:
        scheme = "sms" if access.way == "text" else "tel"
        text = text.replace(access.number, _tel(access.number, scheme), 1)
    return f"- **{who}**, by {WAYS[access.way]}: {text}"


def time_zones(code: str) -> list[str]:
    """The IANA time zones of a country, old alias names included (browsers report either)."""
    zones = set(get_global("territory_zones").get(code, ()))
    zones |= {alias for alias, zone in get_global("zone_aliases").items() if zone in zones and "/" in alias}
    return sorted(zones)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _digits(number: str) -> str:
    return re.sub(r"[^0-9+]", "", number)


def _tel(number: str, scheme: str = "tel") -> str:
    return f"[{number}]({scheme}:{_digits(number)})"


def _host(url: str) -> str:
    return re.sub(r"^https://(www\.)?|/$", "", url)


def _listing(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


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
            links.append(f'<a class="cite" href="#source-{n}">[{n}]</a>')
        # One tag a source ([1][2], raised by the theme's CSS): the smallest markup a long page
        # repeats dozens of times, and the fewest tags for every later step to parse.
        return "".join(links)

    def references(self) -> list[Reference]:
        """The cited references, in citation-number order."""
        return [self.bibliography[k] for k in self.order]

    def sources_heading(self) -> str:
        """The Markdown heading of the Sources list (Markdown, so it is in the page's contents list).
        data-search-exclude keeps journal titles out of the search index, where they only add noise."""
        return "## Sources { #sources data-search-exclude }" if self.order else ""

    def sources_list(self) -> str:
        """The numbered list as HTML; each item is the anchor its citations link to."""
        items = [
            f'<li id="source-{n}">{format_reference(self.bibliography[k])}</li>' for n, k in enumerate(self.order, 1)
        ]
        return "<ol>\n" + "\n".join(items) + "\n</ol>" if items else ""


def format_reference(ref: Reference) -> str:
    """One source as HTML: authors (year). Title. <em>Journal</em>. Links."""
    links = []
    if ref.doi:
        links.append(f'<a href="{html.escape(ref.doi_url)}">doi:{html.escape(ref.doi)}</a>')
    if ref.pmid:
        links.append(f'<a href="{ref.pubmed_url}">PubMed {ref.pmid}</a>')
    if ref.url:
        links.append(f'<a href="{html.escape(ref.url)}">{html.escape(_host(ref.url))}</a>')
    title = html.escape(ref.title.rstrip("."))
    return f"{html.escape(ref.authors)} ({ref.year}). {title}. <em>{html.escape(ref.source)}</em>. " + " · ".join(links)


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
