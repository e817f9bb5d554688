"""overrides/ stays a small change on top of Material: copied partials may differ only in marked lines,
and what main.html changes without a copy is there on every page (the search dialog's name, the
"Exit this page" button)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.site_pages import seen_html

MATERIAL = Path(material.__file__).parent / "templates"
MARKED = re.compile(r"[ \t]*\{#- ipt-guide: begin.*?ipt-guide: end -#\}\n", re.S)
HEADER_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def strip_ours(text: str) -> str:
    return MARKED.sub("", HEADER_COMMENT.sub("", text))


# main.html and 404.html extend Material's templates (their blocks), they are not copies.
EXTENDED = {"main.html", "404.html"}
COPIES = [
    p.relative_to(ROOT / "overrides")
    for p in (ROOT / "overrides").rglob("*.html")
    if (MATERIAL / p.relative_to(ROOT / "overrides")).exists() and p.name not in EXTENDED
]


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
    unnamed = [
        str(p.relative_to(site))
        for p in sorted(site.rglob("*.html"))
        if 'role="dialog" aria-label="Search">' not in p.read_text(encoding="utf-8")
    ]
    assert not unnamed, (
        f"search dialog without a name on: {', '.join(unnamed)} — update the filter in overrides/main.html"
    )


# --- "Exit this page": on every page, the first link after the skip link -------------------------


def exit_button_problems(html: str, name: str, exit_url: str) -> list[str]:
    """One "Exit this page" link to the configured neutral page, that tells that page nothing
    (rel noreferrer), and that is the first link of the page, or the second after a skip link."""
    soup = seen_html(html)
    buttons = soup.select('[data-ipt="quick-exit"] a[href]')
    if len(buttons) != 1:
        return [f"{name}: {len(buttons)} exit buttons, expected 1"]
    button, problems = buttons[0], []
    if button["href"] != exit_url:
        problems.append(f"{name}: exit button goes to {button['href']!r}, not {exit_url!r}")
    if "noreferrer" not in button.get("rel", []):
        problems.append(f"{name}: exit button would tell the neutral page where the reader was (no rel=noreferrer)")
    links = soup.select("body a[href]")
    before = links[: links.index(button)]
    if len(before) > 1 or (before and "md-skip" not in before[0].get("class", [])):
        problems.append(f"{name}: exit button comes after {len(before)} other link(s), not right after the skip link")
    return problems


def test_every_page_has_the_exit_button_first(site: Path, shared_content: dict) -> None:
    exit_url = shared_content["quick_exit"]["url"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    problems = [
        p
        for page in pages
        for p in exit_button_problems(page.read_text(encoding="utf-8"), str(page.relative_to(site)), exit_url)
    ]
    assert not problems, "\n".join(problems)


def test_exit_button_check_names_a_missing_late_or_wrong_button(site: Path, shared_content: dict) -> None:
    """Bad examples: the button removed, moved to the end of the page, and pointing elsewhere."""
    exit_url = shared_content["quick_exit"]["url"]
    html = (site / "about/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    box = soup.select_one('[data-ipt="quick-exit"]')
    assert box is not None
    box.extract()
    assert exit_button_problems(str(soup), "about", exit_url) == ["about: 0 exit buttons, expected 1"]
    soup.body.append(box)
    [late] = exit_button_problems(str(soup), "about", exit_url)
    assert late.startswith("about: exit button comes after ") and late.endswith("not right after the skip link")
    wrong = html.replace(f'href="{exit_url}"', 'href="https://example.org/"')
    assert exit_button_problems(wrong, "about", exit_url) == [
        f"about: exit button goes to 'https://example.org/', not {exit_url!r}"
    ]
