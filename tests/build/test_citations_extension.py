"""Citations as a Python-Markdown extension (macros/citations.py): the part both engines run."""
from __future__ import annotations

import markdown

from conftest import ROOT
from macros.citations import CitationsExtension, marker
from macros.data_files import BIBLIOGRAPHY, load
from macros.schema import Bibliography

BIB = load(ROOT, BIBLIOGRAPHY, Bibliography)


def convert(text: str, extension: CitationsExtension | None = None) -> str:
    return markdown.markdown(text, extensions=["attr_list", extension or CitationsExtension(bibliography=BIB)])


def test_markers_become_numbered_links_and_a_sources_list() -> None:
    html = convert(f"One {marker(['cuijpers2016'])}. Two {marker(['lin2022', 'cuijpers2016'])}.\n")
    assert 'One <sup class="cite">[<a href="#source-1" title="Source 1: Cuijpers 2016">1</a>]</sup>.' in html
    assert '[<a href="#source-2" title="Source 2: Lin 2022">2</a>, <a href="#source-1"' in html
    assert '<h2 data-search-exclude id="sources">Sources</h2>' in html
    assert html.index('<span id="source-1"></span>Cuijpers') < html.index('<span id="source-2"></span>Lin T')


def test_each_page_is_numbered_from_one() -> None:
    extension = CitationsExtension(bibliography=BIB)
    convert(f"A {marker(['cuijpers2016'])}\n", extension)
    assert 'href="#source-1" title="Source 1: Lin 2022"' in convert(f"B {marker(['lin2022'])}\n", extension)


def test_no_sources_list_without_citations() -> None:
    assert "Sources" not in convert("No citations here. [[not a marker]]\n")


def test_named_in_a_config_it_reads_the_projects_bibliography() -> None:
    """How Zensical loads it (`macros.citations` in markdown_extensions): no bibliography handed over."""
    html = markdown.markdown(f"A {marker(['cuijpers2016'])}\n", extensions=["attr_list", "macros.citations"])
    assert 'title="Source 1: Cuijpers 2016"' in html and 'id="sources"' in html
