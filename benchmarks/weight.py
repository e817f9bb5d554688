"""First-view page weight: each page loaded once in a fresh Chromium context, as a first-time visitor.

Counts the body bytes of every response as served (Content-Length of the gzipped response). The search
worker script is counted at its real size: Lighthouse and Playwright's request.sizes() report ~190 B for it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request

from .stats import gzip_size

CHROMIUM = "/usr/bin/chromium"
# Nothing but loopback resolves: the benchmark never reaches the internet, and neither do the pages.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")  # as tests/support/server.py


def kind(url: str, resource_type: str, status: int) -> str:
    """What a response is, in the words of the report."""
    path = urlsplit(url).path
    if status == 404:
        return "not found (404 page)"
    if "/workers/search" in path:
        return "search worker"
    if path.endswith("search_index.json"):
        return "search index"
    if path.endswith("sitemap.xml"):
        return "sitemap"
    return {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts", "image": "images"}.get(
        resource_type, "other"
    )


def served_size(site: Path, url: str) -> int:
    """The bytes tests/support/server.py sends for `url`, from the file on disk (gzipped if it is text)."""
    file = site / urlsplit(url).path.lstrip("/")
    data = file.read_bytes()
    return gzip_size(data) if file.suffix in COMPRESSIBLE else len(data)


def first_view(browser: Browser, base_url: str, path: str, site: Path) -> tuple[dict[str, int], list[str]]:
    """(bytes by kind, outside URLs the page tried and could not reach) for one first visit of `path`."""
    context = browser.new_context()  # fresh: empty cache, no cookies, no service worker
    by_kind: dict[str, int] = {}
    blocked: list[str] = []
    counted: set[str] = set()
    workers: list[str] = []

    def finished(request: Request) -> None:
        response = request.response()
        if response is None:
            return
        length = response.all_headers().get("content-length")
        size = int(length) if length is not None else request.sizes()["responseBodySize"]
        what = kind(request.url, request.resource_type, response.status)
        if what == "search worker":  # reported as ~190 B by the browser: count what the server really sends
            size = max(size, served_size(site, request.url))
        by_kind[what] = by_kind.get(what, 0) + size
        counted.add(request.url)

    def failed(request: Request) -> None:
        if not request.url.startswith(base_url):
            blocked.append(request.url)

    context.on("requestfinished", finished)
    context.on("requestfailed", failed)
    page = context.new_page()
    page.on("worker", lambda worker: workers.append(worker.url))
    try:
        page.goto(base_url + path.lstrip("/"), wait_until="networkidle")
        page.wait_for_timeout(300)  # the search index is fetched once the worker is up
    finally:
        context.close()
    for url in workers:  # a worker script the browser fetched without reporting the request
        if url.startswith(base_url) and url not in counted:
            by_kind["search worker"] = by_kind.get("search worker", 0) + served_size(site, url)
    return by_kind, blocked
