"""The article template editors copy (docs/templates/article.md): never published, and valid as a page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, Project, error_lines, kept
from support.site_pages import built, read_source, sources_list

from .front_matter import front_matter_problems

TEMPLATE = ROOT / "docs/templates/article.md"


def test_template_is_not_published(site: Path) -> None:
    """MkDocs 1.6 leaves docs/templates/ out of the build by default (no exclude_docs needed)."""
    assert TEMPLATE.is_file()
    assert not (site / "templates").exists()


def add_template_as_an_article(folder: Path) -> None:
    """What an editor does (CONTRIBUTING.md): a copy of the template in docs/, a line in the menu;
    then the build, whose log goes to build.json. Made once per version of the project (kept())."""
    project = Project(folder)
    project.write("docs/new-article.md", TEMPLATE.read_text(encoding="utf-8"))
    mkdocs_yml = project.path / "mkdocs.yml"
    config = mkdocs_yml.read_text(encoding="utf-8")
    assert "\nnav:\n" in config
    mkdocs_yml.write_text(config.replace("\nnav:\n", "\nnav:\n  - New article: new-article.md\n", 1), encoding="utf-8")
    result = project.build()
    log = {"returncode": result.returncode, "stderr": result.stderr}
    (folder / "build.json").write_text(json.dumps(log), encoding="utf-8")


def test_a_copy_of_the_template_builds_as_an_article(request: pytest.FixtureRequest) -> None:
    copy = kept(request, "template-article", ("tests/quality/test_template.py",), add_template_as_an_article)
    log = json.loads((copy / "build.json").read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess([], log["returncode"], "", log["stderr"])
    assert result.returncode == 0, "\n".join(error_lines(result))
    assert front_matter_problems(read_source(copy, copy / "docs/new-article.md")) == []
    page = built(copy / "site", "new-article.md")
    assert page.select_one('[data-ipt="disclaimer-medical"]') is not None
    assert len(sources_list(page)) == 1
