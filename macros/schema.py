"""The shape of the data files and of page front matter, as pydantic models.

Validation lives here, not in if/else chains: each field says what it accepts,
and `problems()` turns pydantic's errors into one line per problem for editors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from babel import Locale
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

# Two-letter ISO 3166 country codes, from the CLDR data Babel ships (Material needs Babel anyway).
COUNTRY_NAMES: dict[str, str] = {
    code: name for code, name in Locale("en").territories.items() if re.fullmatch(r"[A-Z]{2}", code)
}


def the_country(code: str) -> str:
    """'the United Kingdom', 'Ireland': a country's name as it reads in a sentence."""
    name = COUNTRY_NAMES[code]
    return f"the {name}" if name.startswith("United") else name


def _https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or " " in value:
        raise ValueError(f"'{value}' is not a web address starting with https:// — write the full https:// address")
    return value


def _https_url_or_page(value: str) -> str:
    if value.endswith(".md") and "://" not in value:
        return value  # a page of this site; its existence is checked when the site is built
    return _https_url(value)


def _phone(value: str) -> str:
    if not re.fullmatch(r"\+?[0-9](?:[0-9 \-]*[0-9])?", value):
        raise ValueError(f"'{value}' is not a phone number — use only digits, spaces, hyphens and a leading +")
    return value


def _country(value: str) -> str:
    if value not in COUNTRY_NAMES:
        raise ValueError(f"'{value}' is not a known two-letter country code — use one like US, GB or AU")
    return value


def _region(value: str) -> str:
    return value if value == "international" else _country(value)


Text = Annotated[str, AfterValidator(str.strip), Field(min_length=1)]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Phone = Annotated[str, AfterValidator(_phone)]
CountryCode = Annotated[str, AfterValidator(_country)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- macros/data/shared-content.yml -----------------------------------------------------------


class Disclaimer(Strict):
    title: Text
    text: Text


class Disclaimers(Strict):
    medical: Disclaimer
    crisis: Disclaimer  # urgent style: the crisis page and pages with `risk_topic: true`
    help: Disclaimer  # calm style: every other article
    independence: Disclaimer


class Directory(Strict):
    country: Annotated[str, AfterValidator(_region)]
    name: Text
    url: HttpsUrl
    note: Text


class Finder(Strict):
    heading: Text
    text: Text
    button_label: Text
    url: Annotated[str, AfterValidator(_https_url_or_page)]
    directories: list[Directory] = Field(min_length=1)


class HelpLink(Strict):
    label: Text
    page: Annotated[str, Field(pattern=r"^[\w/-]+\.md$")]
    safety_plan_page: Annotated[str, Field(pattern=r"^[\w/-]+\.md$")]  # linked from both help boxes


# What a crisis service is for. A service may list several purposes and then shows in every part
# of the crisis page they belong to (macros/render.py says how): a young people's line that also
# helps with abuse at home is both in the crisis lines and in "Abuse at home".
ServiceFor = Literal["crisis", "young-people", "domestic-abuse", "urgent-care"]


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"{value} is in the future — write the date you checked the service's own page")
    return value


CheckedDate = Annotated[dt.date, AfterValidator(_not_in_future)]

# The one way the data file says a line never closes. Texts that promise help at any hour (below)
# need it on every country's line to talk to, so the promise cannot drift from the data.
ALWAYS_OPEN = "24 hours, every day"


class DeafAccess(Strict):
    """A way for deaf, hard of hearing or speech-impaired people to reach a service or the emergency number."""

    way: Literal["video", "text", "relay", "textphone"]  # sign-language video, text message, relay service, TTY
    text: Text  # what to do, in plain words; the number, if any, is in it
    number: Phone | None = None  # turned into a call or text link where `text` shows it
    source: HttpsUrl  # the page that says so (the service's or regulator's own)
    checked: CheckedDate

    def model_post_init(self, _context: object) -> None:
        if self.number and self.number not in self.text:
            raise ValueError(f"number '{self.number}' does not appear in text — write the number in the text as well")


