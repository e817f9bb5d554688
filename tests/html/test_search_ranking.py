"""Search ranking, tested in `make check` with the site's own search (tests/support/site_search.py:
Material's search worker on the built index, no browser):

- every page lists, in its front matter, `questions:` readers type that must find it in the top 3;
- every crisis phrase of macros/data/shared-content.yml (and its form without apostrophes) brings
  help first: the help card shows above the results (the built docs/javascripts/crisis-search.js)
  OR the help page is the first result, and a phrase with a word that says crisis alone (a
  one-word item of an `alone` concept: "suicidal", "die") puts the help page first as well;
- everyday questions that share a word with crisis talk find their page and do not put the help
  page first: the search does not "cry wolf". everyday-questions.yml is held out (never tuned
  to, never copied into pages); everyday-training.yml is the list the ranking was tuned on.

Each failure is one line naming the file to change and the pages that won instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from py_mini_racer import MiniRacer

from conftest import ROOT, Project, error_lines
from macros.data_files import parse_yaml
from quality.front_matter import front_matter_problems
from support.site_pages import Source, page_path, read_source, sources
from support.site_search import SiteSearch, card_script, card_shows, cards_show, says_crisis_alone

EVERYDAY = Path(__file__).with_name("everyday-questions.yml")
TRAINING = Path(__file__).with_name("everyday-training.yml")
TOP = 3
# The everyday sets' bar. The goal is the right page in the top 3 for 9 in 10 questions and the
# help page first for at most 1 in 10. Since the help page is found by crisis concept words only
# (see macros/hooks_search.py) the site reaches 45 and 0 of 49 (held out), 46 and 1 of 50
# (training): the bar is the goal. Raise it as the ranking improves; never lower it.
FOUND_AT_LEAST, HELP_FIRST_AT_MOST = 0.9, 0.1


@pytest.fixture(scope="module")
def search(site: Path) -> Iterator[SiteSearch]:
    with SiteSearch(site) as search:
        yield search


@pytest.fixture(scope="module")
def card(site: Path) -> Iterator[MiniRacer]:
    """The built help card script, its logic only (no page), as tests/search/ runs it."""
    with card_script(site) as v8:
        yield v8


def ranked(results: list[str]) -> str:
    return ", ".join(f"{i}. /{p}" for i, p in enumerate(results[:TOP], 1)) or "no results"


def position(page: str, results: list[str]) -> str:
    return f"/{page} is #{results.index(page) + 1}" if page in results else f"/{page} is not found"


def question_line(src: Source, question: str) -> int:
    """The line of `question` in the front matter (first line of the file if not found)."""
    start = src.line_of_key("questions") or 1
    lines = src.text.splitlines()
    return next((n for n in range(start, len(lines) + 1) if question in lines[n - 1]), start)


def page_problems(src: Source, search: SiteSearch) -> list[str]:
    """'' for a page its questions find in the top 3; else one line per problem."""
    if (src.meta.get("search") or {}).get("exclude"):
        return []  # not in the search at all
    questions = src.meta.get("questions")
    if not questions:
        return [
            f"{src.label}: no `questions:` in the front matter — add one or more questions a reader"
            f' would type to find this page (see CONTRIBUTING.md, "Search: readers\' own words")'
        ]
    problems = []
    for question in questions:
        results = search.pages(str(question))
        if src.url_path not in results[:TOP]:
            problems.append(
                f'{src.label}:{question_line(src, str(question))}: search "{question}" should list this page'
                f" in the top {TOP}, got {ranked(results)} ({position(src.url_path, results)})"
                " — add the reader's words to `keywords:` or to the page's text"
            )
    return problems


def typed_forms(shared: dict) -> list[tuple[str, str]]:
    """(what is typed, its group): every crisis phrase, and its form without apostrophes."""
    forms: dict[str, str] = {}
    for group, phrases in shared["crisis_search"]["phrases"].items():
        for phrase in phrases:
            forms.setdefault(phrase, group)
            forms.setdefault(re.sub(r"['’]", "", phrase), group)
    return list(forms.items())


def crisis_problem(phrase: str, group: str, results: list[str], help_path: str, card: bool, alone: bool) -> str:
    """'' when the phrase brings help first; else one line naming it and what the search listed."""
    if results[:1] == [help_path] or (card and not alone):
        return ""
    why = "has a word that says crisis alone, so it should list" if alone else "shows no help card, so it should list"
    return (
        f'macros/data/shared-content.yml: crisis_search.phrases.{group}: search "{phrase}" {why}'
        f" /{help_path} first, got {ranked(results)} ({position(help_path, results)})"
        ' — see "Crisis words" in CONTRIBUTING.md'
    )


def crisis_problems(shared: dict, search: SiteSearch, card: MiniRacer) -> list[str]:
    help_path = page_path(shared["help_link"]["page"])
    forms = typed_forms(shared)
    cards = cards_show(card, [phrase for phrase, _ in forms])
    return [
        problem
        for (phrase, group), shown in zip(forms, cards, strict=True)
        if (
            problem := crisis_problem(
                phrase, group, search.pages(phrase), help_path, shown, says_crisis_alone(phrase, shared)
            )
        )
    ]


def everyday_figures(entries: list[dict], search: SiteSearch, help_path: str) -> tuple[list[str], list[str]]:
    """(questions whose page is not in the top 3, questions that put the help page first), each as
    a line naming the question, its page and what won."""
    missed, wolf = [], []
    for entry in entries:
        results = search.pages(entry["question"])
        line = f'"{entry["question"]}" (for /{entry["page"]}): {ranked(results)}'
        if entry["page"] not in results[:TOP]:
            missed.append(line)
        if results[:1] == [help_path]:
            wolf.append(line)
    return missed, wolf


def everyday_problems(entries: list[dict], search: SiteSearch, help_path: str, name: str = EVERYDAY.name) -> list[str]:
    missed, wolf = everyday_figures(entries, search, help_path)
    n, problems = len(entries), []
    if n - len(missed) < n * FOUND_AT_LEAST:  # not len(missed) > n * (1 - 0.9): 1 - 0.9 < 0.1
        problems.append(
            f"{name}: the page is in the top {TOP} for {n - len(missed)} of {n} questions,"
            f" fewer than {FOUND_AT_LEAST:.0%}; missed: " + "; ".join(missed)
        )
    if len(wolf) > n * HELP_FIRST_AT_MOST:
        problems.append(
            f"{name}: /{help_path} is first for {len(wolf)} of {n} everyday questions,"
            f" more than {HELP_FIRST_AT_MOST:.0%}: " + "; ".join(wolf)
        )
    return problems


def read_everyday(path: Path = EVERYDAY) -> list[dict]:
    return parse_yaml(path.read_text(encoding="utf-8"))


# --- the real site ------------------------------------------------------------------------------


def test_every_page_is_found_by_its_readers_questions(search: SiteSearch) -> None:
    problems = [line for src in sources(ROOT) for line in page_problems(src, search)]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_crisis_phrase_brings_help_first(search: SiteSearch, card: MiniRacer, shared_content: dict) -> None:
    """The card shows or the help page comes first; with a word that says crisis alone, the help
    page comes first too."""
    forms = typed_forms(shared_content)
    assert len(forms) >= 80, "the data file should list at least 80 crisis phrasings"
    assert sum(says_crisis_alone(phrase, shared_content) for phrase, _ in forms) >= 20
    problems = crisis_problems(shared_content, search, card)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("path", [EVERYDAY, TRAINING], ids=lambda p: p.name)
def test_everyday_questions_do_not_cry_wolf(search: SiteSearch, shared_content: dict, path: Path) -> None:
    entries = read_everyday(path)
    assert len(entries) >= 40, f"{path.name} should hold at least 40 everyday questions"
    pages = {src.url_path for src in sources(ROOT)}
    unknown = [e["page"] for e in entries if e["page"] not in pages]
    assert not unknown, f"{path.name}: pages that do not exist: {unknown}"
    problems = everyday_problems(entries, search, page_path(shared_content["help_link"]["page"]), path.name)
    assert not problems, "\n".join(problems)


# --- the checks can fail ------------------------------------------------------------------------


def write_page(tmp_path: Path, name: str, front_matter: str) -> Source:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter}---\n\n# A page\n", encoding="utf-8")
    return read_source(tmp_path, path)


def test_a_page_without_questions_fails_with_one_line(tmp_path: Path, search: SiteSearch) -> None:
    src = write_page(tmp_path, "lonely.md", "title: T\nkeywords:\n  - lonely\n")
    assert page_problems(src, search) == [
        "docs/lonely.md: no `questions:` in the front matter — add one or more questions a reader would type"
        ' to find this page (see CONTRIBUTING.md, "Search: readers\' own words")'
    ]
    assert page_problems(write_page(tmp_path, "hidden.md", "search:\n  exclude: true\n"), search) == []


def test_a_question_that_misses_its_page_names_the_winners(tmp_path: Path, search: SiteSearch) -> None:
    """A page of the real site given a question that finds another page (focus-areas/grief/ asked
    "lonely"): the line names the question's line, what won, and where the page came."""
    src = write_page(tmp_path, "focus-areas/grief.md", "title: T\nquestions:\n  - my mum died\n  - lonely\n")
    results = search.pages("lonely")
    assert results and "focus-areas/grief/" not in results[:TOP]
    assert page_problems(src, search) == [
        f'docs/focus-areas/grief.md:5: search "lonely" should list this page in the top 3, got {ranked(results)}'
        f" ({position('focus-areas/grief/', results)}) — add the reader's words to `keywords:` or to the page's text"
    ]


