"""Waiting until a page's network is quiet: shorter than Playwright's `networkidle` (500 ms of
silence after every page), and it sees the requests of workers too (Material's search worker)."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page


class OpenRequests:
    """The requests of a browser context (its pages, frames and workers) that have not ended yet."""

    def __init__(self, context: BrowserContext) -> None:
        self.open: set[object] = set()
        context.on("request", lambda r: self.open.add(r))
        context.on("requestfinished", lambda r: self.open.discard(r))
        context.on("requestfailed", lambda r: self.open.discard(r))

    def wait_until_quiet(self, page: Page, quiet_ms: int = 150, limit_ms: int = 5000) -> None:
        """Return once no request has been open for quiet_ms (or after limit_ms)."""
        quiet = 0
        for _ in range(limit_ms // 50):
            page.wait_for_timeout(50)
            quiet = quiet + 50 if not self.open else 0
            if quiet >= quiet_ms:
                return


# Runs before any page script, in every document: records the browser's own CSP violation events.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile || '?'}:${e.lineNumber}`));
"""
