"""MkDocs hook (mkdocs.yml `hooks:`): the site search understands readers' own words.

Two inputs, both kept by editors:
- each page's front matter `keywords:` (everyday words readers use for the page's subject);
- `crisis_search` in macros/data/shared-content.yml: its `phrases` (what people in crisis type)
  and its `concepts` (families of crisis words, each said alone or with a second signal).

What this hook does with them, and why:

1. Search index. Material's search plugin writes site/search/search_index.json; its web worker
   builds a lunr index in the reader's browser from every field listed in `config.fields` of that
   file, but the results list shows only `title` and `text` (and `tags`, which we do not use). So
   after the build we add fields to the index config and fill them on each page's first entry
   (the page itself, not a section): `keywords` (the page's front-matter keywords) and, on the help
   page only, `crisis`, `crisis_signal` and `crisis_context` (crisis words). The words are searchable but never
   displayed: no excerpt can show the list of suicide phrasings to a reader, and no page's text
   changes.

   How Material 9.8 queries (read in its worker source, integrations/search): every typed word is
   split with the index's `separator` pattern, then becomes an OPTIONAL lunr term with a trailing
   wildcard ("moving home" -> "moving* home*"), so words are ORed, not ANDed; wildcard terms skip
   the pipeline, so the query is neither stemmed nor stop-word filtered, while the index drops stop
   words (the English pipeline here is only `stopWordFilter`: no stemmer). A typed word matches
   every indexed word it is the beginning of ("safe" matches "safety"). Results are then
   re-scored by the share of typed words a page matched, a page's own entry counts more than a
   section, and a page's `search: boost:` multiplies everything (most articles have 2).
   What we do about it:
   - typed stop words search nothing: we add "a whole typed word that is a lunr stop word" to the
     `separator` (see `separator`). Before, "a", "to", "with", "my" and "I" matched the crisis
     words they begin ("attack", "took", "without", "myself", "i'm") and, added up, put the help
     page first for a quarter of everyday questions. The index never held stop words, so nothing
     else changes (a reader typing "with" on the way to "without" sees results from "witho");
   - keywords are written out in the forms readers type: apostrophes with and without (can't,
     can’t, cant), since "cant*" never matches "can't"; and word forms, as there is no stemmer
     ("arguing" never matches "argue"). For the same reason each crisis concept's stems get the
     regular forms of their word ("rape*": raped, raping; see `word_forms`), and only real forms:
     "cut*" never becomes "cute", "jump*" never "jumper" (everyday words, not crisis words);
   - the help page has no page boost: a boost multiplies its title ("Get help now") and text too,
     so "help finding a therapist" or "self help books" put it first. It is found by three fields
     built from the crisis CONCEPTS only (see `crisis_fields`): the words that say crisis alone
     (`crisis`, 5000: "suicidal", "raped"), the words that say it with a second signal and that
     no other page uses (`crisis_signal`, 100: "hits", "stabbed") and the rarer words of
     several-word crisis items (`crisis_context`, 600: "burden", "hate"). The phrases' other
     words are not indexed: family, place and common words ("mum", "home", "help", "safe",
     "without") made the help page win everyday questions. The help card (docs/javascripts/crisis-search.js) reads whole phrases,
     so the promise is: every crisis phrase shows the card or puts the help page first, and a
     phrase with a word that says crisis alone does both;
   - a typed word counts once for EVERY indexed word it begins, so each concept word is indexed in
     few forms (`longest`), and a concept word that begins with a shorter word of the site
     ("selfharm*": "self", "overdos*": "over") only as written and as the phrases spell it, with
     the context weight: a typed "self" or "over" finds it too. A concept word whose family holds
     another page's keyword ("medication*") stays out, as the page about medicines should win;
     so does a signal word another page uses ("dead", "end", "giving"): an everyday question
     with it should find that page, and the card still reads it in a crisis phrase;
   - the boosts balance two needs: crisis words put the help page first, while an everyday
     question that shares a word with crisis talk finds its own page. Both are measured, without
     a browser, by tests/html/test_search_ranking.py (Material's own worker on the built index,
     with the built card script): the crisis phrases of the data file, readers' `questions:` in
     every page's front matter, a held-out set of everyday questions (everyday-questions.yml,
     never tuned to) and a set these boosts were tuned on (everyday-training.yml);
     tests/search/ adds untuned crisis phrasings. Raising a boost trades one need for the
     other: measure both. A page's keywords must not claim a crisis word alone ("end of
     therapy" would take "end" from the help page).

2. Help card data. docs/javascripts/crisis-search.js shows a help card above the results when the
   typed words look like a crisis (a phrase, or the concepts of `crisis_search.concepts`). It needs the
   words, the card text, each country's emergency number and line to talk to (macros/first_help.py)
   and the help page address: we write them into that same file at build time (replacing
   its `CRISIS_SEARCH_DATA = null` line), so the reader's browser fetches nothing extra, and every
   page stays the same weight (the script is cached once for the whole site).

3. Sources lists. The list that ends each citing article (macros/citations.py) is excluded from
   the index (`data-search-exclude`), but Material's search plugin still parses it before
   dropping it: on a long article that took more time than all the rest of the page, about a
   fifth of a 1,000-article build. So the list is set aside while the search plugin reads the
   page, and put back before the theme renders it. What the index holds does not change.

MkDocs loads hooks by file path, not as part of the `macros` package (it puts this folder on the
import path, so macros/schema.py is importable as `schema`). The validated data comes from the
macros plugin (config.extra.shared, set in macros/__init__.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files

KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 600.0
# The help page's three crisis fields, built from `crisis_search.concepts` only (see `crisis_fields`).
# Words that say crisis alone ("suicidal", "raped"): above any title, and above a boosted page's
# keywords ("someone i know wants to die" before the grief page's "someone died").
CRISIS_FIELD = "crisis"
CRISIS_BOOST = 5000.0
SIGNAL_FIELD = "crisis_signal"  # words that say crisis with a second signal ("hits", "stabbed")
SIGNAL_BOOST = 100.0
CONTEXT_FIELD = "crisis_context"  # rare words of several-word items ("a burden": burden)
CONTEXT_BOOST = 600.0
# Concept stems ("rape*", "chok*") get the regular forms of their word, since lunr has no stemmer
# here: a typed "raped" never finds an indexed "rape". Only real forms: a form that is another
# everyday word ("cut*": cute, cuter; "jump*": jumper) would put the help page first for it.
SHORT_WORD = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")  # "hit", "stab", "slap": hitting, stabbed
SIBILANT = ("s", "x", "z", "ch", "sh")  # punch -> punches
# A stem whose word may end in a silent "e": one vowel and one consonant ("chok": choke, "abus"),
# "c" ("forc"), "v" ("starv") or "l" after a consonant ("strangl"); not "molest", "bleed", "stalk".
SILENT_E = re.compile(r"(?:(?<![aeiou])[aeiou][^aeiouwxy]|c|v|[^aeiou]l)$")
STOP_WORDS = re.compile(r"generateStopWordFilter\(\[([^\]]*)\]\)")
CARD_SCRIPT = "javascripts/crisis-search.js"
CARD_DATA_LINE = re.compile(r"^const CRISIS_SEARCH_DATA = null;.*$", re.M)

_keywords: dict[str, list[str]] = {}  # page URL ('' = home) -> its keywords, for this build
_crisis: dict[str, dict[str, Any]] = {}  # the help page's URL -> the shared data (crisis_search)
_set_aside: dict[str, str] = {}  # page URL -> its Sources list, while the search plugin reads the page
# The Sources heading macros/citations.py adds (`## Sources { #sources … }`), in any attribute order.
SOURCES_HEADING = re.compile(r'<h2\b[^>]*\bid="sources"')


def spellings(phrase: str) -> list[str]:
    """The forms a reader may type: "can't cope" -> ["can't cope", "can’t cope", "cant cope"]."""
    forms = [phrase, phrase.replace("'", "’"), phrase.replace("’", "'"), re.sub(r"['’]", "", phrase)]
    return list(dict.fromkeys(forms))


def index_text(phrases: list[str]) -> str:
    """Every spelling of every phrase, as words."""
    return " ".join(form for p in phrases for w in p.lower().split() for form in spellings(w))


def everyday_words(keywords: dict[str, list[str]]) -> set[str]:
    """Every word of other pages' keywords: the words editors named as everyday words for another
    subject (medication, partner, home), so not a sign of crisis on their own."""
    return set(re.split(r"[\s-]+", index_text([k for words in keywords.values() for k in words])))


def text_words(entry: dict[str, Any]) -> set[str]:
    """The words of an index entry's title and text, as a reader may type them."""
    text = re.sub(r"['’]", "", f"{entry.get('title', '')} {entry.get('text', '')}".lower())  # I'm: im
    return set(re.findall(r"[a-z]+", text))


