"""The MkDocs/Zensical comparison of `make zensical-check` (tools/zensical_check.py), on small pages.

The last tests build a broken project with the real Zensical; they run only where `make
zensical-check` has installed it (.venv-zensical), as it is not part of `make test`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, Project
from tools.zensical_check import compare, compare_page, table, zensical_config

GOOD = """<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">
<script type="application/ld+json">{}</script></head><body>
<header><a href="../get-help-now/" data-ipt="help-link">Get help now</a></header>
<article><h1>Grief</h1>
<p>Text <a class="cite" href="#source-1">[1]</a>. Call <a href="tel:988">988</a>.
<abbr title="interpersonal psychotherapy">IPT</abbr></p>
<h2 id="sources">Sources</h2><ol><li><span id="source-1"></span>Doe J (2020). A study.</li></ol>
<p data-ipt="review-dates">Last reviewed 1 May 2026 · Next review due 1 May 2029</p>
<aside><section class="admonition danger" data-ipt="disclaimer-crisis"><p class="admonition-title">In danger now?</p>
<p>Call your emergency number.</p></section>
<section data-ipt="finder"><h2>Looking for an IPT therapist?</h2></section></aside>
</article></body></html>"""


def test_the_same_page_has_no_differences() -> None:
    assert compare_page("grief/index.html", GOOD, GOOD) == []


def test_a_page_that_lost_what_readers_need_is_reported() -> None:
    bad = (
        GOOD.replace(
            '<h2 id="sources">Sources</h2><ol><li><span id="source-1"></span>Doe J (2020). A study.</li></ol>', ""
        )
        .replace('<a href="tel:988">988</a>', "988")
        .replace('data-ipt="disclaimer-crisis"', "")
        .replace(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'sha256-abc='\">",
            "",
        )
    )
    found = {d.check: d for d in compare_page("grief/index.html", GOOD, bad)}
    assert set(found) == {"Sources list", "crisis numbers", "crisis disclaimer", "meta CSP"}
    assert all(d.matters for d in found.values())
    assert found["Sources list"].mkdocs == "Doe J (2020). A study." and found["Sources list"].zensical == "—"
    assert found["crisis numbers"].mkdocs == "tel:988"
    printed = table(list(found.values()))
    assert "grief/index.html | Sources list" in printed and "| YES" in printed


def test_a_lost_or_renumbered_citation_is_reported() -> None:
    for other, expected in (
        (GOOD.replace('<a class="cite" href="#source-1">[1]</a>', ""), "—"),
        (GOOD.replace('href="#source-1">[1]', 'href="#source-2">[2]'), "/grief/#source-2 [2]"),
    ):
        [difference] = compare_page("grief/index.html", GOOD, other)
        assert (difference.check, difference.mkdocs, difference.zensical, difference.matters) == (
            "citations",
            "/grief/#source-1 [1]",
            expected,
            True,
        )


def test_a_csp_that_allows_inline_scripts_is_a_difference() -> None:
    loose = GOOD.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    [difference] = compare_page("grief/index.html", GOOD, loose)
    assert (difference.check, difference.zensical, difference.matters) == ("meta CSP", "unsafe-inline!", True)


def test_the_same_link_written_another_way_is_not_a_difference() -> None:
    other = GOOD.replace('href="../get-help-now/"', 'href="./.././get-help-now/"').replace("sha256-abc=", "sha256-xyz=")
    assert compare_page("grief/index.html", GOOD, other) == []


def test_a_wrong_help_link_or_missing_tooltips_are_reported() -> None:
    other = (
        GOOD.replace('href="../get-help-now/"', 'href="../about/"')
        .replace("<abbr", "<span")
        .replace("</abbr>", "</span>")
    )
    found = {d.check: (d.mkdocs, d.zensical) for d in compare_page("grief/index.html", GOOD, other)}
    assert found == {
        "Get help now link": ("Get help now -> /get-help-now/", "Get help now -> /about/"),
        "glossary tooltips": ("1", "0"),
    }


def test_missing_json_ld_is_listed_but_does_not_matter_to_readers() -> None:
    [difference] = compare_page(
        "grief/index.html", GOOD, GOOD.replace('type="application/ld+json"', 'type="text/plain"')
    )
    assert difference.check == "JSON-LD" and not difference.matters


def test_a_missing_page_is_reported(tmp_path: Path) -> None:
    for site in ("mkdocs", "zensical"):
        (tmp_path / site / "grief").mkdir(parents=True)
        (tmp_path / site / "grief/index.html").write_text(GOOD, encoding="utf-8")
    (tmp_path / "mkdocs/about").mkdir()
    (tmp_path / "mkdocs/about/index.html").write_text(GOOD, encoding="utf-8")
    [difference] = compare(tmp_path / "mkdocs", tmp_path / "zensical")
    assert (difference.page, difference.check, difference.zensical, difference.matters) == (
        "about/index.html",
        "page",
        "missing",
        True,
    )


def test_missing_help_card_data_or_search_fields_matter(tmp_path: Path) -> None:
    """Zensical runs no MkDocs hooks: the card's data and the readers'-words search fields can be lost."""
    for site, data, fields in (
        ("mkdocs", '{"card":{}}', {"text": {}, "crisis": {}}),
        ("zensical", "null", {"text": {}}),
    ):
        (tmp_path / site / "javascripts").mkdir(parents=True)
        (tmp_path / site / "javascripts/crisis-search.js").write_text(
            f"const CRISIS_SEARCH_DATA = {data};", encoding="utf-8"
        )
        (tmp_path / site / "search").mkdir()
        (tmp_path / site / "search/search_index.json").write_text(
            json.dumps({"config": {"fields": fields}}), encoding="utf-8"
        )
    found = {d.check: (d.mkdocs, d.zensical, d.matters) for d in compare(tmp_path / "mkdocs", tmp_path / "zensical")}
    assert found == {
        "crisis help card data": ("present", "missing (null)", True),
        "search index fields": ("crisis text", "text", True),
    }


# --- with the real Zensical --------------------------------------------------------------------

ZENSICAL = ROOT / ".venv-zensical/bin/zensical"
needs_zensical = pytest.mark.skipif(not ZENSICAL.exists(), reason="Zensical is installed by `make zensical-check`")


def zensical_build(project: Project, config: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZENSICAL), "build", "--strict", "-f", config],
        cwd=project.path,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(project.path)},
    )


@needs_zensical
def test_zensical_without_the_citations_extension_stops_with_one_line(project: Project) -> None:
    result = zensical_build(project, "mkdocs.yml")
    assert result.returncode != 0
    assert (
        "BuildError: mkdocs.yml: markdown_extensions: add `- macros.citations` — without it Zensical would build"
        " pages with no numbered citations and no Sources list"
    ) in result.stderr


@needs_zensical
def test_zensical_checks_front_matter(project: Project) -> None:
    config, _ = zensical_config(project.path)
    project.write("zensical.yml", json.dumps(config))
    page = (project.path / "docs/what-is-ipt.md").read_text(encoding="utf-8")
    project.write("docs/what-is-ipt.md", re.sub(r"(?m)^review_due: .*$", "review_due: 2020-01-01", page, count=1))
    result = zensical_build(project, "zensical.yml")
    assert result.returncode != 0
    assert re.search(
        r"BuildError: docs/what-is-ipt.md(:\d+)?: front matter: review_due 2020-01-01 is not after"
        r" last_reviewed \d{4}-\d\d-\d\d — set review_due to a later date",
        result.stderr,
    )


@needs_zensical
def test_zensical_names_the_page_of_an_unknown_source_key(project: Project) -> None:
    config, _ = zensical_config(project.path)
    project.write("zensical.yml", json.dumps(config))
    page = (project.path / "docs/what-is-ipt.md").read_text(encoding="utf-8")
    project.write("docs/what-is-ipt.md", page.replace('{{ cite("', '{{ cite("nobody1999", "', 1))
    result = zensical_build(project, "zensical.yml")
    assert result.returncode != 0
    assert (
        "ContentError: docs/what-is-ipt.md: unknown source key 'nobody1999' in cite() — add it to"
        " macros/data/bibliography.yml or fix the spelling"
    ) in result.stderr
