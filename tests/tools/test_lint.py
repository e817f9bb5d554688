"""Lint and layout: `ruff check` and `ruff format --check` pass on every Python file of the project
(settings in ruff.toml).

A failure shows ruff's own lines (file:line:column: code message), so the fix is where it points.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def ruff(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """`ruff COMMAND …` on `folder` with the project's ruff.toml."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--config", str(ROOT / "ruff.toml"), "--no-cache", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ruff_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """`ruff check`, one line per problem."""
    return ruff(folder, "check", "--output-format", "concise")


def test_the_project_passes_ruff() -> None:
    result = ruff_check(ROOT)
    if result.returncode != 0:
        pytest.fail(f"ruff check (settings in ruff.toml):\n{result.stdout}{result.stderr}", pytrace=False)


def ruff_format_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """`ruff format --check`: the files it would change."""
    return ruff(folder, "format", "--check")


def test_the_project_is_formatted() -> None:
    result = ruff_format_check(ROOT)
    if result.returncode != 0:
        pytest.fail(
            f"ruff format --check — run `.venv/bin/ruff format .`:\n{result.stdout}{result.stderr}", pytrace=False
        )


def test_format_check_names_a_file_out_of_shape(tmp_path: Path) -> None:
    """Bad example: a file the formatter would change is named."""
    (tmp_path / "messy.py").write_text("x = {  'a':1 }\n", encoding="utf-8")
    result = ruff_format_check(tmp_path)
    assert result.returncode == 1
    assert "--> messy.py:1:" in result.stdout and "1 file would be reformatted" in result.stdout


def test_ruff_names_the_file_line_and_rule(tmp_path: Path) -> None:
    """Bad example: an unused import and a zip() that could drop items silently fail, with ruff's lines."""
    (tmp_path / "bad.py").write_text("import os\n\n\ndef pairs(a, b):\n    return list(zip(a, b))\n", encoding="utf-8")
    result = ruff_check(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "bad.py:1:8: F401 [*] `os` imported but unused",
        "bad.py:5:17: B905 `zip()` without an explicit `strict=` parameter",
    ]
