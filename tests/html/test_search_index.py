"""The built search index carries readers' words (macros/hooks_search.py): each page's front-matter
`keywords` and, on the help page only, the crisis phrases, in fields that are searched but never
shown. The help card script gets its data at build time. Bad setups stop the build with one line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, Project, error_lines
from macros import hooks_search
from macros.data_files import parse_yaml
from macros.schema import COUNTRY_NAMES
from support.site_pages import page_path, sources
from support.site_search import SiteSearch

SHOWN_FIELDS = ("title", "text")
CRISIS_FIELDS = ("crisis", "crisis_signal", "crisis_context")


def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def page_entries(site: Path) -> dict[str, dict]:
    return {e["location"]: e for e in index(site)["docs"] if "#" not in e["location"]}


def front_matter(src: Path) -> dict:
    return parse_yaml(src.read_text(encoding="utf-8").split("---")[1])


def test_every_page_has_keywords() -> None:
    missing = [s.uri for s in sources(ROOT) if not front_matter(ROOT / "docs" / s.uri).get("keywords")]
    assert not missing, f"pages without `keywords:` in their front matter: {missing}"


def test_keywords_are_searchable_on_their_page(site: Path) -> None:
    fields = index(site)["config"]["fields"]
    assert {"keywords", *CRISIS_FIELDS} <= set(fields), fields
    entries = page_entries(site)
    for src in sources(ROOT):
        words = front_matter(ROOT / "docs" / src.uri).get("keywords") or []
        indexed = entries[page_path(src.uri)].get("keywords", "")
        for word in words:
            assert str(word).lower() in indexed, f"docs/{src.uri}: keyword '{word}' is not in the search index"


def test_everyday_words_of_crisis_phrases_stay_out_of_the_crisis_fields(site: Path) -> None:
    """Only concept words are indexed: the phrases' family, place and common words are not."""
    help_page = page_entries(site)["get-help-now/"]
    indexed = {w for f in CRISIS_FIELDS for w in help_page[f].split()}
    assert {"suicidal", "raped", "hits", "burden"} <= indexed
    assert not {"myself", "partner", "mum", "home", "help", "safe", "without", "here", "self"} & indexed


def test_crisis_phrases_are_on_the_help_page_only_and_never_shown(site: Path, shared_content: dict) -> None:
    help_path = page_path(shared_content["help_link"]["page"])
    docs = index(site)["docs"]
    with_crisis = [e["location"] for e in docs if any(f in e for f in CRISIS_FIELDS)]
    assert with_crisis == [help_path]
    # Words only the phrase list uses (the help page's own text may rightly say "suicidal").
    help_page = docs[[e["location"] for e in docs].index(help_path)]
    for word in ("kms", "unalive", "suicidle", "overdoes"):
        assert word in " ".join(help_page[f] for f in CRISIS_FIELDS)
        shown = [e["location"] for e in docs for f in SHOWN_FIELDS if re.search(rf"\b{word}\b", e.get(f, ""), re.I)]
        assert not shown, f"'{word}' shows in the results text of {shown}"


def test_help_card_gets_its_data_at_build_time(site: Path, shared_content: dict) -> None:
    help_path = page_path(shared_content["help_link"]["page"])
    script = (site / "javascripts" / "crisis-search.js").read_text(encoding="utf-8")
    line = next(l for l in script.splitlines() if l.startswith("const CRISIS_SEARCH_DATA = "))
    data = json.loads(line.removeprefix("const CRISIS_SEARCH_DATA = ").removesuffix(";"))
    assert data["help"] == help_path
    assert data["card"] == shared_content["crisis_search"]["card"]
    assert [(c["code"], c["country"], c["emergency"]) for c in data["countries"]] == [
        (code, COUNTRY_NAMES[code], c["emergency"]) for code, c in shared_content["crisis"].items()
    ]
    concepts = shared_content["crisis_search"]["concepts"]
    assert {n: c["words"] for n, c in data["concepts"].items()} == {n: c["words"] for n, c in concepts.items()}
    assert {n: (c["alone"], c["needs"]) for n, c in data["concepts"].items()} == {
        n: (c.get("alone", False), c.get("needs", [])) for n, c in concepts.items()
    }
    assert data["idioms"] == shared_content["crisis_search"]["idioms"]
    assert len(data["phrases"]) == sum(len(g) for g in shared_content["crisis_search"]["phrases"].values())
    # Loaded on every page, same origin, no inline copy.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="javascripts/crisis-search\.js"></script>', home)
    assert "CRISIS_SEARCH_DATA" not in home


