"""Load the YAML data files and check them against macros/schema.py.

Any problem stops the build with one line per problem: `file: key.path: what — fix`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from .schema import Bibliography, Glossary, SharedContent, problems

DATA_DIR = Path("macros") / "data"
SHARED_CONTENT = DATA_DIR / "shared-content.yml"
BIBLIOGRAPHY = DATA_DIR / "bibliography.yml"
GLOSSARY = DATA_DIR / "glossary.yml"

T = TypeVar("T")

try:  # MkDocs shows a PluginError as one line and stops the build
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # Zensical runs the macros without MkDocs installed

    class BuildError(Exception):  # type: ignore[no-redef]
        """An editor's mistake that stops the build; the message says what and how to fix it."""


class DataFileError(BuildError):
    """A data file is missing or wrong. The message is ready to show to an editor."""


# libyaml's parser and writer, which PyYAML's wheels include: the same documents, about ten times
# faster than the pure-Python ones (shared-content.yml: 25 ms, not 250 ms), and every build and test
# reads it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def parse_yaml(text: str) -> Any:
    """YAML text -> Python data, as yaml.safe_load gives it. The one YAML parser of the project."""
    return yaml.load(text, Loader=_LOADER)


def dump_yaml(data: Any) -> str:
    """Python data -> YAML text, keys in their order, as yaml.safe_dump writes it (for tests that
    write a changed copy of a data file)."""
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def read_yaml(path: Path, label: str) -> Any:
    if not path.is_file():
        raise DataFileError(f"{label}: file not found — restore it from git or check its name")
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f":{mark.line + 1}" if mark else ""
        raise DataFileError(
            f"{label}{where}: this is not valid YAML ({err.problem}) — check indentation, colons and quotes"
        ) from None


def load(project_dir: Path, relative: Path, model: type[T] | Any) -> T:
    """Read `relative` (below project_dir) and validate it; raise DataFileError on any problem."""
    label = relative.as_posix()
    raw = read_yaml(project_dir / relative, label)
    try:
        return TypeAdapter(model).validate_python(raw)
    except ValidationError as err:
        raise DataFileError("\n".join(f"{label}: {line}" for line in problems(err))) from None


def load_all(project_dir: Path) -> tuple[SharedContent, dict, list]:
    return (
        load(project_dir, SHARED_CONTENT, SharedContent),
        load(project_dir, BIBLIOGRAPHY, Bibliography),
        load(project_dir, GLOSSARY, Glossary),
    )
