"""macros/data/shared-content.yml: every kind of bad input stops the build with one line naming the key."""
from __future__ import annotations

import pytest

from conftest import Project, error_lines
from macros.data_files import SHARED_CONTENT, DataFileError, load
from macros.schema import SharedContent

FILE = "macros/data/shared-content.yml"


def first_service(data: dict) -> dict:
    return data["crisis"]["US"]["services"][0]


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
        f"{FILE}: crisis.US.services[0].how[0]: must be one of 'call', 'text' or 'chat'",
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