def test_a_new_page_with_keywords_is_found_by_them(project: Project) -> None:
    """Editors add pages with `keywords:`; nothing else is needed for search to use them."""
    project.write(
        "docs/new-page.md",
        "---\ntitle: A new page\ndescription: A page an editor added, to check"
        " that its keywords reach the search.\nlast_reviewed: 2026-11-26\nreview_due: 2027-11-26\n"
        "kind: page\nkeywords:\n  - brand new words\n  - don't panic\n---\n\n# A new page\n\nHello.\n",
    )
    text = (project.path / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    (project.path / "mkdocs.yml").write_text(
        text.replace("\nnav:\n", "\nnav:\n  - New: new-page.md\n", 1), encoding="utf-8"
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    entry = page_entries(project.path / "site")["new-page/"]
    assert entry["keywords"].split() == ["brand", "new", "words", "don't", "don’t", "dont", "panic"]


def test_build_stops_when_the_card_data_line_is_gone(project: Project) -> None:
    script = project.path / "docs/javascripts/crisis-search.js"
    script.write_text(
        script.read_text(encoding="utf-8").replace("const CRISIS_SEARCH_DATA = null;", "let x;"), encoding="utf-8"
    )
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        "ERROR   -  docs/javascripts/crisis-search.js: the line 'const CRISIS_SEARCH_DATA = null;' is missing"
        " — restore it from git"
    ], result.stderr


def test_stop_words_come_from_material(site: Path) -> None:
    """Lunr's stop words are read from Material's worker, or the build stops."""
    stop = hooks_search.stop_words(site)
    assert {"a", "off", "me", "the"} <= stop and "die" not in stop
    with pytest.raises(PluginError) as err:
        hooks_search.stop_words(site / "search")  # a folder without Material's worker
    assert str(err.value) == (
        "macros/hooks_search.py: lunr's stop words not found in Material's search worker"
        " — a new Material version? update STOP_WORDS"
    )


@pytest.mark.parametrize(
    ("item", "vocabulary", "forms"),
    [
        ("hits", set(), ["hits"]),  # a whole word stays as it is
        ("rape*", set(), ["rape", "rapes", "raped", "raping"]),  # a stem ending in e; never "raper"
        ("stalk*", set(), ["stalk", "stalks", "stalked", "stalking"]),  # no "stalke", no "stalker"
        ("hang*", set(), ["hang", "hangs", "hanged", "hanging"]),  # never "hanger": another word
        ("jump*", set(), ["jump", "jumps", "jumped", "jumping"]),  # never "jumper"
        ("pin*", {"pin", "pine"}, ["pin", "pins", "pinned", "pinning"]),  # the site says "pin": not "pine"
        ("stab*", {"stabbed"}, ["stab", "stabs", "stabbed", "stabbing"]),  # "stabbed" is a form of "stab"
        ("chok*", {"choked"}, ["choke", "chokes", "choked", "choking"]),  # "choked" is a form of "choke"
        ("decid*", {"decided"}, ["decide", "decides", "decided", "deciding"]),
        ("chok*", set(), ["chok", "choks", "chokked", "chokking", "choke", "chokes", "choked", "choking"]),
        ("punch*", set(), ["punch", "punches", "punched", "punching"]),
        ("bully*", set(), ["bully", "bullies", "bullied", "bullying"]),
        ("hopeless*", set(), ["hopeless", "hopelessness"]),
        ("sexual*", set(), ["sexual", "sexually"]),
        ("rapist*", set(), ["rapist", "rapists"]),
    ],
)
def test_a_concept_stem_gets_the_real_forms_of_its_word(item: str, vocabulary: set[str], forms: list[str]) -> None:
    """Real forms only: a form that is another everyday word (cute, cuter, jumper, hanger) would put
    the help page first for it. Which word a stem is, the words of the site and phrases say; a stem
    they do not spell gets both ("chok*")."""
    assert hooks_search.word_forms(item, vocabulary) == forms


@pytest.mark.parametrize(
    ("forms", "longest"),
    [
        (["hurt", "hurts", "hurting"], ["hurts", "hurting"]),  # a typed "hurt" finds both
        (["die", "dies", "died", "die"], ["dies", "died"]),
        (["kms"], ["kms"]),
    ],
)
def test_a_concept_word_is_indexed_in_its_longest_forms(forms: list[str], longest: list[str]) -> None:
    assert hooks_search.longest(forms) == longest


CONCEPTS = {
    "sexual": {"alone": True, "words": ["rape*", "selfharm*", "a burden", "hate my life", "abusive parent*"]},
    "violence": {"needs": ["person"], "words": ["hits", "threat*", "medication*", "dead"]},
    "nobody": {"needs": ["person"], "words": ["nobody"]},
    "refused": {"needs": ["nobody"], "words": ["said no"]},
    "person": {"words": ["partner", "someone"]},
}


def test_the_crisis_fields_hold_concept_words_only() -> None:
    """`crisis`: the one-word items of `alone` concepts, in their longest forms, and the phrases'
    spellings of them ("raped"). `crisis_signal`: the same for concepts that need a second signal,
    but not a family with another page's keyword ("medications") or word ("dead"), nor a helper
    another concept needs ("nobody"). `crisis_context`: the words of several-word alone items that
    no page uses ("burden", "hate", "abusive"; not "life", not the stop word "a", not "parent*",
    whose "parent" is the site's), and an alone item that begins with a word of the site, only as
    the phrases spell it ("selfharming": a typed "self" finds it too). Never a helper concept
    ("partner"), never a phrase's other words ("my", "partner")."""
    fields = hooks_search.crisis_fields(
        CONCEPTS,
        phrases=["my partner hits me", "i was raped", "selfharming"],
        everyday={"medications"},
        stop={"a", "my", "me", "i", "was"},
        site_words={"self", "life", "parent", "dead"},
    )
    assert fields == {
        "crisis": "rapes raped raping",
        "crisis_signal": "hits threats threated threating",
        "crisis_context": "abusive burden hate selfharming",
    }


def test_the_separator_drops_whole_typed_stop_words_in_any_case() -> None:
    assert hooks_search.separator("[\\s\\-]+", {"a", "to"}) == "[\\s\\-]+|^(?:[tT][oO]|[aA])$"


@pytest.mark.parametrize(
    ("typed", "same_as"),
    [
        ("I", ""),  # only stop words: no results at all, as for an empty box
        ("with a to", ""),
        ("My dad died", "dad died"),  # "my" no longer matches "myself" on the help page
        ("i feel worse after therapy", "feel worse therapy"),
        ("WITH", ""),
        ("without", "without"),  # a longer word that begins with a stop word is searched
    ],
)
def test_typed_stop_words_search_nothing(site: Path, typed: str, same_as: str) -> None:
    """Material's own worker on the built index (tests/support/site_search.py)."""
    with SiteSearch(site) as search:
        assert search.pages(typed) == search.pages(same_as)
        if typed == "without":
            assert search.pages(typed), "'without' should find pages"
