"""1. Links MkDocs does not check: raw HTML, macro output and the theme, in the built HTML."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, Project, kept
from tools.project_copy import copy_project

from .links import build_with_proofer, external_form_problems, proofer_problems, url_problem
from .report import fail_on

BAD_LINKS = """

See <a href="../nope/">a page that is gone</a>.
And <a href="../what-is-ipt/#no-such-section">a section that is gone</a>.
<img src="../img/missing.png" alt="A missing picture">
An [old address](http://example.org/) and <a href="javascript:alert(1)">a script</a>.
"""


def line_with(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture(scope="session")
def proofed(request: pytest.FixtureRequest) -> Path:
    """A copy of the project built with htmlproofer (the test-only config), and the build's log:
    made once per version of the project and of this check (conftest.kept)."""

    def make(folder: Path) -> None:
        result = build_with_proofer(copy_project(folder / "project"), folder / "project/site")
        log = {"returncode": result.returncode, "stderr": result.stderr}
        (folder / "build.json").write_text(json.dumps(log), encoding="utf-8")

    return kept(request, "links-proofed", ("tests/quality/links.py",), make)


def test_real_site_internal_links_and_anchors_resolve(proofed: Path) -> None:
    """htmlproofer over the real content (a copy, built with the test-only config)."""
    log = json.loads((proofed / "build.json").read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess([], log["returncode"], "", log["stderr"])
    copy = proofed / "project"
    fail_on(proofer_problems(copy, copy / "site", result), "broken links in the built site")
    assert result.returncode == 0, result.stderr
    assert not (ROOT / "mkdocs.links.yml").exists(), "the test-only config must stay out of the project"


def test_real_site_external_links_are_https(site: Path) -> None:
    fail_on(external_form_problems(ROOT, site), "links that are not safe web addresses")


def test_broken_raw_html_links_are_reported_with_file_and_line(project: Project) -> None:
    page = (project.path / "docs/about.md").read_text(encoding="utf-8") + BAD_LINKS
    project.write("docs/about.md", page)
    site = project.path / "site"
    result = build_with_proofer(project.path, site)
    assert result.returncode != 0
    fix_page = "fix the address; for pages of this guide write [text](page.md) so the build checks it"
    assert proofer_problems(project.path, site, result) == [
        f"docs/about.md:{line_with(page, '../nope/')}: link '../nope/' goes to a page or file that does not exist — {fix_page}",
        f"docs/about.md:{line_with(page, 'no-such-section')}: link '../what-is-ipt/#no-such-section' goes to a section"
        " '#no-such-section' that is not on that page — copy the section's address from the ¶ next to its heading",
        f"docs/about.md:{line_with(page, '../img/missing.png')}: link '../img/missing.png' goes to a page or file that does not exist — {fix_page}",
    ]
    fix_form = "write it as https://… (tel:, sms: and mailto: links are allowed too)"
    at = line_with(page, "http://example.org/")
    assert external_form_problems(project.path, site) == [
        f"docs/about.md:{at}: link 'http://example.org/' is not a safe, complete web address — {fix_form}",
        f"docs/about.md:{at}: link 'javascript:alert(1)' is not a safe, complete web address — {fix_form}",
    ]
    assert "Traceback" not in result.stderr


def test_url_form_rules() -> None:
    good = ["https://www.nhs.uk/talk", "tel:+4411612", "sms:85258", "mailto:help@example.org", "../x/", "#top", "x.svg"]
    bad = [
        "http://nhs.uk",
        "https://",
        "https://nhs",
        "https://nhs.uk:99999/",
        "https://a b.org",
        "//nhs.uk/x",
        "javascript:alert(1)",
        "data:text/html,hi",
        "tel:0800 11",
        "mailto:nobody",
        "ftp://x.org",
    ]
    assert [u for u in good if url_problem(u)] == []
    assert [u for u in bad if not url_problem(u)] == []
