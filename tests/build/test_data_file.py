"""macros/data/shared-content.yml: every kind of bad input stops the build with one line naming the key."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import Project, error_lines
from macros.data_files import SHARED_CONTENT, DataFileError, load
from macros.schema import SharedContent

FILE = "macros/data/shared-content.yml"


def first_service(data: dict) -> dict:
    return data["crisis"]["US"]["services"][0]


def service_named(data: dict, code: str, name: str) -> dict:
    return next(s for s in data["crisis"][code]["services"] if s["name"] == name)


def index_of(code: str, name: str) -> int:
    """Where a service sits in the real file, so the expected key path follows the file."""
    from conftest import ROOT

    services = yaml.safe_load((ROOT / FILE).read_text(encoding="utf-8"))["crisis"][code]["services"]
    return next(n for n, s in enumerate(services) if s["name"] == name)


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
        lambda d: first_service(d).update(url="http://988lifeline.org/"),
        f"{FILE}: crisis.US.services[0].url: 'http://988lifeline.org/' is not a web address starting with https://",
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
        lambda d: first_service(d).update(number="98B"),
        f"{FILE}: crisis.US.services[0].number: '98B' is not a phone number",
    ),
    "unknown country": (
        lambda d: d["crisis"].update(XX=d["crisis"]["US"]),
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
        lambda d: first_service(d).update(how=["fax"]),
        f"{FILE}: crisis.US.services[0].how[0]: must be one of 'call', 'text', 'chat' or 'web'",
    ),
    # Every crisis service says where its number was checked, and when.
    "service without source": (
        lambda d: first_service(d).pop("source"),
        f"{FILE}: crisis.US.services[0].source: this key is missing — add it",
    ),
    "service without checked date": (
        lambda d: first_service(d).pop("checked"),
        f"{FILE}: crisis.US.services[0].checked: this key is missing — add it",
    ),
    "source not https": (
        lambda d: first_service(d).update(source="http://988lifeline.org/"),
        f"{FILE}: crisis.US.services[0].source: 'http://988lifeline.org/' is not a web address starting with https://",
    ),
    "checked in the future": (
        lambda d: first_service(d).update(checked=dt.date.today() + dt.timedelta(days=30)),
        f"{FILE}: crisis.US.services[0].checked: {dt.date.today() + dt.timedelta(days=30)} is in the future",
    ),
    "checked not a date": (
        lambda d: first_service(d).update(checked="last week"),
        f"{FILE}: crisis.US.services[0].checked: must be a date — write it as YYYY-MM-DD",
    ),
    "service without what it is for": (
        lambda d: first_service(d).pop("for"),
        f"{FILE}: crisis.US.services[0].for: this key is missing — add it",
    ),
    "unknown purpose": (
        lambda d: first_service(d).update({"for": ["pets"]}),
        f"{FILE}: crisis.US.services[0].for[0]: must be one of 'crisis', 'young-people', 'domestic-abuse' or 'urgent-care'",
    ),
    "call without number": (
        lambda d: first_service(d).pop("number"),
        f"{FILE}: crisis.US.services[0]: '988 Suicide & Crisis Lifeline' can be called or texted but has no number — add number",
    ),
    "free and a cost": (
        lambda d: first_service(d).update(cost="A local call."),
        f"{FILE}: crisis.US.services[0]: '988 Suicide & Crisis Lifeline' says free: true and also has a cost — keep one of them",
    ),
    "deaf access without source": (
        lambda d: d["crisis"]["GB"]["emergency_access"][0].pop("source"),
        f"{FILE}: crisis.GB.emergency_access[0].source: this key is missing — add it",
    ),
    "deaf access number missing from its text": (
        lambda d: d["crisis"]["GB"]["emergency_access"][1].update(number="18000"),
        f"{FILE}: crisis.GB.emergency_access[1]: number '18000' does not appear in text — write the number in the text as well",
    ),
    "not a UK nation": (
        lambda d: service_named(d, "GB", "Breathing Space").update(areas=["Scotand"]),
        f"{FILE}: crisis.GB.services[{index_of('GB', 'Breathing Space')}].areas: 'Scotand' is not a part of"
        " the United Kingdom — use England, Scotland, Wales, Northern Ireland",
    ),
    # Every country's areas are checked, against the regions its own block lists.
    "area in a country without regions": (
        lambda d: d["crisis"]["AU"]["services"][0].update(areas=["Victoria"]),
        f"{FILE}: crisis.AU.services[0].areas: crisis.AU has no regions — list the parts of Australia under crisis.AU.regions",
    ),
    "area not among the country's regions": (
        lambda d: (
            d["crisis"]["CA"].update(regions=["Ontario", "Quebec"]),
            d["crisis"]["CA"]["services"][0].update(areas=["Ontaria"]),
        ),
        f"{FILE}: crisis.CA.services[0].areas: 'Ontaria' is not a part of Canada — use Ontario, Quebec",
    ),
    # The urgent-help boxes speak to every country at once: no promise one country cannot keep.
    "box says free where a line is not": (
        lambda d: d["disclaimers"]["help"].update(text="Call a crisis line. They are free, and someone will listen."),
        f"{FILE}: disclaimers.help.text: says 'free', but Crisis Text Line (crisis.US) is not free from every phone"
        " — say only what is true for every country",
    ),
    "box says text where no line takes texts": (
        lambda d: d["disclaimers"]["crisis"].update(text="Call or text a crisis line now."),
        f"{FILE}: disclaimers.crisis.text: says 'text', but no crisis line in crisis.IE takes text messages"
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
    "crisis filler of two words": (
        lambda d: d["crisis_search"]["fillers"].insert(0, "you know"),
        f"{FILE}: crisis_search.fillers[0]: 'you know' is not one word — write one lower-case word",
    ),
    "crisis idiom that holds a filler word (the search drops it, so the idiom never matches)": (
        lambda d: d["crisis_search"].update(fillers=["just"], idioms=["just kidding", *d["crisis_search"]["idioms"]]),
        f"{FILE}: crisis_search: idioms[0]: 'just kidding' holds the filler word 'just', which the search ignores",
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
def test_bad_input_is_named_by_key_path(project: Project, case: str) -> None:
    breaks, expected = CASES[case]
    project.edit_yaml(FILE, breaks)
    with pytest.raises(DataFileError) as caught:
        load(project.path, SHARED_CONTENT, SharedContent)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(expected)
    assert " — " in lines[0], "every message says how to fix it"


def test_missing_file(project: Project) -> None:
    (project.path / FILE).unlink()
    with pytest.raises(DataFileError, match=rf"^{FILE}: file not found — restore it"):
        load(project.path, SHARED_CONTENT, SharedContent)


def test_malformed_yaml_names_the_line(project: Project) -> None:
    text = (project.path / FILE).read_text(encoding="utf-8")
    (project.path / FILE).write_text(text.replace("help_link:\n", "help_link:\n  label: [oops\n", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"^{FILE}:\d+: this is not valid YAML .* — check indentation"):
        load(project.path, SHARED_CONTENT, SharedContent)


def test_real_file_is_valid() -> None:
    from conftest import ROOT

    shared = load(ROOT, SHARED_CONTENT, SharedContent)
    assert set(shared.crisis) >= {"US", "CA", "GB", "IE", "AU", "NZ"}
    assert shared.crisis_international


def test_every_service_and_access_route_says_where_and_when_it_was_checked() -> None:
    """The schema requires it; this shows the real file lives up to it, item by item."""
    from conftest import ROOT

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
    assert len(routes) >= 25
    for where, item in routes:
        assert item.source.startswith("https://"), where
        assert dt.date(2026, 1, 1) <= item.checked <= dt.date.today(), where


# --- the same problems stop a real build, with the same single line ---------------------------


def test_build_stops_on_bad_data(project: Project) -> None:
    project.edit_yaml(FILE, lambda d: first_service(d).update(number="CALL-988"))
    result = project.build()
    assert result.returncode != 0
    lines = error_lines(result)
    assert lines == [
        f"ERROR   -  {FILE}: crisis.US.services[0].number: 'CALL-988' is not a phone number"
        " — use only digits, spaces, hyphens and a leading +"
    ], result.stderr


def test_build_stops_when_finder_page_is_missing(project: Project) -> None:
    project.edit_yaml(FILE, lambda d: d["finder"].update(url="no-such-page.md"))
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f"ERROR   -  {FILE}: finder.url: page 'no-such-page.md' does not exist in docs/ — fix the file name"
    ], result.stderr
