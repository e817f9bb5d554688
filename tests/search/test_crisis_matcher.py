"""The search help card's logic, run fast in V8 (mini-racer) on the SHIPPED script: the built
site/javascripts/crisis-search.js with the data the build writes into it. No page, no browser.

- the untuned phrasings (tests/search/untuned-phrasings.yml, never copied into the data file): the
  card shows at once, from the words alone, for at least 90 % of the crisis ones, and for at most
  10 % of the ordinary ones even when the site's search (Material's worker on the built index,
  tests/support/site_search.py) adds its answer;
- the training phrasings (tests/search/training-phrasings.yml, which the word lists may be tuned on):
  at least 95 % and at most 7 %, the same way (7, not 5: the safety review's fixes show the card
  for some everyday wording too, "i'm done with my exams"; a missed card costs more);
- every phrase of the data file, with and without apostrophes, and typing slips;
- the reader's likely country (time zone + languages), the one guess both scripts use;
- each country's line to talk to (macros/first_help.py), on a small data file of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from py_mini_racer import MiniRacer

from conftest import ROOT, read_shared_content
from macros.data_files import parse_yaml
from macros.render import time_zones
from macros.schema import CrisisCountry, listening_line
from support.site_pages import page_path
from support.site_search import SiteSearch, card_script, card_shows, cards_show, with_card, with_card_after_search

UNTUNED = parse_yaml((ROOT / "tests/search/untuned-phrasings.yml").read_text(encoding="utf-8"))
TRAINING = parse_yaml((ROOT / "tests/search/training-phrasings.yml").read_text(encoding="utf-8"))
PHRASES = sorted(
    {
        form
        for group in read_shared_content()["crisis_search"]["phrases"].values()
        for p in group
        for form in (p, re.sub(r"['’]", "", p))
    }
)


@pytest.fixture(scope="module")
def v8(site: Path) -> MiniRacer:
    return card_script(site)


@pytest.fixture(scope="module")
def engine(site: Path) -> Callable[[str], bool]:
    """What the card script reads from the results list: Get help now first, no typed word missing."""
    search = SiteSearch(site)
    help_page = page_path(read_shared_content()["help_link"]["page"])

    def says_help(query: str) -> bool:
        items = search.answer(query)
        return bool(items) and items[0]["location"] == help_page and all(items[0]["terms"].values())

    return says_help


CRISIS = [q for name in UNTUNED if name.endswith("crisis") for q in UNTUNED[name]]
ORDINARY = [q for name in UNTUNED if name.endswith("ordinary") for q in UNTUNED[name]]


def test_the_card_shows_at_once_for_untuned_crisis_phrasings(v8: MiniRacer) -> None:
    """From the words alone (before the search answers): every list of crisis phrasings together."""
    missed = with_card(v8, CRISIS, shown=False)
    share = 1 - len(missed) / len(CRISIS)
    assert share >= 0.9, (
        f"the card showed for {share:.0%} of the crisis phrasings (at least 90 % needed); missed: {missed}"
    )


def test_the_card_rarely_shows_for_ordinary_questions(v8: MiniRacer, engine: Callable[[str], bool]) -> None:
    """With the search's answer too (the most cards the page can show): every ordinary list together."""
    shown = with_card_after_search(v8, ORDINARY, engine)
    share = len(shown) / len(ORDINARY)
    assert share <= 0.1, f"the card showed for {share:.0%} of the ordinary questions (at most 10 %): {shown}"


@pytest.mark.parametrize("name", [n for n in UNTUNED if n.endswith("crisis")])
def test_no_list_of_crisis_phrasings_falls_far_behind(v8: MiniRacer, name: str) -> None:
    """Each list on its own, so that one list's misses cannot hide behind the others' successes."""
    missed = with_card(v8, UNTUNED[name], shown=False)
    share = 1 - len(missed) / len(UNTUNED[name])
    assert share >= 0.85, f"{name}: the card showed for {share:.0%} (at least 85 % needed); missed: {missed}"


# The training list may be tuned on (see its header), so its bars are higher: it holds what was fixed.


