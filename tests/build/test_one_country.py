"""An organisation changes one file, macros/data/shared-content.yml, to list its own services, and the
suite stays green: the whole suite but its slow browser part runs on a copy of the project that
lists one country, its services in reverse order, together with the browser tests of the crisis
page and of the countries (tests/support/one_country.py makes the copy).

Run in `make test` (it drives Chromium, so it is marked `browser`), not in `make check`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_shared_content
from macros.data_files import parse_yaml
from support.fixture_data import FIXTURE
from support.one_country import copy_with_one_country, one_country

# In the copy: what `make check` runs, plus the browser tests of the crisis page (its module) and
# of whatever names countries or emergency numbers (the safety plan's list, the search help card).
SELECTION = [
    "-m",
    "not (nginx or benchmark or bad_example)",
    "-k",
    "not browser or crisis_page or country or countries or emergency_number",
]
# Tests that fail on the copy for a reason outside the tests' reach, each with why. Keep it empty.
KNOWN: dict[str, str] = {}


def busiest_country() -> str:
    """The data file's country with the most services: the most parts of the page to get right."""
    crisis = read_shared_content()["crisis"]
    return max(crisis, key=lambda code: len(crisis[code]["services"]))


@pytest.mark.browser
def test_the_suite_passes_on_a_copy_that_lists_one_country(tmp_path: Path) -> None:
    code = busiest_country()
    copy = copy_with_one_country(tmp_path / "copy", code)
    # The copy runs in one process of its own: not as a worker of this run, nor in its temp folder.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")} | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider"]
    command += [f"--basetemp={tmp_path / 'runs'}", *SELECTION, *(f"--deselect={test}" for test in KNOWN)]
    command += [f"--ignore={Path(__file__).relative_to(ROOT)}"]  # this test itself, which would start again
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=1500)
    summary = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert result.returncode == 0, f"on a copy that lists only {code}:\n" + "\n".join(
        summary or result.stdout.splitlines()[-30:]
    )


def test_the_copy_keeps_one_country_reversed_and_every_other_line() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    data, copied = parse_yaml(text), one_country(text, "PT")
    assert parse_yaml(copied) == data | {
        "crisis": {"PT": data["crisis"]["PT"] | {"services": data["crisis"]["PT"]["services"][::-1]}}
    }
    before, after = text.split("\ncrisis:\n")[0], text.split("\ncrisis_international:")[1]
    assert copied.startswith(before) and copied.endswith(after)  # comments and all, as written