def inflections(word: str) -> list[str]:
    """A word and its regular English forms: "rape" -> rapes, raped, raping; "slap" -> slaps,
    slapped, slapping; "punch" -> punches; "bully" -> bullies, bullied; "hopeless" -> hopelessness;
    "sexual" -> sexually;
    "rapist" -> rapists. Never "-er" (jumper, hanger, cuter): another word, not a form."""
    if word.endswith("less"):
        return [word, word + "ness"]
    if word.endswith(("al", "ous", "ive", "ful")):  # "sexual*": sexually
        return [word, word + "ly"]
    if word.endswith("ist"):
        return [word, word + "s"]
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if re.search(r"[^aeiou]y$", word):
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    if word.endswith(SIBILANT):
        return [word, word + "es", word + "ed", word + "ing"]
    if SHORT_WORD.match(word):
        return [word, word + "s", word + word[-1] + "ed", word + word[-1] + "ing"]
    return [word, word + "s", word + "ed", word + "ing"]


def word_forms(item: str, vocabulary: set[str]) -> list[str]:
    """The forms of one concept word: itself, or for a stem the forms of its word. `vocabulary` (the
    words of the site and of the crisis phrases) says which word a stem is: "cut*" is "cut" (so not
    "cute"), "suicid*" is "suicide"; a stem whose word neither spells gets both ("chok*": chok, choke)."""
    if not item.endswith("*"):
        return [item]
    stem = item[:-1]
    if stem.endswith("e") or not SILENT_E.search(stem) or stem in vocabulary:
        return inflections(stem)
    for word in (stem + "e", stem):  # "decid*": "decided" is a form of "decide"
        if vocabulary & set(inflections(word)):
            return inflections(word)
    return list(dict.fromkeys(inflections(stem) + inflections(stem + "e")))


