"""7. Citations: bibliography entries are findable, unused ones are listed, articles cite enough sources.

An unknown key in cite() already stops the build: tests/build/test_macros.py ("unknown citation") tests that.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from conftest import ROOT, Project
from macros.data_files import BIBLIOGRAPHY, DataFileError, load
from macros.schema import Bibliography
from support.site_pages import Source, sources

from .citations import listed_anyway, too_few_sources, unused_keys, unused_sources
from .report import ContentWarning, fail_on

ENTRY = '  authors: Doe J\n  year: 2020\n  title: "A study"\n  source: "A Journal 2020;1:1-2"\n'


def test_real_bibliography_is_valid() -> None:
    assert len(load(ROOT, BIBLIOGRAPHY, Bibliography)) >= 20


def test_bibliography_entry_without_a_findable_link_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / BIBLIOGRAPHY).parent.mkdir(parents=True)
    (tmp_path / BIBLIOGRAPHY).write_text(
        f"nolink2020:\n{ENTRY}"
        f"baddoi2020:\n{ENTRY}  doi: https://doi.org/10.1000/xyz\n"
        f'badpmid2020:\n{ENTRY}  pmid: "PMID12345"\n'
        f"httpurl2020:\n{ENTRY}  url: http://example.org/paper\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        load(tmp_path, BIBLIOGRAPHY, Bibliography)
    assert str(err.value).splitlines() == [
        "macros/data/bibliography.yml: nolink2020: needs at least one of doi, pmid or url — add one so readers can find it",
        "macros/data/bibliography.yml: baddoi2020.doi: has the wrong form — check it against the examples in the file's comments",
        "macros/data/bibliography.yml: badpmid2020.pmid: has the wrong form — check it against the examples in the file's comments",
        "macros/data/bibliography.yml: httpurl2020.url: 'http://example.org/paper' is not a web address starting with https:// — write the full https:// address",
    ]


def test_unused_sources_are_listed_as_warnings(site: Path, pages: list[Source]) -> None:
    """A warning, not a failure, for editors; but the warning must be true: no page lists a source it names."""
    fail_on(
        listed_anyway(site, pages, unused_keys(ROOT, pages), load(ROOT, BIBLIOGRAPHY, Bibliography)),
        "sources the unused-source warning names, though a page lists them",
    )
    for line in unused_sources(ROOT, pages):
        warnings.warn(ContentWarning(line), stacklevel=1)


def test_a_source_a_page_lists_cannot_be_called_unused(site: Path, pages: list[Source]) -> None:
    """Bad example: weissman2000, which What is IPT? lists, handed to the cross-check as if unused."""
    found = listed_anyway(site, pages, ["weissman2000"], load(ROOT, BIBLIOGRAPHY, Bibliography))
    assert (
        "macros/data/bibliography.yml: source 'weissman2000' is called unused, but docs/what-is-ipt.md lists it"
        " — the unused-source check (tests/quality/citations.py) misread how that page cites it" in found
    ), found


def test_an_unused_source_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text(
        "---\ntitle: T\n---\nText {{ cite(\"used2020\", 'also2020') }}.\n", encoding="utf-8"
    )
    (tmp_path / BIBLIOGRAPHY).parent.mkdir(parents=True)
    (tmp_path / BIBLIOGRAPHY).write_text(f"used2020:\n{ENTRY}also2020:\n{ENTRY}spare2020:\n{ENTRY}", encoding="utf-8")
    assert unused_sources(tmp_path, sources(tmp_path)) == [
        "macros/data/bibliography.yml:11: source 'spare2020' is not cited on any page"
        ' — cite it with {{ cite("spare2020") }} or remove it'
    ]


def test_real_articles_cite_enough_sources(site: Path, pages: list[Source], settings: dict) -> None:
    for name in settings["evidence_pages"] + settings["sources_not_required"]:
        assert (ROOT / "docs" / name).is_file(), (
            f"macros/data/editorial/settings.yml names docs/{name}, which does not exist"
        )
    fail_on(too_few_sources(site, pages, settings), "articles with too few sources")


def test_articles_with_too_few_sources_are_named(project: Project, settings: dict) -> None:
    cite = re.compile(r"\{\{\s*cite\([^)]*\)\s*\}\}")
    article = project.path / "docs/what-to-expect.md"
    project.write("docs/what-to-expect.md", cite.sub("", article.read_text(encoding="utf-8")))
    evidence = project.path / "docs/online-ipt.md"
    project.write("docs/online-ipt.md", cite.sub('{{ cite("weissman2000") }}', evidence.read_text(encoding="utf-8")))
    assert project.build().returncode == 0
    fix = ' — back its claims with {{ cite("key") }} (sources are in macros/data/bibliography.yml)'
    assert too_few_sources(project.path / "site", sources(project.path), settings) == [
        "docs/online-ipt.md: lists 1 source; an evidence page needs at least 5" + fix,
        "docs/what-to-expect.md: lists 0 sources; an article needs at least 1" + fix,
    ]
