"""Is an element really on screen for a reader? Shared by the safety, layout and keyboard tests."""

from __future__ import annotations

from playwright.sync_api import Locator

# Is the element really on screen? Visible to Playwright is not enough: it must lie inside the
# viewport and be the topmost element at its centre (nothing covers it, e.g. a sticky header).
ON_SCREEN = """(el, [vw, vh]) => {
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return "has no size";
  // 1 px of slack for sub-pixel layout; a box taller than the screen needs only its top on screen.
  const bottomLimit = r.height > vh ? r.top + 1 : r.bottom;
  if (r.left < -1 || r.top < -1 || r.right > vw + 1 || bottomLimit > vh + 1)
    return `is outside the ${vw}x${vh} viewport (box ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)})`;
  const x = r.left + r.width / 2, y = (Math.max(r.top, 0) + Math.min(r.bottom, vh)) / 2;
  const top = document.elementFromPoint(x, y);
  if (top && !el.contains(top) && !top.contains(el))
    return `is covered by <${top.tagName.toLowerCase()} class="${top.className}">`;
  const style = getComputedStyle(el);
  if (style.visibility !== "visible" || Number(style.opacity) < 0.5) return "is invisible (visibility/opacity)";
  return "";
}"""


def on_screen_problem(target: Locator, name: str) -> str:
    """'' if `target` is visible, inside the viewport and uncovered; else what is wrong."""
    if target.count() == 0:
        return f"{name} is missing"
    first = target.first
    if not first.is_visible():
        return f"{name} is not visible"
    # The window's size as set, not window.innerWidth: a phone zooms out when a page is too wide.
    size = target.page.viewport_size or {"width": 0, "height": 0}
    problem = first.evaluate(ON_SCREEN, [size["width"], size["height"]])
    return f"{name} {problem}" if problem else ""