def longest(forms: list[str]) -> list[str]:
    """The forms that begin no other form: a typed word matches every indexed word it begins, so
    "hurt" still finds "hurts" and "hurting", and counts once per form, not also for "hurt"."""
    return [f for f in dict.fromkeys(forms) if not any(o != f and o.startswith(f) for o in forms)]


def matches(word: str, item: str) -> bool:
    """A word of a phrase is this one-word concept item ("suicidal" is "suicid*")."""
    return word.startswith(item[:-1]) if item.endswith("*") else word == item


def begins_with_site_word(item: str, site_words: set[str]) -> bool:
    """A concept item that begins with a shorter word of the site's pages ("selfharm*": "self";
    "overdos*": "over"): lunr cannot tell a typed "self" from the beginning of "selfharm"."""
    stem = item.rstrip("*")
    return any(stem[:n] in site_words for n in range(3, len(stem)))


def forms(item: str, site_words: set[str], phrase_words: set[str], vocabulary: set[str]) -> list[str]:
    """A concept item's forms and the phrases' words that are one of them. An item that begins with
    a shorter word of the site keeps only its own spelling and the phrases' forms: a typed word
    counts once for EVERY indexed word it begins, so five forms would make a reader's "self help"
    or "starting over" five times a crisis word."""
    typed = [w for w in phrase_words if matches(w, item)]
    if begins_with_site_word(item, site_words):
        return [item.rstrip("*")] + typed
    return word_forms(item, vocabulary) + typed


def concept_words(
    items: list[str], weak: set[str], phrase_words: set[str], site_words: set[str], vocabulary: set[str]
) -> list[str]:
    """The forms of one-word concept items (the longest ones), and the phrases' words that are one
    of them ("suicidal" for "suicid*": the forms readers really type). Not a word whose family has a
    weak word ("medication*": another page's keywords say "medication", so that page should win)."""
    families = [forms(item, site_words, phrase_words, vocabulary) for item in items]
    return list(dict.fromkeys(form for family in families if not weak & set(family) for form in longest(family)))