def test_a_crisis_phrase_that_misses_help_is_named(search: SiteSearch, card: MiniRacer) -> None:
    """Help first is the card or the first result; a word that says crisis alone needs the result."""
    results = search.pages("how many sessions")
    assert not card_shows(card, "how many sessions")
    assert crisis_problem("how many sessions", "panic", results, "get-help-now/", False, False) == (
        'macros/data/shared-content.yml: crisis_search.phrases.panic: search "how many sessions" shows no help'
        f" card, so it should list /get-help-now/ first, got {ranked(results)} ({position('get-help-now/', results)})"
        ' — see "Crisis words" in CONTRIBUTING.md'
    )
    assert crisis_problem("how many sessions", "panic", results, "get-help-now/", True, False) == ""
    assert crisis_problem("how many sessions", "panic", results, "get-help-now/", True, True) == (
        'macros/data/shared-content.yml: crisis_search.phrases.panic: search "how many sessions" has a word'
        " that says crisis alone, so it should list /get-help-now/ first, got"
        f' {ranked(results)} ({position("get-help-now/", results)}) — see "Crisis words" in CONTRIBUTING.md'
    )
    assert crisis_problem("zzqx", "panic", [], "get-help-now/", False, False).endswith(
        'got no results (/get-help-now/ is not found) — see "Crisis words" in CONTRIBUTING.md'
    )
    assert crisis_problem("kms", "suicide", search.pages("kms"), "get-help-now/", True, True) == ""


