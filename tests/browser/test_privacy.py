"""Every page loads nothing from outside the site, sets no cookie, logs no console error and, served
by nginx with the shipped headers, breaks no rule of its Content-Security-Policy (search and the
search help card included); a
reader's search words stay out of addresses and history, and nothing is stored in their browser
until they choose something (the colour switch).

Requests are recorded on the browser context, which sees the page, its frames and its workers
(Material's search worker loads the search index). The browser can reach only loopback
(conftest's host-resolver rule), so an outside request fails, but it is still recorded here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import Project, error_lines
from support.network import CSP_LISTENER, OpenRequests
from support.server import serve

from .conftest import FailingPages, report
from .profiles import DESKTOP, PROFILES
from .search_ui import enter_search, open_search


class PrivacyWatch:
    """One browser context that records every request (page, frames, workers), websocket,
    console error and uncaught error; visit() reports them per page and empties the cookie jar.

    csp: also the Content-Security-Policy, when nginx serves the site with the shipped headers
    (deploy/): the header on each page, the browser's violation events, and console warnings
    (Chromium reports header syntax problems there).
    """

    def __init__(self, browser: Browser, base_url: str, csp: bool = False) -> None:
        self.base_url, self.csp = base_url, csp
        self.origin = base_url.rstrip("/")
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(**DESKTOP)
        self.requests = OpenRequests(self.context)
        self.context.on(
            "request", lambda r: r.url.startswith((self.origin + "/", "data:", "blob:")) or self.outside.append(r.url)
        )
        self.context.on("weberror", lambda e: self.errors.append(f"uncaught error: {e.error}"))
        self.page = self.context.new_page()
        self.page.on("websocket", lambda ws: self.outside.append(ws.url))
        logged = ("error", "warning") if csp else ("error",)
        self.page.on("console", lambda m: m.type in logged and self.errors.append(f"console {m.type}: {m.text}"))
        if csp:
            self.context.add_init_script(CSP_LISTENER)

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
        if self.csp:
            if response is None or "content-security-policy" not in response.headers:
                problems.append(f"/{path}: no CSP header")
            problems += [f"/{path}: {v}" for v in self.page.evaluate("window.__cspViolations || []")]
        return problems

    def close(self) -> None:
        self.context.close()


def test_no_outside_requests_cookies_console_errors_or_csp_violations(
    browser: Browser, nginx_url: str, site_paths: list[str], failing_pages: FailingPages
) -> None:
    """Every page, served by nginx with the shipped headers: one visit checks its privacy and its CSP."""
    watch = PrivacyWatch(browser, nginx_url, csp=True)
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


def test_csp_part_names_an_unhashed_inline_script_and_a_missing_header(
    browser: Browser, site: Path, tmp_path: Path
) -> None:
    """Bad examples: the about page of a copy gets an inline script after the build (its hash is in
    no policy), served by nginx; then the same copy served without headers."""
    from support.nginx import run_nginx

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    about = copy / "about/index.html"
    injected = "<script>document.title = 'injected'</script></body>"
    about.write_text(about.read_text(encoding="utf-8").replace("</body>", injected), encoding="utf-8")
    with run_nginx(copy, tmp_path / "nginx") as url:
        watch = PrivacyWatch(browser, url, csp=True)
        try:
            problems = watch.visit("about/")
            assert watch.page.title() != "injected"
        finally:
            watch.close()
    assert any(re.fullmatch(r"/about/: script-src-elem blocked inline at .*/about/:\d+", p) for p in problems), problems
    assert any(p.startswith("/about/: console error: Executing inline script violates") for p in problems), problems
    with serve(copy) as url:
        watch = PrivacyWatch(browser, url, csp=True)
        try:
            assert "/glossary/: no CSP header" in watch.visit("glossary/")
        finally:
            watch.close()


def test_search_help_card_works_under_the_csp(browser: Browser, nginx_url: str) -> None:
    """The help card (docs/javascripts/crisis-search.js) runs under the policy too; the sweep above
    already searches under it."""
    watch = PrivacyWatch(browser, nginx_url, csp=True)
    try:
        assert watch.visit("") == []
        box = watch.page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("cant cope", delay=30)
        expect(watch.page.locator(".ipt-crisis-card")).to_be_visible(timeout=10_000)
        assert watch.errors == [] and watch.page.evaluate("window.__cspViolations") == []
    finally:
        watch.close()


# --- search words stay out of addresses and history; nothing stored until the reader chooses ------
# A reader whose partner checks their phone: what they typed into the search must not show in the
# address bar or the history, and the browser must hold nothing from this site (Material would save
# the colour scheme on every page: docs/javascripts/storage-on-choice.js stops that).

QUERY = "arguing partner"
STORED = """async () => [
  ...Object.keys(localStorage).map((k) => `localStorage: ${k}`),
  ...Object.keys(sessionStorage).map((k) => `sessionStorage: ${k}`),
  ...(await indexedDB.databases()).map((d) => `IndexedDB: ${d.name}`),
  ...(await caches.keys()).map((k) => `Cache Storage: ${k}`),
]"""


def stored(page: Page) -> list[str]:
    """What this site left in the browser: Web Storage, IndexedDB, Cache Storage and cookies."""
    return page.evaluate(STORED) + [f"cookie: {c['name']}" for c in page.context.cookies()]


def words_in_history(page: Page, words: list[str]) -> list[str]:
    """Every history entry of the tab (address and title, as the History list shows them) and the
    current address, searched for the reader's words."""
    entries = page.context.new_cdp_session(page).send("Page.getNavigationHistory")["entries"]
    seen = [("address", unquote(e["url"])) for e in entries] + [("title", e["title"]) for e in entries]
    seen.append(("address bar", unquote(page.url)))
    return [
        f"{kind} {text!r} contains {word!r}"
        for kind, text in dict.fromkeys(seen)
        for word in words
        if word in text.lower()
    ]