class CrisisService(Strict):
    name: Text
    for_: Annotated[list[ServiceFor], Field(alias="for", min_length=1)]
    how: list[Literal["call", "text", "chat", "web"]] = Field(min_length=1)
    hours: Text
    number: Phone | None = None  # needed to call, or to text when there is no text_number
    source: HttpsUrl  # the service's own page that shows the number (checked by a person)
    checked: CheckedDate  # the day someone last checked `source`
    text_number: Phone | None = None
    text_keyword: Text | None = None  # the word to send first, e.g. SHOUT
    free: bool = False  # true only if its own page says it is free from every phone
    cost: Text | None = None  # what it costs, when it is not simply free
    areas: list[Text] | None = None  # only in these parts of the country
    url: HttpsUrl | None = None
    note: Text | None = None
    deaf_access: list[DeafAccess] | None = None

    @property
    def always_open(self) -> bool:
        return self.hours == ALWAYS_OPEN

    def model_post_init(self, _context: object) -> None:
        if not self.number and ("call" in self.how or ("text" in self.how and not self.text_number)):
            raise ValueError(f"'{self.name}' can be called or texted but has no number — add number")
        if (self.text_number or self.text_keyword) and "text" not in self.how:
            raise ValueError(
                f"'{self.name}' has text_number or text_keyword but 'text' is not in how — add text to how"
            )
        if ("chat" in self.how or "web" in self.how) and not self.url:
            raise ValueError(f"'{self.name}' is reached online (chat or web) but has no url — add its web address")
        if self.free and self.cost:
            raise ValueError(f"'{self.name}' says free: true and also has a cost — keep one of them")


class CrisisCountry(Strict):
    emergency: Phone
    emergency_note: Text | None = None  # e.g. another number that also works
    emergency_access: list[DeafAccess] | None = None  # deaf and speech access to the emergency number
    regions: list[Text] | None = None  # the parts of the country a service's `areas` may name
    services: list[CrisisService] = Field(min_length=1)


def listening_line(country: CrisisCountry) -> CrisisService | None:
    """The country's line to talk to: its first service for `crisis` that takes calls in the whole
    country (no `areas`). The data file's order says which comes first, so editors choose it by
    moving a service up. Shown on the first screen of Get help now and in the search help card
    (macros/first_help.py)."""
    return next((s for s in country.services if "crisis" in s.for_ and "call" in s.how and not s.areas), None)


class OtherHelp(Strict):
    name: Text
    url: HttpsUrl
    note: Text


def _crisis_phrase(value: str) -> str:
    if value != value.strip() or "  " in value or not re.fullmatch(r"[a-z0-9' -]{2,60}", value):
        raise ValueError(
            f"'{value}' is not a search phrase — write it in lower case, 2 to 60 characters:"
            " letters, digits, single spaces, apostrophes and hyphens only"
        )
    return value


CrisisPhrase = Annotated[str, AfterValidator(_crisis_phrase)]
Phrases = Annotated[list[CrisisPhrase], Field(min_length=1)]


