"""What the build and its post-build publishing step do, on throwaway copies of the project."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import Project, error_lines

from .publishing_support import ROOT

ARTICLE = "docs/focus-areas/grief.md"


def with_policy(project: Project, text: str | None = None) -> None:
    """The policy file lives in deploy/, which the project copy may not include."""
    project.write("deploy/headers.yml", text or (ROOT / "deploy/headers.yml").read_text(encoding="utf-8"))


def test_jsonld_is_serialised_safely_and_names_the_reviewer(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also: SITE_URL (read by mkdocs.yml) sets every absolute address the build writes."""
    monkeypatch.setenv("SITE_URL", "https://ipt.example.net/guide/")
    with_policy(project)
    # A production build needs a real report address (the placeholder is refused).
    project.edit_yaml(
        "macros/data/shared-content.yml", lambda d: d["report_problem"].update(email="feedback@ipt-guide-publisher.org")
    )
    tricky = "Say ‘no’ & mean it: grief and IPT, explained for O’Neil’s readers & family. /* end */"
    source = (ROOT / ARTICLE).read_text(encoding="utf-8")
    source = re.sub(
        r"^description: .*$",
        lambda _: f"description: '{tricky}'\nreviewed_by:\n  name: Dr Ann O'Neil\n  role: clinical psychologist",
        source,
        count=1,
        flags=re.M,
    )
    project.write(ARTICLE, source)
    result = project.build()
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(
        (project.path / "site/focus-areas/grief/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    [block] = soup.find_all("script", type="application/ld+json")
    data = json.loads(block.string)
    assert data["description"] == tricky
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Ann O'Neil", "jobTitle": "clinical psychologist"}
    assert data["url"] == "https://ipt.example.net/guide/focus-areas/grief/"
    assert soup.find("meta", property="og:image")["content"] == "https://ipt.example.net/guide/assets/social-card.png"
    robots = (project.path / "site/robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://ipt.example.net/guide/sitemap.xml" in robots


def test_markup_in_title_or_description_stops_the_build(project: Project) -> None:
    """Material writes the description unescaped into <meta>: a script there would be hashed and run."""
    with_policy(project)
    source = (ROOT / ARTICLE).read_text(encoding="utf-8")
    bad = 'Say "no": </script><script>alert(1)</script> grief and IPT, explained.'
    project.write(ARTICLE, re.sub(r"^description: .*$", f"description: '{bad}'", source, count=1, flags=re.M))
    line = next(i for i, l in enumerate(source.splitlines(), 1) if l.startswith("description:"))
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        f'ERROR   -  docs/focus-areas/grief.md:{line}: front matter: description: contains " < > — the theme writes it'
        " into the page unescaped; use ’ or “ ” instead of quotes and words instead of < >"
    ]


def test_inline_script_in_content_stops_the_build(project: Project) -> None:
    with_policy(project)
    project.write(ARTICLE, (ROOT / ARTICLE).read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n")
    result = project.build()
    assert result.returncode != 0
    assert error_lines(result) == [
        "ERROR   -  docs/focus-areas/grief.md: inline <script> in the page — scripts are not allowed in content"
        " (they would break the Content-Security-Policy); remove it"
    ]


def test_unsafe_inline_in_the_policy_stops_the_build(project: Project) -> None:
    policy = (ROOT / "deploy/headers.yml").read_text(encoding="utf-8")
    with_policy(project, policy.replace("script-src: [\"'self'\"]", "script-src: [\"'self'\", \"'unsafe-inline'\"]", 1))
    result = project.build()
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "ERROR - deploy/headers.yml: content_security_policy: script-src: 'unsafe-inline' is not allowed"
        " — inline scripts are hashed"
    )
