"""Pages served by nginx with the shipped headers run in Chromium with zero CSP violations: every
page (checked in the same visit as its privacy, tests/browser/test_privacy.py), search and the help
card; and an inline script that is not hashed IS reported (the check can fail)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from playwright.sync_api import Page, expect

from support.network import CSP_LISTENER, OpenRequests
from support.site_pages import page_file, site_paths

from .publishing_support import run_nginx


class CspWatch:
    """Collects CSP violation events and console errors (Chromium logs 'Refused to …' there,
    and also header syntax problems such as an unknown Permissions-Policy feature)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.console: list[str] = []
        self.requests = OpenRequests(page.context)
        page.add_init_script(CSP_LISTENER)
        page.on(
            "console", lambda m: m.type in ("error", "warning") and self.console.append(f"console {m.type}: {m.text}")
        )

    def visit(self, url: str) -> list[str]:
        """Open `url`, let it settle, and return every problem seen there."""
        self.console.clear()
        response = self.page.goto(url)
        self.requests.wait_until_quiet(self.page)  # late requests (the search worker) have run too
        problems = [] if response and "content-security-policy" in response.headers else ["no CSP header"]
        problems += self.console + self.page.evaluate("window.__cspViolations || []")
        return problems


def test_search_works_under_the_csp(page: Page, nginx_url: str, site: Path) -> None:
    # The longest word of the pages' titles in the search index, so the test follows the content
    # (a short word may be one of the words the search ignores, such as "about").
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = " ".join(d["title"] for d in docs if d["location"] and "#" not in d["location"])
    word = max(re.findall(r"[A-Za-z]+", titles), key=len)
    watch = CspWatch(page)
    assert watch.visit(nginx_url) == []
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(word.lower(), delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert watch.console == [] and page.evaluate("window.__cspViolations") == []
    # The search help card (docs/javascripts/crisis-search.js) also runs under the policy.
    page.locator("input.md-search__input").press("Control+a")
    page.locator("input.md-search__input").press_sequentially("cant cope", delay=30)
    expect(page.locator(".ipt-crisis-card")).to_be_visible(timeout=10_000)
    assert watch.console == [] and page.evaluate("window.__cspViolations") == []


def test_unhashed_inline_script_is_reported(page: Page, site: Path, tmp_path: Path) -> None:
    """Bad example: a page gets an inline script after the build (so its hash is in no policy)."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    target = page_file(copy, next(p for p in site_paths(site) if p))
    target.write_text(
        target.read_text(encoding="utf-8").replace("</body>", "<script>document.title = 'injected'</script></body>"),
        encoding="utf-8",
    )
    with run_nginx(copy, tmp_path / "nginx") as url:
        problems = CspWatch(page).visit(url + target.parent.relative_to(copy).as_posix() + "/")
    assert any(re.match(r"script-src-elem blocked inline at .*/:\d+$", p) for p in problems), problems
    assert any(
        p.startswith("console error: Executing inline script violates the following Content Security Policy")
        for p in problems
    ), problems
    assert page.title() != "injected"
