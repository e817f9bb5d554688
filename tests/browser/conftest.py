"""Fixtures for the real-browser tests: the site's pages, shared browser windows, failure screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from conftest import ROOT
from support import site_pages
from support.site_pages import article_paths, page_path

from .profiles import PHONE, PROFILES

NOT_FOUND = "404.html"  # not in the sitemap, but readers see it; tested like every other page


@pytest.fixture(scope="session")
def site_paths(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to base_url ('' = home), plus 404.html."""
    return site_pages.site_paths(site) + [NOT_FOUND]


@pytest.fixture(scope="session")
def articles(site_paths: list[str]) -> list[str]:
    """Published pages whose source front matter makes them articles (they get the article footer)."""
    found = [p for p in article_paths(ROOT / "docs") if p in site_paths]
    assert found, "no articles found: every page says `kind: page`, or the sitemap is empty"
    return found


@pytest.fixture(scope="session")
def page_of_each_kind(site_paths: list[str], articles: list[str], help_path: str) -> list[str]:
    """One page of each kind the theme lays out differently: the home page, an article, a page that
    is not an article, the crisis page and the 404 page. For checks of how the theme places what
    every page carries; that each page carries it is checked in its built HTML (tests/html/)."""
    other = next(p for p in site_paths if p not in articles and p not in ("", help_path, NOT_FOUND))
    return ["", articles[0], other, help_path, NOT_FOUND]


@pytest.fixture(scope="session")
def help_path(shared_content: dict) -> str:
    """Where the header's "Get help now" link must lead, e.g. 'get-help-now/'."""
    return page_path(shared_content["help_link"]["page"])


@pytest.fixture(scope="session")
def window(browser: Browser) -> Iterator[Callable[..., Page]]:
    """window(profile, scheme) -> a Page in a browser context shared by every test in the session.

    Contexts are kept per (profile, colour scheme), so 19 pages x 4 windows cost 4 contexts, not 76.
    Tests always goto() before checking, so nothing carries over but storage (which Material uses
    only for palette and search state; tests that change those open their own context).
    """
    pages: dict[tuple[str, str], Page] = {}
    contexts: list[BrowserContext] = []

    def get(profile: str, scheme: str = "light") -> Page:
        if (profile, scheme) not in pages:
            context = browser.new_context(**PROFILES[profile], color_scheme=scheme)
            contexts.append(context)
            pages[profile, scheme] = context.new_page()
        return pages[profile, scheme]

    yield get
    for context in contexts:
        context.close()


# --- screenshots of failing pages, at phone width, kept as test artifacts -----------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Remember each phase's report on the test item, so fixtures can tell that the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


class FailingPages:
    """Pages a test found a problem on; screenshotted at phone width if the test fails."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.live: list[tuple[str, Page]] = []

    def add(self, path: str, live: Page | None = None) -> None:
        """Record a failing page; `live` also keeps the exact state a test saw (e.g. search open)."""
        if path not in self.paths:
            self.paths.append(path)
        if live is not None:
            self.live.append((path, live))


def _slug(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "home"


@pytest.fixture
def failing_pages(request: pytest.FixtureRequest) -> Iterator[FailingPages]:
    """Screenshots go to pytest-playwright's per-test folder under --output (default test-results/)."""
    failing = FailingPages()
    folder = Path(request.getfixturevalue("output_path"))  # asked for now: not allowed at teardown
    yield failing
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed or not failing.paths:
        return
    folder.mkdir(parents=True, exist_ok=True)
    base_url: str = request.getfixturevalue("base_url")
    browser: Browser = request.getfixturevalue("browser")
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        for path in failing.paths[:25]:  # enough to see a pattern; every page is named in the message
            page.goto(base_url + path)
            page.screenshot(path=folder / f"phone-{_slug(path)}.png", full_page=True, animations="disabled")
    finally:
        context.close()
    for path, live in failing.live:
        if not live.is_closed():
            live.screenshot(path=folder / f"seen-{_slug(path)}.png", animations="disabled")


def report(problems: list[str]) -> str:
    """One problem per line, for the assertion message."""
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)