def crisis_phrase_key(phrase: str) -> str:
    """The form searches are compared in: 'I can’t  cope!' -> 'i cant cope' (see docs/javascripts/crisis-search.js)."""
    text = re.sub(r"['’‘`]", "", phrase.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


class CrisisCard(Strict):
    title: Text
    text: Text
    link_label: Text
    emergency_label: Text  # before each country's emergency number (the card, the top of Get help now)
    listen_label: Text  # before its line to talk to


class CrisisPhrases(Strict):
    """Explicit groups put the help page first in search; soft groups put it in the first three."""

    suicide: Phrases
    self_harm: Phrases
    overdose: Phrases
    abuse: Phrases
    hopeless: Phrases
    cant_cope: Phrases
    panic: Phrases
    worried_about_someone: Phrases

    def model_post_init(self, _context: object) -> None:
        seen: dict[str, str] = {}
        for group, phrases in self:
            for phrase in phrases:
                key = crisis_phrase_key(phrase)
                if key in seen:
                    raise ValueError(
                        f'"{phrase}" ({group}) is the same search as "{seen[key]}" — keep only one of them'
                    )
                seen[key] = phrase


def _sign_word(value: str) -> str:
    word = r"(?:[a-z0-9]+\*?|\*|#)"  # a lone * is any one word, a lone # any number in digits
    if not re.fullmatch(rf"{word}(?: {word})*", value) or (value != "#" and len(re.sub(r"[*# ]", "", value)) < 2):
        raise ValueError(
            f"'{value}' is not a crisis word — write lower-case letters or digits, at least 2, words"
            " separated by one space, no apostrophes (dont, cant), and * only at the end of a word"
            " or alone for any one word, # alone for any number"
        )
    return value


# Crisis words (docs/javascripts/crisis-search.js): a concept is a family of words for one idea.
CrisisWords = Annotated[list[Annotated[str, AfterValidator(_sign_word)]], Field(min_length=1)]
ConceptName = Annotated[str, Field(pattern=r"^[a-z_]+$")]


class CrisisConcept(Strict):
    """`alone`: its words show the card by themselves; `needs`: only with one of these concepts."""

    words: CrisisWords
    alone: bool = False
    needs: list[ConceptName] = []


def _filler_word(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+", value):
        raise ValueError(f"'{value}' is not one word — write one lower-case word, no spaces, * or apostrophes")
    return value


class CrisisSearch(Strict):
    card: CrisisCard
    concepts: Annotated[dict[ConceptName, CrisisConcept], Field(min_length=1)]
    idioms: CrisisWords
    # never a crisis, even where a phrase is inside ("suicide awareness week", "cant go on holiday")
    not_a_crisis: list[Annotated[str, AfterValidator(_sign_word)]] = []
    fillers: list[Annotated[str, AfterValidator(_filler_word)]] = []  # words the matcher ignores
    phrases: CrisisPhrases

    def model_post_init(self, _context: object) -> None:
        # The matcher drops fillers from what was typed, so an item (concept, idiom, not_a_crisis) that holds one never matches.
        items = (
            [(f"idioms[{i}]", w) for i, w in enumerate(self.idioms)]
            + [(f"not_a_crisis[{i}]", w) for i, w in enumerate(self.not_a_crisis)]
            + [(f"concepts.{name}.words[{i}]", w) for name, c in self.concepts.items() for i, w in enumerate(c.words)]
        )
        for where, item in items:
            filler = next((w for w in item.split() if w in self.fillers), None)
            if filler:
                raise ValueError(
                    f"{where}: '{item}' holds the filler word '{filler}', which the search ignores — remove it from the item"
                )
        for name, concept in self.concepts.items():
            if concept.alone and concept.needs:
                raise ValueError(f"concepts.{name}: has both `alone: true` and `needs` — keep one of them")
            for other in concept.needs:
                if other not in self.concepts:
                    raise ValueError(
                        f"concepts.{name}.needs: '{other}' is not a concept — write a name listed under `concepts`"
                    )


class QuickExit(Strict):
    """The "Exit this page" button: its label and the neutral page it opens."""

    label: Text
    url: HttpsUrl
    shortcut_hint: Text


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value):
        raise ValueError(f"'{value}' is not an email address — write it like feedback@your-organisation.org")
    return value


# Domains kept for examples (RFC 2606): a contact there reaches nobody.
PLACEHOLDER_DOMAIN = re.compile(r"(^|\.)(example\.(org|com|net)|[^.]+\.(example|invalid|test|localhost))$", re.I)


class ReportProblem(Strict):
    """ "Report a problem with this page": where reports go (an email address OR a form's web
    address, owned by the publishing organisation), and the texts around the link."""

    email: Annotated[str, AfterValidator(_email)] | None = None
    form_url: HttpsUrl | None = None
    form_page_parameter: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+$")] = "page"
    label: Text
    subject: Text
    warning: Text
    help_prompt: Text
    crisis_label: Text
    crisis_subject: Text

    def model_post_init(self, _context: object) -> None:
        if bool(self.email) == bool(self.form_url):
            raise ValueError("set exactly one of email or form_url — where reports of a problem go")

    def placeholder(self) -> str | None:
        """The key whose address is a placeholder that reaches nobody, if any."""
        host = self.email.rsplit("@", 1)[1] if self.email else urlsplit(self.form_url or "").hostname or ""
        if PLACEHOLDER_DOMAIN.search(host):
            return "email" if self.email else "form_url"
        return None


class SharedContent(Strict):
    checked: dt.date
    help_link: HelpLink
    disclaimers: Disclaimers
    finder: Finder
    crisis: dict[CountryCode, CrisisCountry] = Field(min_length=1)
    crisis_international: list[OtherHelp] = Field(min_length=1)
    crisis_search: CrisisSearch
    quick_exit: QuickExit
    report_problem: ReportProblem

    def model_post_init(self, _context: object) -> None:
        for code, country in self.crisis.items():
            _areas_are_regions(code, country)
        _urgent_help_tells_the_truth(self)


def _areas_are_regions(code: str, country: CrisisCountry) -> None:
    """A service's `areas` name parts of its country, spelt as in the country's `regions` list: a
    misspelt area would silently leave the service out of its part of the page."""
    for n, service in enumerate(country.services):
        for area in service.areas or []:
            if not country.regions:
                raise ValueError(
                    f"crisis.{code}.services[{n}].areas: crisis.{code} has no regions"
                    f" — list the parts of {the_country(code)} under crisis.{code}.regions"
                )
            if area not in country.regions:
                raise ValueError(
                    f"crisis.{code}.services[{n}].areas: '{area}' is not a part of"
                    f" {the_country(code)} — use {', '.join(country.regions)}"
                )


# Words that promise help at any hour ("within 24 hours" promises nothing, so it is not here).
ROUND_THE_CLOCK = re.compile(
    r"\b(?:day[\s-]+and[\s-]+night|night[\s-]+and[\s-]+day|24/7|24 hours a day|open 24 hours"
    r"|a?round[\s-]+the[\s-]+clock|any time of (?:the )?day or night)",
    re.IGNORECASE,
)


def _urgent_help_tells_the_truth(shared: SharedContent) -> None:
    """The urgent-help boxes and the search help card speak to readers of every country, beside each
    country's line to talk to: they may not promise what one country lacks."""
    texts = {f"disclaimers.{kind}.text": getattr(shared.disclaimers, kind).text for kind in ("crisis", "help")}
    texts["crisis_search.card.text"] = shared.crisis_search.card.text
    for key, text in texts.items():
        for code, country in shared.crisis.items():
            _true_for_country(key, text, code, country)


def _true_for_country(key: str, text: str, code: str, country: CrisisCountry) -> None:
    words = text.lower()
    crisis_lines = [s for s in country.services if "crisis" in s.for_]
    if re.search(r"\btext\b", words) and not any("text" in s.how for s in crisis_lines):
        raise ValueError(
            f"{key}: says 'text', but no crisis line in crisis.{code} takes text messages"
            " — say only what is true for every country"
        )
    if re.search(r"\bfree\b", words) and not all(s.free for s in crisis_lines):
        name = next(s.name for s in crisis_lines if not s.free)
        raise ValueError(
            f"{key}: says 'free', but {name} (crisis.{code}) is not free from every phone"
            " — say only what is true for every country"
        )
    claim = ROUND_THE_CLOCK.search(text)
    if not claim:
        return
    line = listening_line(country)
    if line is None:
        raise ValueError(
            f"{key}: says '{claim[0]}', but crisis.{code} has no crisis line that takes calls in the whole"
            " country — add one, or say only what is true for every country"
        )
    if not line.always_open:
        raise ValueError(
            f"{key}: says '{claim[0]}', but the line to talk to in crisis.{code}, {line.name}, has hours"
            f" '{line.hours}' — say only what is true for every country, or, if its own page says it never"
            f" closes, write hours: {ALWAYS_OPEN}"
        )


# --- macros/data/bibliography.yml -------------------------------------------------------------


class Reference(Strict):
    authors: Text
    year: Annotated[int, Field(ge=1900, le=2100)]
    title: Text
    source: Text
    doi: Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    pmid: Annotated[str, Field(pattern=r"^[1-9]\d{0,8}$")] | None = None
    url: HttpsUrl | None = None

    def model_post_init(self, _context: object) -> None:
        if not (self.doi or self.pmid or self.url):
            raise ValueError("needs at least one of doi, pmid or url — add one so readers can find it")

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def pubmed_url(self) -> str | None:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else None

    @property
    def address(self) -> str:
        """The one address that stands for the source (the JSON-LD `citation`): DOI, else its web
        page, else PubMed."""
        return self.doi_url or self.url or self.pubmed_url  # type: ignore[return-value]  # one is set


Bibliography = dict[Annotated[str, Field(pattern=r"^[a-z0-9]+$")], Reference]


# --- macros/data/glossary.yml -----------------------------------------------------------------


class GlossaryEntry(Strict):
    term: Text
    definition: Text
    tooltip: bool = False


Glossary = list[GlossaryEntry]


# --- front matter of pages in docs/ -----------------------------------------------------------


class SearchOptions(Strict):
    boost: Annotated[float, Field(gt=0, le=10)] | None = None
    exclude: bool | None = None


class Reviewer(Strict):
    """Who checked a page's facts. Shown on the page and in its JSON-LD."""

    name: Text
    role: Text


def _written_unescaped(bad: str):
    """Material writes the title and description into the page without HTML escaping (e.g. into
    <meta content="…">), so markup there would slip in scripts the CSP would then allow."""

    def check(value: str) -> str:
        found = sorted({c for c in value if c in bad})
        if found:
            raise ValueError(
                f"contains {' '.join(found)} — the theme writes it into the page unescaped;"
                " use ’ or “ ” instead of quotes and words instead of < >"
            )
        return value

    return AfterValidator(check)


def _question(value: str) -> str:
    if len(value) > 80:
        raise ValueError(f"is too long ({len(value)} characters) — shorten it to 80")
    return value


Question = Annotated[Text, AfterValidator(_question)]  # what a reader types into the search


class FrontMatter(Strict):
    """Every page's front matter: every rule for it is here. `kind: page` pages get no disclaimer or finder box."""

    title: Annotated[Text, _written_unescaped("<>")]
    description: Annotated[str, Field(min_length=20, max_length=160), _written_unescaped('<>"')]
    last_reviewed: dt.date
    review_due: dt.date
    kind: Literal["article", "page"] = "article"
    # Only set after a qualified person really checked the page (name and role are shown on it).
    reviewed_by: Reviewer | None = None
    # Everyday words readers use for this page's subject (fed to the search index).
    keywords: list[Text] | None = None
    # What readers type that must find this page in the top 3 of the site search: every page needs
    # one (tests/html/test_search_ranking.py searches each with the site's own search code).
    questions: Annotated[list[Question], Field(min_length=1)] | None = None
    # The page discusses suicide, self-harm or abuse: the urgent-help box uses the emergency style.
    risk_topic: bool = False
    search: SearchOptions | None = None
    hide: list[Literal["navigation", "toc", "footer", "feedback", "path", "tags"]] | None = None

    def model_post_init(self, _context: object) -> None:
        if self.review_due <= self.last_reviewed:
            raise ValueError(
                f"review_due {self.review_due} is not after last_reviewed {self.last_reviewed}"
                " — set review_due to a later date"
            )
        if self.review_due > _years_later(self.last_reviewed, 3):
            raise ValueError(
                f"review_due {self.review_due} is more than 3 years after last_reviewed"
                f" {self.last_reviewed} — set it to {_years_later(self.last_reviewed, 3)} or earlier"
            )


def is_article(meta: Mapping[str, Any] | None) -> bool:
    """The one rule for "is this page an article" (used by the theme, the publishing hook and the tests):
    every page with front matter is, unless it says `kind: page`."""
    return bool(meta) and meta.get("kind", "article") != "page"


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- turning pydantic errors into editor-friendly lines ---------------------------------------


def key_path(loc: tuple[int | str, ...]) -> str:
    """('crisis', 'US', 'services', 0, 'number') -> 'crisis.US.services[0].number'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            out += " (the name itself)"
        else:
            out += f".{part}" if out else str(part)
    return out or "(the whole file)"


def problems(error: ValidationError) -> list[str]:
    """One 'key.path: what is wrong — how to fix' line per problem."""
    lines = []
    for e in error.errors():
        loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith(("function-", "constrained-"))))
        # Unions report one error per branch; the `None` branch says nothing useful.
        if e["type"] == "none_required":
            continue
        lines.append(f"{key_path(loc)}: {_plain(e)}" if loc else _plain(e))
    return list(dict.fromkeys(lines))


def _plain(e: dict) -> str:
    kind, msg = e["type"], e["msg"]
    fixes = {
        "missing": "this key is missing — add it",
        "extra_forbidden": "unknown key — remove it or check its spelling",
        "string_too_short": _too_short(e),
        "too_short": _too_short(e) if isinstance(e.get("input"), str) else "is empty — add at least one item",
        "string_too_long": f"is too long ({len(str(e.get('input', '')))} characters) — shorten it to {e.get('ctx', {}).get('max_length')}",
        "string_type": "must be text — put it in quotes",
        "int_type": "must be a whole number — write digits only",
        "date_type": "must be a date — write it as YYYY-MM-DD",
        "bool_type": "must be true or false — write one of those words",
        "dict_type": "must be a group of keys — indent the keys under it",
        "model_type": "must be a group of keys, not a single value — write each key on its own indented line under it",
        "list_type": "must be a list — write each item on a line starting with '- '",
        "literal_error": f"must be one of {e.get('ctx', {}).get('expected', '')} — use one of those words",
        "string_pattern_mismatch": "has the wrong form — check it against the examples in the file's comments",
    }
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return fixes.get(kind, f"{msg} — see the comments at the top of the file")


def _too_short(e: dict) -> str:
    text, least = str(e.get("input", "")).strip(), e.get("ctx", {}).get("min_length", 1)
    if not text:
        return "is empty — write the text"
    return f"is too short ({len(text)} characters) — write at least {least}"
