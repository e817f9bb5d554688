"""Lint and layout: `ruff check` and `ruff format --check` pass on every Python file of the project
(settings in ruff.toml), and oxlint on the site's JavaScript (settings in .oxlintrc.json).

A failure shows the tool's own lines (file:line:column: message), so the fix is where it points.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
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


def oxlint(folder: Path) -> subprocess.CompletedProcess[str]:
    """oxlint on every .js file under `folder` but what .gitignore leaves out (node_modules/, site/…),
    with the project's .oxlintrc.json, one line per problem (file:line:column: message [rule])."""
    return subprocess.run(
        [str(Path(sysconfig.get_path("scripts")) / "oxlint"), "-c", str(ROOT / ".oxlintrc.json"), "-f", "unix", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_site_javascript_passes_oxlint() -> None:
    result = oxlint(ROOT)
    if result.returncode != 0:
        pytest.fail(f"oxlint (settings in .oxlintrc.json):\n{result.stdout}{result.stderr}", pytrace=False)


def test_oxlint_names_the_file_line_and_rule(tmp_path: Path) -> None:
    """Bad example: a misspelt name, an assignment where a comparison was meant, and a variable left
    unused fail, each with its file, line and rule."""
    (tmp_path / "bad.js").write_text(
        'var shown = false;\nif (shown = true) documnet.title = "Help";\n', encoding="utf-8"
    )
    result = oxlint(tmp_path)
    assert result.returncode == 1
    assert {line for line in result.stdout.splitlines() if line.startswith("bad.js")} == {
        "bad.js:2:19: 'documnet' is not defined. [Error/eslint(no-undef)]",
        "bad.js:1:5: Variable 'shown' is assigned a value but never used. [Error/eslint(no-unused-vars)]",
        "bad.js:2:11: Expected a conditional expression and instead saw an assignment [Error/eslint(no-cond-assign)]",
        "bad.js:2:5: Unexpected constant condition [Error/eslint(no-constant-condition)]",
    }, result.stdout