def reader_journey(page: Page, base_url: str) -> list[str]:
    """Open pages, search, open a result with Enter and another by clicking, open the menu: what
    leaked into the history or the browser's storage on the way."""
    problems = []
    page.goto(base_url)
    problems += [f"after opening the home page: {s}" for s in stored(page)]
    open_search(page)
    enter_search(page, QUERY)
    page.locator("input.md-search__input").press("Enter")  # Material opens the first result
    page.wait_for_url(lambda url: url.rstrip("/") != base_url.rstrip("/"))
    problems += [f"after Enter in the search: {s}" for s in stored(page)]
    open_search(page)
    enter_search(page, QUERY)
    page.locator(".md-search-result__item > a.md-search-result__link").nth(1).click()  # the second page found
    page.wait_for_load_state()
    problems += [f"after clicking a result: {s}" for s in stored(page)]
    problems += [f"history: {s}" for s in words_in_history(page, QUERY.split())]
    page.goto(base_url + "about/")  # a page with the menu (the crisis page hides it on desktops)
    menu = page.locator("label.md-header__button[for=__drawer]")
    if menu.is_visible():
        menu.click()
        page.wait_for_function("document.getElementById('__drawer').checked")
    page.locator(".md-nav--primary a.md-nav__link[href]:visible").last.click()
    page.wait_for_load_state()
    problems += [f"after the menu: {s}" for s in stored(page)]
    return problems


@pytest.mark.parametrize("profile", ["320px", "desktop"])
def test_no_search_words_in_history_and_nothing_stored(browser: Browser, base_url: str, profile: str) -> None:
    context = browser.new_context(**PROFILES[profile])
    try:
        page = context.new_page()
        assert reader_journey(page, base_url) == []
        # The reader's own choice is kept: the colour switch saves exactly that choice.
        page.locator("[data-md-component=palette] label:not([hidden])").click()
        keys = stored(page)
        assert len(keys) == 1 and keys[0].startswith("localStorage: /") and keys[0].endswith(".__palette"), keys
    finally:
        context.close()


def test_journey_check_names_stored_scheme_and_search_words(project: Project, browser: Browser) -> None:
    """Bad example: the site built with Material's search.highlight (words in result addresses) and
    without storage-on-choice.js (Material saves the colour scheme on every page)."""
    config = (project.path / "mkdocs.yml").read_text(encoding="utf-8")
    project.write(
        "mkdocs.yml", config.replace("    - search.suggest\n", "    - search.suggest\n    - search.highlight\n", 1)
    )
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    (project.path / "site/javascripts/storage-on-choice.js").write_text("", encoding="utf-8")
    context = browser.new_context(**DESKTOP)
    try:
        with serve(project.path / "site") as url:
            problems = reader_journey(context.new_page(), url)
    finally:
        context.close()
    assert "after opening the home page: localStorage: /.__palette" in problems, problems
    assert any(
        p.startswith("history: address 'http") and "/?h=arguing+partner" in p and p.endswith("contains 'arguing'")
        for p in problems
    ), problems