def context_words(concepts: list[dict[str, Any]], drop: set[str], vocabulary: set[str]) -> list[str]:
    """The words of the several-word items of `concepts` ("a burden", "hate my life"), in their
    forms, but not a word with a form in `drop`: a stem's forms too ("abusive parent*" has the
    site's "parent", so neither "parent" nor "parents" says crisis)."""
    words = {w for c in concepts for item in c["words"] if " " in item for w in item.split() if len(w) > 2}
    families = [word_forms(w, vocabulary) for w in sorted(words)]
    return sorted({s for f in families if not drop & set(f) for form in longest(f) for s in spellings(form)})


def crisis_fields(
    concepts: dict[str, Any], phrases: list[str], everyday: set[str], stop: set[str], site_words: set[str]
) -> dict[str, str]:
    """The help page's crisis fields, from the concepts of `crisis_search`, never from the phrases'
    other words (the help card reads the phrases whole; their everyday words, "home", "help",
    "safe", "without", "mum", pulled the help page up for everyday questions):
    - `crisis`: the one-word items of the concepts that say crisis `alone` ("suicidal", "raped");
    - `crisis_signal`: those of the concepts that `need` a second signal ("hits", "stabbed"), far
      weaker, and only those no other page uses ("dead", "end", "giving" are other pages' words:
      an everyday question with them finds its own page; every phrase of the data shows the card);
    - `crisis_context`: the words of the several-word items of the `alone` concepts that no other
      page uses ("burden", "hate", "future"), so that "i feel like a burden" finds it; and the
      one-word `alone` items that begin with a word of the site ("selfharm", "overdose"): a typed
      "self" or "over" finds them too, so they may not outweigh the pages about self-help.
    Not the helper concepts, those another concept `needs` (a person, a time, wanting, "nobody"):
    everyday questions are full of them.
    `everyday`: the other pages' keyword words; `site_words`: the words of their titles and text.
    """
    helpers = {name for c in concepts.values() for name in c.get("needs", [])}
    alone = [c for c in concepts.values() if c.get("alone")]
    needing = [c for n, c in concepts.items() if c.get("needs") and not c.get("alone") and n not in helpers]
    words = set(index_text(phrases).split())
    written = {w for c in concepts.values() for item in c["words"] for w in item.split() if "*" not in w}
    vocabulary = site_words | words | written
    strong = [i for c in alone for i in c["words"] if " " not in i and not begins_with_site_word(i, site_words)]
    prefixed = [i for c in alone for i in c["words"] if " " not in i and begins_with_site_word(i, site_words)]
    weak_items = [i for c in needing for i in c["words"] if " " not in i]
    return {
        CRISIS_FIELD: " ".join(concept_words(strong, everyday, words, site_words, vocabulary)),
        SIGNAL_FIELD: " ".join(concept_words(weak_items, everyday | site_words, words, site_words, vocabulary)),
        CONTEXT_FIELD: " ".join(
            context_words(alone, stop | everyday | site_words, vocabulary)
            + concept_words(prefixed, everyday, words, site_words, vocabulary)
        ),
    }


def stop_words(site_dir: Path) -> set[str]:
    """The words lunr leaves out of the index, read from Material's search worker in the built site."""
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        found = STOP_WORDS.search(worker.read_text(encoding="utf-8"))
        if found:
            return set(json.loads(f"[{found.group(1)}]"))
    raise PluginError(
        "macros/hooks_search.py: lunr's stop words not found in Material's search worker"
        " — a new Material version? update STOP_WORDS"
    )


def separator(material: str, stop: set[str]) -> str:
    """Material's separator, plus: a typed word that is a stop word, whole, is a separator too.
    Material splits each typed word with this same pattern (and page text, where lunr drops stop
    words anyway), so a typed "a", "to", "with" or "my" no longer searches every word it begins
    ("alone", "took", "without", "myself"), in any case ("I", "My"). `^...$` spans the whole typed
    word; no lookbehind, which older Safari cannot compile."""

    def any_case(word: str) -> str:  # "to" -> "[tT][oO]": JavaScript has no inline (?i)
        return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)

    words = "|".join(any_case(w) for w in sorted(stop, key=lambda w: (-len(w), w)))
    return f"{material}|^(?:{words})$"