def test_the_training_crisis_phrasings_show_the_card(v8: MiniRacer) -> None:
    """From the words alone, as for the untuned lists."""
    missed = with_card(v8, TRAINING["crisis"], shown=False)
    share = 1 - len(missed) / len(TRAINING["crisis"])
    assert share >= 0.95, (
        f"training crisis phrasings: the card showed for {share:.0%} (at least 95 %); missed: {missed}"
    )


def test_the_training_ordinary_questions_show_no_card(v8: MiniRacer, engine: Callable[[str], bool]) -> None:
    """With the search's answer too, as for the untuned lists. At most 13 % (94 of 765), not 5 %: two safety reviews
    found that idioms which hid everyday questions here ("kill me if im late", "nobody gets hurt",
    "he is dead") also hid threats and wishes to die, so they were removed; a needless card costs
    little. The untuned and held-out lists keep their own bars."""
    shown = with_card_after_search(v8, TRAINING["ordinary"], engine)
    share = len(shown) / len(TRAINING["ordinary"])
    assert share <= 0.13, f"training ordinary questions: the card showed for {share:.0%} (at most 13 %): {shown}"


ENGINE_CASES = [
    # (typed, the search put Get help now first, card): the search's answer completes a weaker
    # concept, never shows the card alone, and never hides one the words show.
    ("my last day", True, True),
    ("my last day", False, False),
    ("what is ipt", True, False),
    ("i want to die", False, True),
]


@pytest.mark.parametrize(("typed", "engine_says_help", "card"), ENGINE_CASES)
def test_the_search_answer_is_a_second_signal_only(
    v8: MiniRacer, typed: str, engine_says_help: bool, card: bool
) -> None:
    assert card_shows(v8, typed, engine_says_help) is card, (
        f"'{typed}' (search says help: {engine_says_help}): card should be {card}"
    )


HELD_OUT = parse_yaml((ROOT / "tests/search/held-out-phrasings.yml").read_text(encoding="utf-8"))


def changed_by_history(new_script: Callable[[], MiniRacer], sample: list[str], history: list[str]) -> list[str]:
    """The searches of `sample` whose decision on a fresh page differs from the decision on another
    page after every search of `history` (the sample then in the other order)."""
    fresh, used = new_script(), new_script()
    try:
        first = cards_show(fresh, sample)
        cards_show(used, history, True)
        later = cards_show(used, sample[::-1])[::-1]
    finally:
        fresh.close()
        used.close()
    return [q for q, a, b in zip(sample, first, later, strict=True) if a != b]


def test_a_decision_does_not_depend_on_what_was_searched_before(site: Path) -> None:
    """The script keeps what each typed word matched, to decide faster on the next key: the card must
    still show for the same words whatever was typed before."""
    sample, history = (
        TRAINING["crisis"][::20] + TRAINING["ordinary"][::20],
        TRAINING["crisis"][1::4] + TRAINING["ordinary"][1::4],
    )
    changed = changed_by_history(lambda: card_script(site), sample, history)
    assert not changed, f"the card's decision changed after other searches for: {changed}"


def test_history_check_names_a_decision_that_drifts() -> None:
    """A bad example: a script that starts showing the card after 50 searches."""

    def drifting() -> MiniRacer:
        v8 = MiniRacer()
        v8.eval("var CRISIS_SEARCH_DATA = {}; var n = 0;")
        v8.eval("var IPTCrisisSearch = { looksLikeCrisis: function () { n += 1; return n > 50; } };")
        return v8

    assert changed_by_history(drifting, ["what is ipt", "grief"], ["x"] * 60) == ["what is ipt", "grief"]


def test_the_held_out_phrasings_do_not_get_worse(v8: MiniRacer) -> None:
    """Never tuned on (see the file's header): crisis 80 of 95 and ordinary 8 of 62 when first
    measured; 88 of 95 and 6 of 62 after the card's words were widened and two safety reviews."""
    crisis = [item["text"] for item in HELD_OUT["crisis"]]
    ordinary = [item if isinstance(item, str) else item["text"] for item in HELD_OUT["ordinary"]]
    missed = with_card(v8, crisis, shown=False)
    assert len(missed) <= 5, f"held-out crisis phrasings: {len(missed)} of 95 got no card (5 before): {missed}"
    wrongly = with_card(v8, ordinary)
    assert len(wrongly) <= 6, f"held-out ordinary questions: {len(wrongly)} of 62 got the card (6 before): {wrongly}"


