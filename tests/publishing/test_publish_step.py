"""The post-build step (deploy/publish.py) on the built site, and on broken inputs through its command line
(run as `make build` runs it once; called in this process for the broken inputs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deploy import publish
from support.site_pages import seen_html

from .publishing_support import ROOT, parse_headers_file


def run_step(project_dir: Path, site_dir: str = "site") -> subprocess.CompletedProcess[str]:
    """`python -m deploy.publish site`, as `make build` runs it, in `project_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "deploy.publish", site_dir], cwd=project_dir, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def step(small_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """The step's command line called in this process, in the small project: (exit code, what it wrote
    to stderr). The same main() as `python -m deploy.publish site`, without starting a Python (0.7 s)."""

    def run() -> tuple[int, str]:
        monkeypatch.chdir(small_project)
        code = publish.main(["site"])
        return code, capsys.readouterr().err

    return run


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """The step's code and policy, and a two-page site: what it needs, nothing else."""
    for part in ("deploy", "macros"):
        shutil.copytree(ROOT / part, tmp_path / part)
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    head = '<!doctype html><html><head><meta charset="utf-8">'
    (site / "index.html").write_text(
        head + '<link rel="canonical" href="https://ipt.example.net/guide/">'
        "<script>var x = 1;</script></head><body></body></html>",
        encoding="utf-8",
    )
    (site / "a/index.html").write_text(head + "</head><body></body></html>", encoding="utf-8")
    return tmp_path


def test_every_built_page_carries_its_own_meta_csp_before_any_script(site: Path) -> None:
    """GitHub Pages sends no headers: without this tag the CSP would vanish there unnoticed."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        soup = seen_html(text)
        tags = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if len(tags) != 1:
            problems.append(f"{page.relative_to(site)}: {len(tags)} meta CSP tags, expected 1")
            continue
        content = tags[0]["content"]
        first_script = text.find("<script")
        if first_script != -1 and text.find('http-equiv="Content-Security-Policy"') > first_script:
            problems.append(f"{page.relative_to(site)}: the meta CSP comes after a script")
        if "'unsafe-inline'" in content or "frame-ancestors" in content:
            problems.append(f"{page.relative_to(site)}: meta CSP allows inline scripts or has frame-ancestors")
        for script in publish.inline_scripts(text):
            if publish.script_hash(script) not in content:
                problems.append(f"{page.relative_to(site)}: inline script {script[:30]!r} not hashed in its meta CSP")
    assert not problems, "\n".join(problems)


def test_step_writes_all_three_outputs_and_is_repeatable(small_project: Path) -> None:
    assert run_step(small_project).returncode == 0
    site = small_project / "site"
    first = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (
        (site / "robots.txt")
        .read_text(encoding="utf-8")
        .endswith("Sitemap: https://ipt.example.net/guide/sitemap.xml\n")
    )
    csp = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    assert publish.script_hash("var x = 1;") in csp
    assert "add_header Content-Security-Policy" in (site / ".nginx/headers.conf").read_text(encoding="utf-8")
    assert run_step(small_project).returncode == 0
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == first, "a second run changed the site"


def test_page_without_its_anchor_tag_stops_the_step(small_project: Path, step) -> None:
    page = small_project / "site/a/index.html"
    page.write_text("<!doctype html><html><head><title>x</title></head></html>", encoding="utf-8")
    code, stderr = step()
    assert code == 1
    assert stderr.strip() == (
        'ERROR - site/a/index.html: no <meta charset="utf-8"> to put the page\'s Content-Security-Policy after —'
        " the theme must write it first in <head>; check overrides/ and the theme version"
    )


def test_home_page_without_canonical_link_stops_the_step(small_project: Path, step) -> None:
    home = small_project / "site/index.html"
    home.write_text(home.read_text(encoding="utf-8").replace('rel="canonical"', 'rel="x"'), encoding="utf-8")
    code, stderr = step()
    assert code == 1
    assert 'site/index.html: no <link rel="canonical"> on the home page — set site_url in mkdocs.yml' in stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace("headers:\n", "headerz:\n", 1),
            [
                "deploy/headers.yml: headers: this key is missing — add it",
                "deploy/headers.yml: headerz: unknown key — remove it or check its spelling",
            ],
        ),
        (
            lambda t: t.replace("Referrer-Policy: no-referrer", 'Referrer-Policy: no-"referrer"', 1),
            ['deploy/headers.yml: headers.Referrer-Policy: contains ", $ or a line break — nginx cannot quote it'],
        ),
        (
            lambda t: t.replace("permissions_denied:\n  - accelerometer", "permissions_denied:\n  - Accelerometer!", 1),
            [
                "deploy/headers.yml: permissions_denied[0]: has the wrong form — check it against the examples in the file's comments"
            ],
        ),
    ],
    ids=["renamed key", "quote in a value", "bad feature name"],
)
def test_bad_policy_file_gives_one_line_per_problem(small_project: Path, step, change, message: list[str]) -> None:
    policy = small_project / "deploy/headers.yml"
    policy.write_text(change(policy.read_text(encoding="utf-8")), encoding="utf-8")
    code, stderr = step()
    assert code == 1
    assert stderr.strip().splitlines() == [f"ERROR - {line}" for line in message]
