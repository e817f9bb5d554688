"""The data behind "Exit this page", "Report a problem" and the reviewer line: bad input stops the
build with one line naming the key, and a production build refuses a placeholder report address."""
from __future__ import annotations

import pytest

from conftest import Project, error_lines
from macros.data_files import SHARED_CONTENT, DataFileError, load
from macros.schema import SharedContent

FILE = "macros/data/shared-content.yml"
ARTICLE = "docs/focus-areas/grief.md"

CASES = {
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
def test_bad_exit_or_report_entry_is_named_by_key(project: Project, case: str) -> None:
    breaks, expected = CASES[case]
    project.edit_yaml(FILE, breaks)
    with pytest.raises(DataFileError) as caught:
        load(project.path, SHARED_CONTENT, SharedContent)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(expected), lines[0]


def test_production_build_refuses_the_placeholder_report_address(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://ipt.our-charity.org/")
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f"ERROR   -  {FILE}: report_problem.email: 'feedback@example.org' is a placeholder that reaches nobody"
        " — set an address your organisation reads before a production build (SITE_URL is set)"
    ], result.stderr


def test_production_build_refuses_a_placeholder_form(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://ipt.our-charity.org/")
    project.edit_yaml(FILE, lambda d: (d["report_problem"].pop("email"),
                                       d["report_problem"].update(form_url="https://forms.example.com/ipt")))
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f"ERROR   -  {FILE}: report_problem.form_url: 'https://forms.example.com/ipt' is a placeholder that reaches"
        " nobody — set an address your organisation reads before a production build (SITE_URL is set)"
    ], result.stderr


def test_form_route_fills_in_the_page_address(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real form address passes a production build; each page's address goes in its query."""
    monkeypatch.setenv("SITE_URL", "https://ipt.our-charity.org/")
    project.edit_yaml(FILE, lambda d: (d["report_problem"].pop("email"),
                                       d["report_problem"].update(form_url="https://our-charity.org/report?topic=ipt")))
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    html = (project.path / "site/focus-areas/grief/index.html").read_text(encoding="utf-8")
    assert ('href="https://our-charity.org/report?topic=ipt&amp;page=https%3A//ipt.our-charity.org/focus-areas/grief/"'
            in html)


def test_reviewed_by_as_a_single_value_stops_the_build(project: Project) -> None:
    source = (project.path / ARTICLE).read_text(encoding="utf-8")
    changed = source.replace("\nlast_reviewed:", "\nreviewed_by: Dr A Person\nlast_reviewed:", 1)
    project.write(ARTICLE, changed)
    line = changed.splitlines().index("reviewed_by: Dr A Person") + 1
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f"ERROR   -  {ARTICLE}:{line}: front matter: reviewed_by: must be a group of keys, not a single value"
        " — write each key on its own indented line under it"
    ], result.stderr