@pytest.mark.parametrize(
    ("typed", "alone"),
    [
        ("i feel suicidal", True),  # "suicid*"
        ("I'm being RAPED", True),  # case and apostrophes do not matter
        ("no way out", False),  # a several-word item: the card's work
        ("sucidal", False),  # a typing slip: the card's work
        ("my dad died", False),  # "died" needs a second signal
    ],
)
def test_a_word_that_says_crisis_alone(typed: str, alone: bool) -> None:
    concepts = {
        "suicide": {"alone": True, "words": ["suicid*", "no way out"]},
        "sexual": {"alone": True, "words": ["raped"]},
        "dying": {"needs": ["person"], "words": ["died"]},
    }
    assert says_crisis_alone(typed, {"crisis_search": {"concepts": concepts}}) is alone


def test_crying_wolf_is_measured_and_reported(search: SiteSearch) -> None:
    """Ten questions that each put the help page first, for the wrong page: both bars fail."""
    entries = [{"question": "i want to die", "page": "about/"}] * 10
    problems = everyday_problems(entries, search, "get-help-now/")
    line = '"i want to die" (for /about/): ' + ranked(search.pages("i want to die"))
    assert problems == [
        "everyday-questions.yml: the page is in the top 3 for 0 of 10 questions, fewer than 90%; missed: "
        + "; ".join([line] * 10),
        "everyday-questions.yml: /get-help-now/ is first for 10 of 10 everyday questions, more than 10%: "
        + "; ".join([line] * 10),
    ]
    assert everyday_problems([{"question": "lonely", "page": "focus-areas/loneliness/"}], search, "get-help-now/") == []


