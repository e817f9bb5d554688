// Wide tables scroll sideways on small screens. A box that scrolls must be reachable by keyboard
// (WCAG 2.1.1; axe rule scrollable-region-focusable), so every table box that is too wide for the
// screen becomes a focusable, named region. Runs on each page load (Material's document$).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table (scrolls sideways)");
    }
  });
});
