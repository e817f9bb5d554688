"""conftest.kept() reuses a built site only while nothing it was built from has changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_key
from tools.project_copy import copy_project


def test_the_key_changes_with_any_input_and_with_site_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    root = copy_project(tmp_path)
    key = build_key(root=root)
    assert build_key(root=root) == key
    page = root / "docs/about.md"
    text = page.read_text(encoding="utf-8")
    for changed in ("docs/about.md", "macros/data/shared-content.yml", "overrides/main.html", "mkdocs.yml"):
        file = root / changed
        before = file.read_text(encoding="utf-8")
        file.write_text(before + "\n", encoding="utf-8")
        assert build_key(root=root) != key, f"{changed}: an edit did not change the key"
        file.write_text(before, encoding="utf-8")
    (root / "docs/new-page.md").write_text(text, encoding="utf-8")
    assert build_key(root=root) != key, "a new page did not change the key"
    (root / "docs/new-page.md").unlink()
    checker = root / "tests/checker.py"  # a test's own code, given as an extra input
    checker.parent.mkdir()
    checker.write_text("A = 1\n", encoding="utf-8")
    with_checker = build_key(("tests/checker.py",), root=root)
    checker.write_text("A = 2\n", encoding="utf-8")
    assert build_key(("tests/checker.py",), root=root) != with_checker, (
        "an edit of an extra input did not change the key"
    )
    monkeypatch.setenv("SITE_URL", "https://ipt.example.net/")
    assert build_key(root=root) != key, "SITE_URL did not change the key"
    monkeypatch.delenv("SITE_URL")
    assert build_key(root=root) == key