def test_the_front_matter_model_checks_questions(tmp_path: Path) -> None:
    """`questions:` is checked like every field (macros/schema.py): a list of short questions."""
    head = "title: A page\ndescription: A page with questions, to check the rules.\nlast_reviewed: 2026-11-26\nreview_due: 2027-11-26\n"
    assert front_matter_problems(write_page(tmp_path, "empty.md", head + "questions: []\n")) == [
        "docs/empty.md:6: front matter: questions: is empty — add at least one item"
    ]
    assert front_matter_problems(write_page(tmp_path, "long.md", head + f"questions:\n  - {'x' * 81}\n")) == [
        "docs/long.md:6: front matter: questions[0]: is too long (81 characters) — shorten it to 80"
    ]
    assert front_matter_problems(write_page(tmp_path, "one.md", head + "questions: lonely\n")) == [
        "docs/one.md:6: front matter: questions: must be a list — write each item on a line starting with '- '"
    ]
    assert front_matter_problems(write_page(tmp_path, "good.md", head + "questions:\n  - lonely\n")) == []


def test_an_article_added_as_contributing_says_passes_the_search_checks(project: Project) -> None:
    """CONTRIBUTING.md, "Add a new article": copy the template, fill in the front matter (delete its
    "#" lines), add the page to `nav:`. Then the build and every search check pass for it, so what
    passes `make check` for an editor passes CI too."""
    text = (ROOT / "docs/templates/article.md").read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    filled = {
        "title: ": "title: IPT for older adults",
        "description: ": "description: What IPT is like for people over 60, and what the research says about it.",
        "  - a phrase a reader would type": "  - older adults",
        "  - another everyday word for the subject": "  - depression in later life",
        "  - a question a reader would type to find this page": "  - therapy for older adults",
    }
    lines = [
        next((new for old, new in filled.items() if line.startswith(old)), line)
        for line in head.splitlines()
        if not line.startswith("#")
    ]
    project.write("docs/ipt-for-older-adults.md", "\n".join(lines) + "\n---\n" + body)
    config = (project.path / "mkdocs.yml").read_text(encoding="utf-8")
    project.write(
        "mkdocs.yml", config.replace("\nnav:\n", "\nnav:\n  - IPT for older adults: ipt-for-older-adults.md\n", 1)
    )
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    shared = parse_yaml((project.path / "macros/data/shared-content.yml").read_text(encoding="utf-8"))
    help_path = page_path(shared["help_link"]["page"])
    with SiteSearch(project.path / "site") as search:
        new = read_source(project.path, project.path / "docs/ipt-for-older-adults.md")
        assert new.meta["questions"] == ["therapy for older adults"]
        assert page_problems(new, search) == []
        assert [line for src in sources(project.path) for line in page_problems(src, search)] == []
        with card_script(project.path / "site") as card:
            assert crisis_problems(shared, search, card) == []
        assert everyday_problems(read_everyday(), search, help_path) == []
