"""Text in boxes (Key points, examples, warnings, help boxes) is as large as the body text. Material
sets it smaller (12.8 px against 16 px); a reader test found the Key points hard to read. Checked on
every page by the desktop sweep of test_axe.py, which has the page open already."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

# Body text: the paragraphs of the article itself. Box text: paragraphs and list items in a box
# (admonition or details), the box's title included. One list is left out on purpose: the crisis
# page's numbers by country (data-ipt=first-help, in the urgent box), kept compact so that every
# country's emergency number and line to talk to fit on a phone's first screen.
SMALL_BOX_TEXT = """() => {
  const body = document.querySelector("article.md-content__inner > p");
  if (!body) return [];
  const size = getComputedStyle(body).fontSize;
  const seen = new Set(), problems = [];
  for (const el of document.querySelectorAll("article :is(.admonition, details) :is(p, li, summary)")) {
    if (el.closest("[data-ipt=first-help]")) continue;
    const own = getComputedStyle(el).fontSize;
    const box = el.closest(".admonition, details");
    const title = (box.querySelector(".admonition-title, summary") || box).textContent.trim().slice(0, 30);
    if (own !== size && !seen.has(box)) {
      seen.add(box);
      problems.push(`text in the box ${JSON.stringify(title)} is ${own}, the body text ${size}`);
    }
  }
  return problems;
}"""


BOXES = "article :is(.admonition, details)"


def box_text_problems(page: Page, path: str) -> tuple[int, list[str]]:
    """On the open page: (how many boxes it has, a line per box whose text is not body size).
    Run on every page by the desktop sweep of test_axe.py, in the same page load."""
    return page.locator(BOXES).count(), [f"/{path}: {p}" for p in page.evaluate(SMALL_BOX_TEXT)]


def test_text_size_check_reports_a_small_box(window: Callable[..., Page], base_url: str) -> None:
    """Bad example: the Key points box set back to Material's size (through the DOM: the CSP forbids inline CSS)."""
    page = window("desktop")
    page.goto(base_url + "what-is-ipt/")
    assert page.evaluate(SMALL_BOX_TEXT) == []
    page.evaluate("document.querySelector('.admonition.abstract').style.fontSize = '0.64rem'")
    assert page.evaluate(SMALL_BOX_TEXT) == ['text in the box "Key points" is 12.8px, the body text 16px']
