"""The GitHub Pages workflow: official actions only, `make build` on pushes to main, site/ published."""

from __future__ import annotations

from typing import Any

from macros.data_files import parse_yaml

from .publishing_support import ROOT

OFFICIAL = (
    "actions/checkout@",
    "actions/setup-python@",
    "actions/configure-pages@",
    "actions/upload-pages-artifact@",
    "actions/deploy-pages@",
)


def workflow_problems(wf: dict[str, Any]) -> list[str]:
    problems = []
    on = wf.get(True, wf.get("on", {}))  # YAML 1.1 reads the key `on` as True
    if (on.get("push") or {}).get("branches") != ["main"]:
        problems.append("pages.yml: must run on pushes to main")
    steps = [s for job in wf["jobs"].values() for s in job.get("steps", [])]
    uses = [s["uses"] for s in steps if "uses" in s]
    problems += [f"pages.yml: {u} is not one of GitHub's official actions" for u in uses if not u.startswith(OFFICIAL)]
    problems += [f"pages.yml: {a}… is missing" for a in OFFICIAL[2:] if not any(u.startswith(a) for u in uses)]
    if not any(s.get("run") == "make build" for s in steps):
        problems.append("pages.yml: the site must be built with `make build`")
    if not any((s.get("with") or {}).get("path") == "site" for s in steps):
        problems.append("pages.yml: upload-pages-artifact must publish site/")
    if wf.get("permissions", {}).get("pages") != "write" or wf.get("permissions", {}).get("id-token") != "write":
        problems.append("pages.yml: needs permissions pages: write and id-token: write")
    return problems


def test_pages_workflow() -> None:
    wf = parse_yaml((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow_problems(wf) == []


def test_workflow_check_reports_bad_examples() -> None:
    bad = {
        "on": {"push": {}},
        "permissions": {},
        "jobs": {"b": {"steps": [{"uses": "peaceiris/actions-gh-pages@v4"}, {"run": "mkdocs gh-deploy"}]}},
    }
    assert workflow_problems(bad) == [
        "pages.yml: must run on pushes to main",
        "pages.yml: peaceiris/actions-gh-pages@v4 is not one of GitHub's official actions",
        "pages.yml: actions/configure-pages@… is missing",
        "pages.yml: actions/upload-pages-artifact@… is missing",
        "pages.yml: actions/deploy-pages@… is missing",
        "pages.yml: the site must be built with `make build`",
        "pages.yml: upload-pages-artifact must publish site/",
        "pages.yml: needs permissions pages: write and id-token: write",
    ]