def crisis_phrases(shared: dict[str, Any]) -> list[str]:
    """Every phrase of every group."""
    return [p for group in shared["crisis_search"]["phrases"].values() for p in group]


def card_data(shared: dict[str, Any]) -> dict[str, Any]:
    """What the help card needs: its text, the help page, each country's emergency number and line to
    talk to with its time zones (macros/first_help.py: the same rule as the top of the help page),
    and the crisis words (phrases, concepts, idioms, not_a_crisis and fillers)."""
    return {
        "card": shared["crisis_search"]["card"],
        "help": shared["help_href"],
        "countries": shared["first_help"],
        "phrases": crisis_phrases(shared),
        "concepts": shared["crisis_search"]["concepts"],
        "idioms": shared["crisis_search"]["idioms"],
        "not_a_crisis": shared["crisis_search"]["not_a_crisis"],
        "fillers": shared["crisis_search"]["fillers"],
    }


# --- MkDocs events ---------------------------------------------------------------------------


def on_config(config: Any) -> None:
    _keywords.clear()
    _crisis.clear()
    _set_aside.clear()
    if "shared" not in config.extra:
        raise PluginError(
            "macros/hooks_search.py: the macros plugin must run first — keep `macros` in mkdocs.yml plugins"
        )


def on_files(files: Files, config: Any) -> Files:
    script = files.get_file_from_path(CARD_SCRIPT)
    if script is None:
        raise PluginError(f"docs/{CARD_SCRIPT}: file not found — restore it from git (the search help card)")
    source = Path(script.abs_src_path).read_text(encoding="utf-8")
    if not CARD_DATA_LINE.search(source):
        raise PluginError(
            f"docs/{CARD_SCRIPT}: the line 'const CRISIS_SEARCH_DATA = null;' is missing — restore it from git"
        )
    data = json.dumps(card_data(config.extra["shared"]), ensure_ascii=False, separators=(",", ":"))
    script.content_string = CARD_DATA_LINE.sub(lambda _m: f"const CRISIS_SEARCH_DATA = {data};", source, count=1)
    return files


@event_priority(100)  # before Material's search plugin (priority 0) reads the page
def _before_search(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    if page.meta.get("keywords"):
        _keywords[page.url] = page.meta["keywords"]
    if page.file.src_uri == config.extra["shared"]["help_link"]["page"]:
        _crisis[page.url] = config.extra["shared"]
    heading = SOURCES_HEADING.search(page.content or "")
    if heading:
        _set_aside[page.url] = page.content[heading.start() :]
        page.content = page.content[: heading.start()]
    return context


@event_priority(-100)  # after every other plugin and hook, before the theme renders the page
def _after_search(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    if page.url in _set_aside:
        page.content += _set_aside.pop(page.url)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def on_post_build(config: Any) -> None:
    """Runs after Material's search plugin has written the index (hooks run after plugins)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return  # search switched off in mkdocs.yml
    index = json.loads(path.read_text(encoding="utf-8"))
    stop = stop_words(Path(config.site_dir))
    index["config"]["separator"] = separator(index["config"]["separator"], stop)
    index["config"]["fields"].update(
        {
            field: {"boost": boost}
            for field, boost in (
                (KEYWORDS_FIELD, KEYWORDS_BOOST),
                (CRISIS_FIELD, CRISIS_BOOST),
                (SIGNAL_FIELD, SIGNAL_BOOST),
                (CONTEXT_FIELD, CONTEXT_BOOST),
            )
        }
    )
    pages = {entry["location"]: entry for entry in index["docs"] if "#" not in entry["location"]}
    for url, words in _keywords.items():
        if url in pages:  # not if `search: exclude: true`
            pages[url][KEYWORDS_FIELD] = index_text(words)
    for url, shared in _crisis.items():
        if url in pages:
            everyday = everyday_words({u: w for u, w in _keywords.items() if u != url})
            site_words = {w for e in index["docs"] if e["location"].split("#")[0] != url for w in text_words(e)}
            concepts = shared["crisis_search"]["concepts"]
            pages[url].update(crisis_fields(concepts, crisis_phrases(shared), everyday, stop, site_words))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