def test_the_untuned_phrasings_stay_out_of_the_data_file() -> None:
    listed = set(PHRASES)
    copied = [q for name in UNTUNED for q in UNTUNED[name] if q in listed or re.sub(r"['’]", "", q) in listed]
    assert not copied, f"untuned phrasings copied into crisis_search.phrases (remove them there): {copied}"


def test_every_phrase_of_the_data_file_shows_the_card(v8: MiniRacer) -> None:
    """Each phrase, without its apostrophes, and in capitals with "!!" (case and punctuation must not matter)."""
    typed = PHRASES + [phrase.upper() + "!!" for phrase in PHRASES]
    missed = with_card(v8, typed, shown=False)
    assert not missed, f"macros/data/shared-content.yml: crisis_search.phrases that show no help card: {missed}"


SLIPS = [
    ("i want to dye", True),
    ("sucidal", True),
    ("suicdie", True),
    ("suiicidal", True),
    ("overdossed", True),
    ("kill my slef", True),
    ("I can’t  COPE!!", True),
    ("strangeld", True),
    ("homeless", False),
    ("hopeful", False),
    ("strange dreams", False),
    ("a", False),
    ("", False),
    ("   ", False),
]


@pytest.mark.parametrize(("typed", "card"), SLIPS)
def test_typing_slips(v8: MiniRacer, typed: str, card: bool) -> None:
    assert card_shows(v8, typed) is card, f"'{typed}': card shown should be {card}"


# --- the decision's rules, on word lists of their own (not today's data) ------------------------

RULES = {
    "phrases": ["i want to die", "self harm"],
    "concepts": {
        "harm": {"alone": False, "needs": ["self"], "words": ["hurt*"]},
        "self": {"alone": False, "needs": [], "words": ["myself"]},
        "hopeless": {"alone": True, "needs": [], "words": ["nothing to live for"]},
        "pills": {"alone": False, "needs": ["amount"], "words": ["pill*"]},
        "amount": {"alone": False, "needs": [], "words": ["#"]},
    },
    "idioms": ["hurt* * feelings"],
    "not_a_crisis": ["* awareness day"],
    "fillers": ["just"],
}
RULE_CASES = [
    ("I WANT TO DIE!!", True),  # a listed phrase
    ("i just want to die", True),  # ... with a filler word, which is dropped
    ("i keep hurting myself", True),  # a concept with one it needs, said by other words
    ("hurting", False),  # ... but not alone
    ("i hurt her feelings myself", False),  # an idiom's words count for nothing; a lone * is any one word
    ("i hurt my mums feelings myself", True),  # ... exactly one word
    ("i hurt her best friends feelings myself", True),  # ... and an idiom is matched word for word
    ("nothing left to live for", True),  # a concept's item of 3 words or more may have one word more inside
    ("nothing left at all to live for", False),  # ... not two
    ("self harm awareness day", False),  # a wording that is never a crisis is blanked, even a phrase in it
    ("i want to die on self harm awareness day", True),  # ... its own words only
    ("i took 30 pills", True),  # a lone # is any number typed in digits
    ("i took 3x pills", True),  # ... also written "3x"
    ("i took 3.5 pills", True),  # ... where "3" and "5" are numbers too
    ("i took 500mg pills", True),  # ... with a unit after it
    ("i took x30 pills", False),  # ... but starting with a digit
    ("i took three pills", False),  # ... but a number word only where the data file lists it
]


@pytest.mark.parametrize(("typed", "card"), RULE_CASES)
def test_the_rules_of_the_decision(v8: MiniRacer, typed: str, card: bool) -> None:
    shown = v8.eval(f"IPTCrisisSearch.looksLikeCrisis({json.dumps(typed)}, {json.dumps(RULES)}, false)")
    assert shown is card, f"'{typed}' with the rules' own word lists: card should be {card}"


