"""Every page loads nothing from outside the site, sets no cookie and logs no console error.

Requests are recorded on the browser context, which sees the page, its frames and its workers
(Material's search worker loads the search index). The browser can reach only loopback
(conftest's host-resolver rule), so an outside request fails, but it is still recorded here.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser

from support.network import OpenRequests
from support.server import serve

from .conftest import FailingPages, report
from .profiles import DESKTOP


class PrivacyWatch:
    """One browser context that records every request (page, frames, workers), websocket,
    console error and uncaught error; visit() reports them per page and empties the cookie jar."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.base_url = base_url
        self.origin = base_url.rstrip("/")
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(**DESKTOP)
        self.requests = OpenRequests(self.context)
        self.context.on("request", lambda r: r.url.startswith((self.origin + "/", "data:", "blob:")) or self.outside.append(r.url))
        self.context.on("weberror", lambda e: self.errors.append(f"uncaught error: {e.error}"))
        self.page = self.context.new_page()
        self.page.on("websocket", lambda ws: self.outside.append(ws.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console error: {m.text}"))

    def visit(self, path: str, search: bool = False) -> list[str]:
        """Open one page and return its privacy problems.

        search: also type a query, so the search worker answers one while we watch (the worker and
        index are the same on every page, so the test does this once).
        """
        self.outside.clear()
        self.errors.clear()
        self.context.clear_cookies()
        response = self.page.goto(self.base_url + path)
        if search:
            self.page.locator("input.md-search__input").press_sequentially("ipt")
            self.page.locator(".md-search-result__item").first.wait_for()
        self.requests.wait_until_quiet(self.page)
        cookies = [f"{c['name']} ({c['domain']})" for c in self.context.cookies()]
        document_cookie = self.page.evaluate("document.cookie")
        problems = [f"/{path}: request outside the site: {url}" for url in dict.fromkeys(self.outside)]
        problems += [f"/{path}: {e}" for e in self.errors]
        problems += [f"/{path}: sets cookie {c}" for c in cookies]
        if document_cookie:
            problems.append(f"/{path}: document.cookie is {document_cookie!r}")
        if response is None or response.status != 200:
            problems.append(f"/{path}: HTTP status {response.status if response else 'none'}")
        return problems

    def close(self) -> None:
        self.context.close()


def test_no_outside_requests_cookies_or_console_errors(
    browser: Browser, base_url: str, site_paths: list[str], failing_pages: FailingPages
) -> None:
    watch = PrivacyWatch(browser, base_url)
    problems: list[str] = []
    try:
        for i, path in enumerate(site_paths):
            found = watch.visit(path, search=i == 0)
            if found:
                failing_pages.add(path)
            problems += found
    finally:
        watch.close()
    assert not problems, report(problems)


# --- the check can fail: a copy of the site with a tracker image, a worker fetch, a cookie, an error
# Scripts are separate files because the pages' Content-Security-Policy blocks inline scripts.

BAD_SCRIPT = """
document.cookie = "tracker=1; path=/";
new Worker("/bad-worker.js");
console.error("broken on purpose");
"""
BAD_WORKER = "fetch('https://example.net/from-worker.json');"


def test_privacy_check_names_what_leaked(browser: Browser, site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "bad.js").write_text(BAD_SCRIPT, encoding="utf-8")
    (copy / "bad-worker.js").write_text(BAD_WORKER, encoding="utf-8")
    about = copy / "about/index.html"
    html = about.read_text(encoding="utf-8")
    bad = '<img src="https://example.org/x.png" alt=""><script src="/bad.js"></script></body>'
    about.write_text(html.replace("</body>", bad), encoding="utf-8")
    with serve(copy) as url:
        watch = PrivacyWatch(browser, url)
        try:
            problems = watch.visit("about/", search=True)
            assert watch.visit("glossary/") == []  # the next, untouched page of the copy passes
        finally:
            watch.close()
    text = "\n".join(problems)
    assert "/about/: request outside the site: https://example.org/x.png" in text
    assert "/about/: request outside the site: https://example.net/from-worker.json" in text
    assert "/about/: sets cookie tracker (127.0.0.1)" in text
    assert "/about/: document.cookie is 'tracker=1'" in text
    assert "/about/: console error: broken on purpose" in text
