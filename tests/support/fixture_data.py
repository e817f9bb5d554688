"""The tests' own shared-content file (tests/fixtures/shared-content.yml): the data the tests of the
code (grouping, ordering, validation, rendering) run on, so they pass whatever services the real
data file lists. Tests of the real content read macros/data/shared-content.yml instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from macros.data_files import SHARED_CONTENT, dump_yaml, load, parse_yaml
from macros.schema import SharedContent

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "shared-content.yml"


def fixture_raw() -> dict:
    """The fixture as plain data, to change for a bad example."""
    return parse_yaml(FIXTURE.read_text(encoding="utf-8"))


def write_fixture(project_dir: Path, change: Callable[[dict], object] = lambda d: None) -> Path:
    """The fixture, changed by `change`, written where the build reads the data file in project_dir."""
    data = fixture_raw()
    change(data)
    file = project_dir / SHARED_CONTENT
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(dump_yaml(data), encoding="utf-8")
    return project_dir


def fixture_shared() -> SharedContent:
    """The fixture, validated as the build validates the real file."""
    return load(FIXTURE.parent, Path(FIXTURE.name), SharedContent)