# --- the reader's likely country: one function, used by the card and by the help page ----------

# The guess runs on a list of countries of its own (as the data file would give it), so these cases
# hold whichever countries an organisation lists.
COUNTRIES = [{"code": code, "zones": time_zones(code)} for code in ("US", "CA", "GB", "IE", "AU", "NZ")]
GUESSES = [
    ("America/New_York", ["en-US"], "US"),
    ("US/Eastern", [], "US"),  # an old alias name: browsers report either
    ("America/Toronto", ["fr-CA"], "CA"),
    ("Europe/London", ["en-US"], "GB"),  # the time zone wins over languages
    ("Europe/Dublin", [], "IE"),
    ("Australia/Sydney", ["en"], "AU"),
    ("Pacific/Auckland", ["mi"], "NZ"),
    ("UTC", ["en-GB"], "GB"),  # a zone that names no place: languages decide
    ("Etc/GMT+5", ["de", "en-NZ"], "NZ"),
    ("", ["en-AU"], "AU"),
    ("UTC", ["en"], ""),  # a language with no country: unsure
    ("UTC", ["not a tag!", ""], ""),
    ("Europe/Berlin", ["en-GB"], ""),  # a country not listed: unsure, not the language's
]


@pytest.mark.parametrize(("zone", "languages", "country"), GUESSES)
def test_the_likely_country(v8: MiniRacer, zone: str, languages: list[str], country: str) -> None:
    guess = v8.eval(
        f"IPTCrisisSearch.guessCountry({json.dumps(zone)}, {json.dumps(languages)}, {json.dumps(COUNTRIES)})"
    )
    assert guess == country, f"time zone {zone!r}, languages {languages}: guessed {guess!r}, expected {country!r}"


def test_country_first_uses_the_same_guess(site: Path) -> None:
    """No copy of the guess: the crisis page's script calls the card script's function."""
    script = (site / "javascripts/country-first.js").read_text(encoding="utf-8")
    assert "IPTCrisisSearch.readerCountry(" in script
    assert "timeZone" not in script and "navigator" not in script, "country-first.js guesses by itself again"


# --- the line to talk to: the rule, on a small data file -------------------------------------------

FIXTURE = """
emergency: "123"
services:
  - {name: Youth line, for: [young-people], number: "1", how: [call], hours: Always, source: "https://a.example/", checked: 2026-01-01}
  - {name: Text only, for: [crisis], number: "2", how: [text], hours: Always, source: "https://b.example/", checked: 2026-01-01}
  - {name: One region, for: [crisis], number: "3", how: [call], areas: [Wales], hours: Always, source: "https://c.example/", checked: 2026-01-01}
  - {name: Listening line, for: [crisis, young-people], number: "4", how: [call, text], hours: Always, source: "https://d.example/", checked: 2026-01-01}
  - {name: Second line, for: [crisis], number: "5", how: [call], hours: Always, source: "https://e.example/", checked: 2026-01-01}
"""


def test_the_listening_line_is_the_first_crisis_line_that_takes_calls_everywhere() -> None:
    country = CrisisCountry.model_validate(parse_yaml(FIXTURE), strict=False)
    assert listening_line(country).name == "Listening line"
    only_text = parse_yaml(FIXTURE)
    only_text["services"] = only_text["services"][:3]
    assert listening_line(CrisisCountry.model_validate(only_text, strict=False)) is None


def test_the_card_carries_each_countrys_emergency_number_and_listening_line(v8: MiniRacer) -> None:
    countries = {c["code"]: c for c in json.loads(v8.eval("JSON.stringify(CRISIS_SEARCH_DATA.countries)"))}
    shared = read_shared_content()
    assert list(countries) == list(shared["crisis"]), "every country, in the data file's order"
    for code, country in shared["crisis"].items():
        assert countries[code]["emergency"] == country["emergency"]
        first = next(
            (s for s in country["services"] if "crisis" in s["for"] and "call" in s["how"] and not s.get("areas")), None
        )
        assert (countries[code]["listen"] or {}).get("number") == (first or {}).get("number"), code
