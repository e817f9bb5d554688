"""8. The deployed site takes the finder address and the crisis numbers from the data file, nowhere else."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from conftest import Project
from macros.data_files import parse_yaml
from support.site_pages import built, sources

DATA = "macros/data/shared-content.yml"
NEW_FINDER = "https://finder.example.org/ipt-therapists/"
NEW_NUMBER = "0800 999 000 111"


def unique_service(data: dict, raw: str) -> dict:
    """A crisis service whose number is written only once in the file, so it can change on its own."""
    for country in data["crisis"].values():
        for service in country["services"]:
            if raw.count(service["number"]) == 1 and len(re.sub(r"\D", "", service["number"])) >= 6:
                return service
    raise AssertionError(f"{DATA}: no crisis number that is written only once")


def test_finder_and_crisis_number_come_from_the_data_file(project: Project) -> None:
    raw = (project.path / DATA).read_text(encoding="utf-8")
    old_number = unique_service(parse_yaml(raw), raw)["number"]

    def change(data: dict) -> None:
        data["finder"]["url"] = NEW_FINDER
        unique_service(data, raw)["number"] = NEW_NUMBER

    project.edit_yaml(DATA, change)
    result = project.build()
    assert result.returncode == 0, result.stderr
    site = project.path / "site"

    articles = [s for s in sources(project.path) if s.is_article]
    assert len(articles) >= 10
    for src in articles:
        buttons = built(site, src.uri).select('[data-ipt="finder"] a')
        assert [a["href"] for a in buttons] == [NEW_FINDER], f"{src.label}: finder box links {buttons}"

    crisis = built(site, "get-help-now.md").select_one("article")
    assert NEW_NUMBER in crisis.get_text(" ")
    new_digits = re.sub(r"[^0-9+]", "", NEW_NUMBER)
    assert crisis.select(f'a[href="tel:{new_digits}"], a[href="sms:{new_digits}"]'), (
        "the new number is not a call or text link"
    )

    old_digits = re.sub(r"[^0-9+]", "", old_number)
    for html in site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert old_number not in page.get_text(" "), f"{html}: still shows {old_number}"
        assert not page.select(f'a[href="tel:{old_digits}"], a[href="sms:{old_digits}"]'), (
            f"{html}: still links {old_number}"
        )
