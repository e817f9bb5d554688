"""macros/data/shared-content.yml: every kind of bad input stops the build with one line naming the key.

The bad examples break the tests' own small file (tests/fixtures/shared-content.yml), so they do not
change when an organisation lists its own services; the real file is checked by rule at the end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT, Project, error_lines
from macros.data_files import SHARED_CONTENT, DataFileError, load, parse_yaml
from macros.schema import SharedContent
from support.fixture_data import write_fixture

FILE = "macros/data/shared-content.yml"
LINE = "crisis.PT.services[2]"  # the fixture's Example Listening Line: free, takes calls and texts


def line(data: dict) -> dict:
    return data["crisis"]["PT"]["services"][2]


# Each case: (how to break the file, the one line the editor must see).
CASES = {
    "missing key": (
        lambda d: d["disclaimers"].pop("medical"),
        f"{FILE}: disclaimers.medical: this key is missing — add it",
    ),
    "wrong type": (
        lambda d: d["finder"].update(directories="ISIPT"),
        f"{FILE}: finder.directories: must be a list — write each item",
    ),
    "empty text": (
        lambda d: d["disclaimers"]["crisis"].update(text="   "),
        f"{FILE}: disclaimers.crisis.text: is empty — write the text",
    ),
    "http url": (
        lambda d: line(d).update(url="http://listening.example.org/"),
        f"{FILE}: {LINE}.url: 'http://listening.example.org/' is not a web address starting with https://",
    ),
    "javascript url": (
        lambda d: d["finder"].update(url="javascript:alert(1)"),
        f"{FILE}: finder.url: 'javascript:alert(1)' is not a web address starting with https://",
    ),
    "data url": (
        lambda d: d["finder"]["directories"][0].update(url="data:text/html,hi"),
        f"{FILE}: finder.directories[0].url: 'data:text/html,hi' is not a web address starting with https://",
    ),
    "phone with letters": (
        lambda d: line(d).update(number="98B"),
        f"{FILE}: {LINE}.number: '98B' is not a phone number",
    ),
    "unknown country": (
        lambda d: d["crisis"].update(XX=d["crisis"]["NL"]),
        f"{FILE}: crisis.XX (the name itself): 'XX' is not a known two-letter country code",
    ),
    "unknown key": (
        lambda d: d["finder"].update(buton_label="typo"),
        f"{FILE}: finder.buton_label: unknown key — remove it or check its spelling",
    ),
    "crisis phrase with capitals and punctuation": (
        lambda d: d["crisis_search"]["phrases"]["suicide"].append("I Want To Die!"),
        f"{FILE}: crisis_search.phrases.suicide[",
    ),
    "crisis phrase twice": (
        lambda d: d["crisis_search"]["phrases"]["panic"].append("cant cope"),
        f'{FILE}: crisis_search.phrases: "cant cope" (panic) is the same search as "can\'t cope" — keep only one',
    ),
    "crisis group empty": (
        lambda d: d["crisis_search"]["phrases"].update(abuse=[]),
        f"{FILE}: crisis_search.phrases.abuse: is empty — add at least one item",
    ),
    "crisis group unknown": (
        lambda d: d["crisis_search"]["phrases"].update(sadness=["so sad"]),
        f"{FILE}: crisis_search.phrases.sadness: unknown key — remove it or check its spelling",
    ),
    "crisis card text missing": (
        lambda d: d["crisis_search"]["card"].pop("text"),
        f"{FILE}: crisis_search.card.text: this key is missing — add it",
    ),
    "unknown contact method": (
        lambda d: line(d).update(how=["fax"]),
        f"{FILE}: {LINE}.how[0]: must be one of 'call', 'text', 'chat' or 'web'",
    ),
    # Every crisis service says where its number was checked, and when.
    "service without source": (lambda d: line(d).pop("source"), f"{FILE}: {LINE}.source: this key is missing — add it"),
    "service without checked date": (
        lambda d: line(d).pop("checked"),
        f"{FILE}: {LINE}.checked: this key is missing — add it",
    ),
    "source not https": (
        lambda d: line(d).update(source="http://listening.example.org/"),
        f"{FILE}: {LINE}.source: 'http://listening.example.org/' is not a web address starting with https://",
    ),
    "checked in the future": (
        lambda d: line(d).update(checked=dt.date.today() + dt.timedelta(days=30)),
        f"{FILE}: {LINE}.checked: {dt.date.today() + dt.timedelta(days=30)} is in the future",
    ),
    "checked not a date": (
        lambda d: line(d).update(checked="last week"),
        f"{FILE}: {LINE}.checked: must be a date — write it as YYYY-MM-DD",
    ),
    "service without what it is for": (
        lambda d: line(d).pop("for"),
        f"{FILE}: {LINE}.for: this key is missing — add it",
    ),
    "unknown purpose": (
        lambda d: line(d).update({"for": ["pets"]}),
        f"{FILE}: {LINE}.for[0]: must be one of 'crisis', 'young-people', 'domestic-abuse' or 'urgent-care'",
    ),
    "call without number": (
        lambda d: line(d).pop("number"),
        f"{FILE}: {LINE}: 'Example Listening Line' can be called or texted but has no number — add number",
    ),
    "free and a cost": (
        lambda d: line(d).update(cost="A local call."),
        f"{FILE}: {LINE}: 'Example Listening Line' says free: true and also has a cost — keep one of them",
    ),
    "deaf access without source": (
        lambda d: d["crisis"]["PT"]["emergency_access"][0].pop("source"),
        f"{FILE}: crisis.PT.emergency_access[0].source: this key is missing — add it",
    ),
    "deaf access number missing from its text": (
        lambda d: d["crisis"]["PT"]["emergency_access"][1].update(number="18000"),
        f"{FILE}: crisis.PT.emergency_access[1]: number '18000' does not appear in text — write the number in the text as well",
    ),
    "not one of the country's regions": (
        lambda d: d["crisis"]["PT"]["services"][4].update(areas=["Azors"]),
        f"{FILE}: crisis.PT.services[4].areas: 'Azors' is not a part of Portugal — use Mainland, Azores, Madeira",
    ),
    # Every country's areas are checked, against the regions its own block lists.
    "area in a country without regions": (
        lambda d: d["crisis"]["NL"]["services"][0].update(areas=["Utrecht"]),
        f"{FILE}: crisis.NL.services[0].areas: crisis.NL has no regions"
        " — list the parts of Netherlands under crisis.NL.regions",
    ),
    "area not among the country's regions": (
        lambda d: (
            d["crisis"]["IS"].update(regions=["North", "South"]),
            d["crisis"]["IS"]["services"][0].update(areas=["Nort"]),
        ),
        f"{FILE}: crisis.IS.services[0].areas: 'Nort' is not a part of Iceland — use North, South",
    ),
    # The urgent-help boxes speak to every country at once: no promise one country cannot keep.
    "box says free where a line is not": (
        lambda d: d["disclaimers"]["help"].update(text="Call a crisis line. They are free, and someone will listen."),
        f"{FILE}: disclaimers.help.text: says 'free', but Example Paid Line (crisis.NL) is not free from every phone"
        " — say only what is true for every country",
    ),
    "box says text where no line takes texts": (
        lambda d: d["disclaimers"]["crisis"].update(text="Call or text a crisis line now."),
        f"{FILE}: disclaimers.crisis.text: says 'text', but no crisis line in crisis.NL takes text messages"
        " — say only what is true for every country",
    ),
    # "Exit this page" and "Report a problem".
    "exit to a plain http page": (
        lambda d: d["quick_exit"].update(url="http://www.bbc.co.uk/weather"),
        f"{FILE}: quick_exit.url: 'http://www.bbc.co.uk/weather' is not a web address starting with https://",
    ),
    "exit label empty": (
        lambda d: d["quick_exit"].update(label=" "),
        f"{FILE}: quick_exit.label: is empty — write the text",
    ),
    "report to both an email and a form": (
        lambda d: d["report_problem"].update(form_url="https://forms.example.org/report"),
        f"{FILE}: report_problem: set exactly one of email or form_url — where reports of a problem go",
    ),
    "report to nowhere": (
        lambda d: d["report_problem"].pop("email"),
        f"{FILE}: report_problem: set exactly one of email or form_url — where reports of a problem go",
    ),
    "crisis word with an apostrophe": (
        lambda d: d["crisis_search"]["concepts"]["die"]["words"].append("don't"),
        f"{FILE}: crisis_search.concepts.die.words[2]: 'don't' is not a crisis word — write lower-case letters or digits",
    ),
    "crisis word of lone stars only (a lone * is any one word: it needs a real word with it)": (
        lambda d: d["crisis_search"]["idioms"].insert(0, "* *"),
        f"{FILE}: crisis_search.idioms[0]: '* *' is not a crisis word — write lower-case letters or digits",
    ),
    "crisis word with # inside a word (a lone # is any number; a number with it is a quantity)": (
        lambda d: d["crisis_search"]["idioms"].insert(0, "took #5"),
        f"{FILE}: crisis_search.idioms[0]: 'took #5' is not a crisis word — write lower-case letters or digits",
    ),
    "crisis filler of two words": (
        lambda d: d["crisis_search"]["fillers"].insert(0, "you know"),
        f"{FILE}: crisis_search.fillers[0]: 'you know' is not one word — write one lower-case word",
    ),
    "crisis idiom that holds a filler word (the search drops it, so the idiom never matches)": (
        lambda d: d["crisis_search"].update(fillers=["just"], idioms=["just kidding", *d["crisis_search"]["idioms"]]),
        f"{FILE}: crisis_search: idioms[0]: 'just kidding' holds the filler word 'just', which the search ignores",
    ),
    "never-a-crisis wording that holds a filler word (the search drops it, so it never matches)": (
        lambda d: d["crisis_search"].update(fillers=["just"], not_a_crisis=["just a film about *"]),
        f"{FILE}: crisis_search: not_a_crisis[0]: 'just a film about *' holds the filler word 'just', which the search ignores",
    ),
    "never-a-crisis wording with an apostrophe": (
        lambda d: d["crisis_search"].update(not_a_crisis=["what's self harm"]),
        f"{FILE}: crisis_search.not_a_crisis[0]: 'what's self harm' is not a crisis word — write lower-case letters or digits",
    ),
    "crisis concept with no words": (
        lambda d: d["crisis_search"]["concepts"]["die"].update(words=[]),
        f"{FILE}: crisis_search.concepts.die.words: is empty — add at least one item",
    ),
    "crisis concept that needs a concept nobody wrote": (
        lambda d: d["crisis_search"]["concepts"]["dying"]["needs"].append("wishing"),
        f"{FILE}: crisis_search: concepts.dying.needs: 'wishing' is not a concept — write a name listed under `concepts`",
    ),
    "crisis concept both alone and needing another": (
        lambda d: d["crisis_search"]["concepts"]["die"].update(needs=["wanting"]),
        f"{FILE}: crisis_search: concepts.die: has both `alone: true` and `needs` — keep one of them",
    ),
    "crisis idiom with a capital": (
        lambda d: d["crisis_search"]["idioms"].append("Kill Time"),
        f"{FILE}: crisis_search.idioms[",
    ),
    "crisis card without its listening-line label": (
        lambda d: d["crisis_search"]["card"].pop("listen_label"),
        f"{FILE}: crisis_search.card.listen_label: this key is missing — add it",
    ),
    "report to something that is not an email address": (
        lambda d: d["report_problem"].update(email="feedback at our charity"),
        f"{FILE}: report_problem.email: 'feedback at our charity' is not an email address — write it like",
    ),
    "report warning missing": (
        lambda d: d["report_problem"].pop("warning"),
        f"{FILE}: report_problem.warning: this key is missing — add it",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_named_by_key_path(tmp_path: Path, case: str) -> None:
    breaks, expected = CASES[case]
    with pytest.raises(DataFileError) as caught:
        load(write_fixture(tmp_path, breaks), SHARED_CONTENT, SharedContent)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(expected)
    assert " — " in lines[0], "every message says how to fix it"


def test_the_fixture_itself_is_valid(tmp_path: Path) -> None:
    """Each bad example above breaks one thing: the file it starts from has nothing wrong."""
    assert load(write_fixture(tmp_path), SHARED_CONTENT, SharedContent).crisis


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=rf"^{FILE}: file not found — restore it"):
        load(tmp_path, SHARED_CONTENT, SharedContent)


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    file = write_fixture(tmp_path) / FILE
    file.write_text(file.read_text(encoding="utf-8").replace("help_link:\n", "help_link:\n  label: [oops\n", 1))
    with pytest.raises(DataFileError, match=rf"^{FILE}:4: this is not valid YAML .* — check indentation"):
        load(tmp_path, SHARED_CONTENT, SharedContent)


def test_real_file_is_valid() -> None:
    assert load(ROOT, SHARED_CONTENT, SharedContent).crisis


def test_every_service_and_access_route_says_where_and_when_it_was_checked() -> None:
    """The schema requires it; this shows the real file lives up to it, item by item."""
    shared = load(ROOT, SHARED_CONTENT, SharedContent)
    routes = [
        (f"crisis.{code}.services[{n}]", s) for code, c in shared.crisis.items() for n, s in enumerate(c.services)
    ]
    routes += [
        (f"crisis.{code}.{s.name} deaf_access", a)
        for code, c in shared.crisis.items()
        for s in c.services
        for a in s.deaf_access or []
    ]
    routes += [
        (f"crisis.{code}.emergency_access", a) for code, c in shared.crisis.items() for a in c.emergency_access or []
    ]
    for where, item in routes:
        assert item.source.startswith("https://"), where
        assert dt.date(2026, 1, 1) <= item.checked <= dt.date.today(), where


# --- the same problems stop a real build, with the same single line ---------------------------


def test_build_stops_on_bad_data(project: Project) -> None:
    code = next(iter(parse_yaml((project.path / FILE).read_text(encoding="utf-8"))["crisis"]))
    project.edit_yaml(FILE, lambda d: d["crisis"][code]["services"][0].update(number="CALL-NOW"))
    result = project.build()
    assert result.returncode != 0
    lines = error_lines(result)
    assert lines == [
        f"ERROR   -  {FILE}: crisis.{code}.services[0].number: 'CALL-NOW' is not a phone number"
        " — use only digits, spaces, hyphens and a leading +"
    ], result.stderr


def test_build_stops_when_finder_page_is_missing(project: Project) -> None:
    project.edit_yaml(FILE, lambda d: d["finder"].update(url="no-such-page.md"))
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f"ERROR   -  {FILE}: finder.url: page 'no-such-page.md' does not exist in docs/ — fix the file name"
    ], result.stderr
