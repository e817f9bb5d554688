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
    assert '<p>One <a class="cite" href="#source-1">[1]</a>. Two <a class="cite" href="#source-2">[2]</a>' in html
    assert '<h2 data-search-exclude id="sources">Sources</h2>\n<ol>\n<li id="source-1">Cuijpers' in html
    assert html.index('<li id="source-1">Cuijpers') < html.index('<li id="source-2">Lin T')
    assert html.rstrip().endswith("</ol>")  # the list is its own block, not inside a paragraph


def test_each_page_is_numbered_from_one() -> None:
    extension = CitationsExtension(bibliography=BIB)
    convert(f"A {marker(['cuijpers2016'])}\n", extension)
    assert '<li id="source-1">Lin T' in convert(f"B {marker(['lin2022'])}\n", extension)


def test_no_sources_list_without_citations() -> None:
    assert "Sources" not in convert("No citations here. [[not a marker]]\n")


def test_named_in_a_config_it_reads_the_projects_bibliography() -> None:
    """How Zensical loads it (`macros.citations` in markdown_extensions): no bibliography handed over."""
    html = markdown.markdown(f"A {marker(['cuijpers2016'])}\n", extensions=["attr_list", "macros.citations"])
    assert '<li id="source-1">Cuijpers' in html and 'id="sources"' in html
