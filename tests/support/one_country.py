"""A copy of the whole project (content, logic and tests) whose data file lists one country, its
services in another order: what an organisation that deploys the guide for its own country does.
The suite run inside the copy must pass as it does here (tests/build/test_one_country.py).

Run by hand: `.venv/bin/python -m support.one_country GB /tmp/gb-only` (from tests/), then run
pytest inside /tmp/gb-only with this project's virtualenv.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from macros.data_files import dump_yaml, parse_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = "macros/data/shared-content.yml"
# What a run of the suite makes or installs; never part of the project.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv*", "site", "__pycache__", ".pytest_cache", "test-results", "node_modules", ".cache"
)


def one_country(text: str, code: str) -> str:
    """The data file's text with only `code` under `crisis:`, its services in reverse order.

    Only the `crisis:` block is rewritten; every other line (and its comments, such as the
    spelling check's `# codespell:ignore`) stays as written.
    """
    data = parse_yaml(text)
    country = dict(data["crisis"][code])
    country["services"] = list(reversed(country["services"]))
    start, end = text.index("\ncrisis:\n"), text.index("\ncrisis_international:")
    block = dump_yaml({"crisis": {code: country}})
    return text[: start + 1] + block + text[end:]


def copy_with_one_country(dest: Path, code: str) -> Path:
    shutil.copytree(ROOT, dest, ignore=NOT_COPIED, dirs_exist_ok=True)
    file = dest / DATA
    file.write_text(one_country(file.read_text(encoding="utf-8"), code), encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(copy_with_one_country(Path(sys.argv[2]), sys.argv[1]))
