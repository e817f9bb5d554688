"""Check that every web address on the site still opens. Needs the internet, so it is NOT part of
`make test`; run it with `make check-external-links` (weekly on GitHub: .github/workflows/links.yml).

    PYTHONPATH=tests .venv/bin/python -m quality.external_links

Builds a copy of the project with mkdocs-htmlproofer-plugin checking external addresses too, and
prints one line per address that does not open. Exit code 1 if any does.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from conftest import Project

from .links import build_with_proofer, proofer_problems


def check(project: Project) -> list[str]:
    site = project.path / "site"
    return proofer_problems(project.path, site, build_with_proofer(project.path, site, external=True))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        problems = check(Project(Path(tmp)))
    for line in problems:
        print(line)
    print(f"{len(problems)} link problem(s)" if problems else "every link opens", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
