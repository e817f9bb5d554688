"""overrides/ stays a small change on top of Material: copied partials may differ only in marked lines,
and what main.html changes without a copy is there on every page."""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
MARKED = re.compile(r"[ \t]*\{#- ipt-guide: begin.*?ipt-guide: end -#\}\n", re.S)
HEADER_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def strip_ours(text: str) -> str:
    return MARKED.sub("", HEADER_COMMENT.sub("", text))


# main.html and 404.html extend Material's templates (their blocks), they are not copies.
EXTENDED = {"main.html", "404.html"}
COPIES = [p.relative_to(ROOT / "overrides") for p in (ROOT / "overrides").rglob("*.html")
          if (MATERIAL / p.relative_to(ROOT / "overrides")).exists() and p.name not in EXTENDED]


def test_copied_partials_are_listed() -> None:
    assert Path("partials/header.html") in COPIES


@pytest.mark.parametrize("partial", COPIES, ids=str)
def test_copy_matches_material_except_marked_lines(partial: Path) -> None:
    ours = strip_ours((ROOT / "overrides" / partial).read_text(encoding="utf-8"))
    theirs = HEADER_COMMENT.sub("", (MATERIAL / partial).read_text(encoding="utf-8"))
    assert ours == theirs, (
        f"overrides/{partial} differs from Material's copy outside the 'ipt-guide: begin/end' lines — "
        "re-copy it from Material and re-apply only the marked lines"
    )


def test_drift_check_catches_an_unmarked_change() -> None:
    text = (ROOT / "overrides/partials/header.html").read_text(encoding="utf-8")
    theirs = HEADER_COMMENT.sub("", (MATERIAL / "partials/header.html").read_text(encoding="utf-8"))
    assert strip_ours(text.replace("md-header__inner", "md-header__changed", 1)) != theirs


def test_search_dialog_is_named_on_every_page(site: Path) -> None:
    """main.html names Material's search dialog with a filter (no copied partial): if Material's markup
    changes, the filter finds nothing to replace and this test names the pages left unnamed."""
    unnamed = [str(p.relative_to(site)) for p in sorted(site.rglob("*.html"))
               if 'role="dialog" aria-label="Search">' not in p.read_text(encoding="utf-8")]
    assert not unnamed, f"search dialog without a name on: {', '.join(unnamed)} — update the filter in overrides/main.html"
