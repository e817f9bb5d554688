"""An article printed to PDF by Chromium (served by nginx, under the CSP) keeps what matters on paper
and drops the site furniture. Text comes out of the PDF with pdftotext (Debian poppler-utils)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from support.site_pages import page_file, seen, site_paths


def pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing — install Debian's poppler-utils (make test does)"
    return subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    """Without white space: long URLs wrap across lines on paper."""
    return re.sub(r"\s+", "", text)


def article_with_external_link(site: Path) -> tuple[str, str]:
    for path in site_paths(site):
        soup = seen(page_file(site, path))
        link = soup.select_one("article a[href^='https://']:not(aside a)")
        if soup.select_one("aside.ipt-article-footer") and link:
            return path, link["href"]
    raise AssertionError("no article with an external link in the site")


def print_problems(page: Page, text: str) -> list[str]:
    """What the printout of the open page lacks or should not have, one line each."""
    flat, problems = squash(text), []
    article = page.locator("article").inner_text()
    must = {
        "page URL": page.locator("link[rel=canonical]").get_attribute("href") or "",
        "review dates": page.locator("[data-ipt=review-dates]").inner_text(),
        "medical disclaimer title": page.locator("#ipt-medical-title").inner_text(),
        "crisis line": page.locator("[data-ipt=disclaimer-crisis] [data-ipt=urgent-help-text]").inner_text(),
    }
    problems += [
        f"printout lacks the {what}: {value!r}"
        for what, value in must.items()
        if not value or squash(value) not in flat
    ]
    # Menu and footer-navigation labels that are not words of the article itself must not print.
    furniture = page.locator(".md-nav--primary .md-nav__link, .md-footer__link, .md-search__input").evaluate_all(
        "els => els.map(e => (e.placeholder || e.innerText).trim()).filter(Boolean)"
    )
    problems += [
        f"printout shows site furniture: {label!r}"
        for label in dict.fromkeys(furniture)
        if squash(label) not in squash(article) and squash(label) in flat
    ]
    return problems


def test_article_prints_with_url_dates_disclaimers_and_link_targets(
    page: Page, nginx_url: str, site: Path, tmp_path: Path
) -> None:
    path, href = article_with_external_link(site)
    page.goto(nginx_url + path, wait_until="networkidle")
    pdf = tmp_path / "article.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = pdf_text(pdf)
    assert print_problems(page, text) == []
    assert squash(f"({href})") in squash(text), f"the external link target {href} is not printed after its link"


def test_print_check_reports_a_printout_with_furniture(page: Page, nginx_url: str, site: Path) -> None:
    """Bad example: the screen text (menus and all) instead of the printout fails the check."""
    path, _ = article_with_external_link(site)
    page.goto(nginx_url + path, wait_until="networkidle")
    screen = (
        page.locator("body").inner_text().replace(page.locator("link[rel=canonical]").get_attribute("href") or "", "")
    )
    problems = print_problems(page, screen)
    assert any(p.startswith("printout lacks the page URL") for p in problems), problems
    assert any(p.startswith("printout shows site furniture") for p in problems), problems


# --- length: a typical article on at most 4 A4 sheets, with the help box's numbers ------------------

TYPICAL_ARTICLES = ["what-is-ipt/", "what-to-expect/"]  # the two a reader test printed (7 sheets each then)
MAX_SHEETS = 4


def paper_problems(page: Page, text: str, limit: int = MAX_SHEETS) -> list[str]:
    """Too many sheets, emergency numbers missing, or a source's address printed twice: one line each.
    `text` is pdftotext's output, which ends every sheet with a form feed."""
    flat, problems = squash(text), []
    sheets = text.count("\f")
    if sheets > limit:
        problems.append(
            f"prints on {sheets} sheets (at most {limit}) — see the print rules in docs/stylesheets/extra.css"
        )
    numbers = page.locator("[data-ipt=emergency-numbers]").first.inner_text()
    if squash(numbers) not in flat:
        problems.append(f"printout lacks the help box's emergency numbers: {numbers!r}")
    for href in page.locator("h2#sources + ol a[href^='http']").evaluate_all("els => els.map(e => e.href)"):
        if squash(f"({href})") in flat:
            problems.append(f"printout repeats the address after the Sources link {href}")
    return problems


@pytest.mark.parametrize("path", TYPICAL_ARTICLES)
def test_typical_article_prints_on_four_sheets_with_the_help_numbers(
    page: Page, nginx_url: str, tmp_path: Path, path: str
) -> None:
    page.goto(nginx_url + path, wait_until="networkidle")
    pdf = tmp_path / "article.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert paper_problems(page, pdf_text(pdf)) == []


def test_paper_check_reports_too_many_sheets_missing_numbers_and_doubled_addresses(
    page: Page, nginx_url: str, tmp_path: Path
) -> None:
    """Bad examples: the article printed on small A6 sheets; its text without the emergency numbers;
    and with a source's address printed after its link, as the print rules once did."""
    page.goto(nginx_url + TYPICAL_ARTICLES[0], wait_until="networkidle")
    pdf = tmp_path / "small.pdf"
    page.pdf(path=str(pdf), format="A6")
    text = pdf_text(pdf)
    problems = paper_problems(page, text)
    assert len(problems) == 1 and re.fullmatch(
        r"prints on \d+ sheets \(at most 4\) — see the print rules in docs/stylesheets/extra.css", problems[0]
    ), problems
    numbers = page.locator("[data-ipt=emergency-numbers]").first.inner_text()
    cut = text.replace(numbers.split()[-1], "")  # the last number gone
    assert paper_problems(page, cut, limit=99) == [f"printout lacks the help box's emergency numbers: {numbers!r}"]
    href = page.locator("h2#sources + ol a[href^='http']").first.evaluate("e => e.href")
    assert paper_problems(page, text + f" ({href})", limit=99) == [
        f"printout repeats the address after the Sources link {href}"
    ]
