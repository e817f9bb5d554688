"""Publishing with the "Report a problem" route and the reviewer line: a production build refuses a
placeholder report address, a real form gets each page's address, and a bad reviewer stops the build.
(Bad entries in the data file itself are cases in test_data_file.py.)"""

from __future__ import annotations

import pytest

from conftest import Project, error_lines

FILE = "macros/data/shared-content.yml"
ARTICLE = "docs/focus-areas/grief.md"
PRODUCTION = "https://ipt.our-charity.org/"


def report_to(project: Project, **route: str) -> None:
    """Reports go to this email address or web form, whichever the file had (set here, so the test
    does not depend on what an organisation has already written there)."""

    def change(data: dict) -> None:
        for key in ("email", "form_url"):
            data["report_problem"].pop(key, None)
        data["report_problem"].update(route)

    project.edit_yaml(FILE, change)


@pytest.mark.parametrize(
    ("key", "value"),
    [("email", "feedback@example.org"), ("form_url", "https://forms.example.com/ipt")],
    ids=["placeholder email", "placeholder form"],
)
def test_production_build_refuses_a_placeholder_report_route(
    project: Project, monkeypatch: pytest.MonkeyPatch, key: str, value: str
) -> None:
    monkeypatch.setenv("SITE_URL", PRODUCTION)
    report_to(project, **{key: value})
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f"ERROR   -  {FILE}: report_problem.{key}: '{value}' is a placeholder that reaches nobody"
        " — set an address your organisation reads before a production build (SITE_URL is set)"
    ], result.stderr


def test_form_route_fills_in_the_page_address(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real form address passes a production build; each page's address goes in its query."""
    monkeypatch.setenv("SITE_URL", PRODUCTION)
    report_to(project, form_url="https://our-charity.org/report?topic=ipt")
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    html = (project.path / "site/focus-areas/grief/index.html").read_text(encoding="utf-8")
    assert (
        'href="https://our-charity.org/report?topic=ipt&amp;page=https%3A//ipt.our-charity.org/focus-areas/grief/"'
        in html
    )


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
