"""Reflow and zoom: every page fits a 320 px wide screen (WCAG 1.4.10) and a 1280 px window at 200%
zoom (WCAG 1.4.4, see profiles.ZOOM_200) without sideways scrolling, clipped text or a hidden help link.

Tables and code blocks may scroll inside their own box (WCAG 1.4.10 allows it for data tables and
code), so text inside an element that scrolls sideways is not counted as clipped.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .conftest import FailingPages, report
from .visibility import on_screen_problem

LAYOUT_PROBLEMS = """() => {
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].slice(0, 2).map((c) => "." + c).join("");
  const text = (el) => JSON.stringify(el.textContent.trim().replace(/\\s+/g, " ").slice(0, 40));
  const vw = document.documentElement.clientWidth;
  const problems = [];
  // In a fixed box (the phone menu drawer, whose closed sections wait off screen) nothing scrolls the page.
  const inFixed = (el) => { for (let up = el; up; up = up.parentElement)
    if (getComputedStyle(up).position === "fixed") return true; return false; };
  if (document.documentElement.scrollWidth > vw) {
    const wide = [...document.querySelectorAll("body *")].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > vw + 1 && !inFixed(el);
    }).slice(-3).map(name);
    problems.push(`scrolls sideways: content is ${document.documentElement.scrollWidth} px wide in a ${vw} px window (widest: ${wide.join(", ")})`);
  }
  const blocks = document.querySelectorAll(
    ".md-content :is(p, li, h1, h2, h3, h4, h5, h6, dt, dd, th, td, summary, figcaption, .md-button)");
  for (const el of blocks) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || !el.textContent.trim()) continue;
    let clipped = "", scrolls = false;
    for (let up = el; up && !up.matches("article"); up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === "auto" || overflow === "scroll") { scrolls = true; break; }
      if ((overflow === "hidden" || overflow === "clip") &&
          (up === el ? up.scrollWidth > up.clientWidth + 1 : r.right > up.getBoundingClientRect().right + 1)) {
        clipped = name(up); break;
      }
    }
    if (scrolls) continue;
    if (clipped) problems.push(`text ${text(el)} in ${name(el)} is cut off by ${clipped}`);
    else if (r.right > vw + 1 || r.left < -1) problems.push(`text ${text(el)} in ${name(el)} runs off the screen`);
  }
  return problems;
}"""


def layout_problems(page: Page, url: str, path: str) -> list[str]:
    page.goto(url)
    problems = page.evaluate(LAYOUT_PROBLEMS)
    help_problem = on_screen_problem(page.locator("header [data-ipt=help-link]"), '"Get help now" link')
    return [f"/{path}: {p}" for p in problems + ([help_problem] if help_problem else [])]


@pytest.mark.parametrize("profile", ["320px", "zoom-200%"])
def test_pages_reflow_without_sideways_scrolling(
    window: Callable[..., Page], profile: str, base_url: str, site_paths: list[str], failing_pages: FailingPages
) -> None:
    page = window(profile)
    if profile == "zoom-200%":  # prove the emulation is what 200% zoom of a 1280 px window gives
        page.goto(base_url)
        assert page.evaluate("[window.innerWidth, window.devicePixelRatio]") == [640, 2]
    problems: list[str] = []
    for path in site_paths:
        found = layout_problems(page, base_url + path, path)
        if found:
            failing_pages.add(path)
        problems += [f"{p} [{profile}]" for p in found]
    assert not problems, report(problems)


# --- the check can fail -------------------------------------------------------------------------


def test_layout_check_reports_overflow_and_clipped_text(window: Callable[..., Page], base_url: str) -> None:
    page = window("320px")
    page.goto(base_url + "about/")
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    # A fixed-width paragraph makes the page scroll sideways; a paragraph in a narrow box with
    # overflow:hidden loses its end. Styles are set through the DOM: the page's CSP forbids inline CSS.
    page.evaluate("""() => {
      const article = document.querySelector("article");
      const wide = document.createElement("p"); wide.textContent = "A very wide paragraph";
      wide.style.width = "600px"; article.prepend(wide);
      const box = document.createElement("div"); box.className = "box"; box.style.width = "100px";
      box.style.overflow = "hidden"; const p = document.createElement("p");
      p.textContent = "Clipped text"; p.style.width = "200px"; box.append(p); article.append(box);
    }""")
    problems = page.evaluate(LAYOUT_PROBLEMS)
    assert problems[0].startswith("scrolls sideways: content is "), problems
    assert problems[0].endswith(" px wide in a 320 px window (widest: p)"), problems
    assert 'text "A very wide paragraph" in p runs off the screen' in problems
    assert 'text "Clipped text" in p is cut off by div.box' in problems
