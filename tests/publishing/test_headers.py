"""The shipped header policy, as real nginx serves it, and the same policy in every generated file."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy import publish
from support.site_pages import page_file, seen, site_paths

from .publishing_support import ROOT, parse_headers_file, parse_nginx_locations, policy_differences


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers.items()), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers.items()), e.read()


def site_hashes(site: Path) -> set[str]:
    return {
        publish.script_hash(s)
        for f in site.rglob("*.html")
        for s in publish.inline_scripts(f.read_text(encoding="utf-8"))
    }


@pytest.fixture(scope="module")
def expected(site: Path) -> dict[str, str]:
    """The security headers deploy/headers.yml asks for, with this build's script hashes."""
    return publish.flat_headers(publish.load_policy(ROOT), site_hashes(site))


@pytest.fixture(scope="module")
def asset_path(site: Path) -> str:
    """Material's fingerprinted bundle, found from a page (never a hard-coded name)."""
    src = re.search(
        r'<script src="([^"]*bundle\.[0-9a-f]{8}\.min\.js)"', (site / "index.html").read_text(encoding="utf-8")
    )
    assert src, "no bundle.<hash>.min.js script in index.html"
    return src.group(1)


def test_page_asset_and_404_carry_every_header(
    nginx_url: str, site: Path, expected: dict[str, str], asset_path: str
) -> None:
    article = next(p for p in site_paths(site) if p)
    problems = []
    for path, status_wanted, cache in (
        (article, 200, "no-cache"),
        (asset_path, 200, "public, max-age=31536000, immutable"),
        ("no/such/page/", 404, "no-cache"),
    ):
        status, headers, _ = fetch(nginx_url + path)
        assert status == status_wanted, f"/{path}: status {status}, expected {status_wanted}"
        problems += policy_differences(expected | {"Cache-Control": cache}, headers, f"nginx /{path}")
    assert not problems, "\n".join(problems)


def test_missing_path_gets_the_sites_404_page(nginx_url: str, site: Path) -> None:
    status, _, body = fetch(nginx_url + "this-page-does-not-exist")
    assert status == 404
    assert body == (site / "404.html").read_bytes()


def test_text_is_gzipped(nginx_url: str, asset_path: str) -> None:
    for path in ("", asset_path):
        status, headers, body = fetch(nginx_url + path, gzip_ok=True)
        assert status == 200 and headers.get("Content-Encoding") == "gzip", f"/{path} is not gzipped: {headers}"
        assert gzip.decompress(body)


def test_deployment_files_are_not_served(nginx_url: str, site: Path) -> None:
    assert (site / "_headers").is_file() and (site / ".nginx/headers.conf").is_file()
    for path in ("_headers", ".nginx/headers.conf"):
        assert fetch(nginx_url + path)[0] == 404, f"/{path} is served; it should not be"


def test_headers_file_and_nginx_declare_the_same_policy(site: Path, expected: dict[str, str]) -> None:
    rules = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    locations = parse_nginx_locations((site / ".nginx/headers.conf").read_text(encoding="utf-8"))
    assert "/" in locations and len(locations) >= 2, f"unexpected nginx include: {list(locations)}"
    problems = policy_differences(expected, rules["/*"], "_headers /*")
    for name, headers in locations.items():
        if headers:  # the two hidden-file locations only return 404
            problems += policy_differences(expected, headers, f"nginx location {name}")
    assert not problems, "\n".join(problems)
    # Caching: each fingerprinted file and each page has its rule in _headers, as in nginx.
    fingerprinted = [p for p in rules if re.search(r"\.[0-9a-f]{8}\.min\.(css|js)$", p)]
    immutable = locations[next(k for k in locations if k.startswith("~"))]["Cache-Control"]
    assert fingerprinted and all(rules[p]["Cache-Control"] == immutable for p in fingerprinted)
    for path in site_paths(site):
        assert rules["/" + path]["Cache-Control"] == locations["/"]["Cache-Control"] == "no-cache"


def test_policy_check_reports_a_drifted_header() -> None:
    """Bad example: an nginx include whose CSP allows inline scripts is caught, with its message."""
    good = {"Content-Security-Policy": "script-src 'self'", "Referrer-Policy": "no-referrer"}
    bad = {"Content-Security-Policy": "script-src 'self' 'unsafe-inline'"}
    assert policy_differences(good, bad, "nginx location /") == [
        "nginx location /: Content-Security-Policy is \"script-src 'self' 'unsafe-inline'\", the policy says \"script-src 'self'\"",
        "nginx location /: Referrer-Policy missing — regenerate it from deploy/headers.yml (make build)",
    ]


def test_script_hashes_match_the_built_html(site: Path) -> None:
    """Each inline script of every page is hashed into the CSP (computed here with BeautifulSoup,
    independently of the hook's own parser)."""
    import base64
    import hashlib

    csp = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    missing = set()
    for path in site_paths(site) + ["404.html"]:
        soup = seen(page_file(site, path))
        for script in soup.find_all("script", src=False):
            if script.get("type") in (None, "text/javascript", "module"):
                digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
                if f"'sha256-{digest}'" not in csp:
                    missing.add(f"/{path}: inline script {script.string[:40]!r}… not in script-src")
    assert not missing, "\n".join(sorted(missing))
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_robots_txt_points_to_the_sitemap(site: Path) -> None:
    from mkdocs.config import load_config

    robots = (site / "robots.txt").read_text(encoding="utf-8")
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    assert "User-agent: *\nAllow: /" in robots
    assert f"Sitemap: {site_url}sitemap.xml" in robots
