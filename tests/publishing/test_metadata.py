"""Search and sharing metadata of every page: description, canonical URL, Open Graph, Twitter card,
robots/sitemap, and schema.org JSON-LD (MedicalWebPage) on every article and only there."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from macros.schema import is_article
from support.site_pages import page_file, seen, seen_html, site_paths, sources

from .publishing_support import ROOT

TREATMENT_TYPES = {"PsychologicalTreatment", "MedicalTherapy"}
AUDIENCE_TYPES = {"MedicalAudience", "PeopleAudience", "Patient"}


@pytest.fixture(scope="module")
def config() -> Any:
    return load_config(str(ROOT / "mkdocs.yml"))


def front_matter(path: str) -> dict[str, Any]:
    """The front matter of the Markdown file behind a site path ('' -> docs/index.md)."""
    for src in sources(ROOT):
        if src.url_path == path:
            return src.meta
    raise AssertionError(f"no docs/ file for /{path}")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def jsonld_problems(html: str, where: str, fm: dict[str, Any], url: str) -> list[str]:
    """One line per problem with the JSON-LD of one article."""
    soup = seen_html(html)
    blocks = soup.find_all("script", type="application/ld+json")
    if len(blocks) != 1:
        return [f"{where}: {len(blocks)} JSON-LD blocks, expected 1 — check overrides/partials/publishing-meta.html"]
    try:
        data = json.loads(blocks[0].string or "")
    except json.JSONDecodeError as err:
        return [f"{where}: JSON-LD is not valid JSON ({err}) — build it with tojson, never by joining strings"]
    problems = []

    def want(ok: bool, what: str) -> None:
        if not ok:
            problems.append(f"{where}: JSON-LD {what}")

    want(data.get("@context") == "https://schema.org", "@context is not https://schema.org")
    want(data.get("@type") == "MedicalWebPage", f"@type is {data.get('@type')!r}, expected 'MedicalWebPage'")
    want(data.get("name") == fm["title"], f"name {data.get('name')!r} is not the page title {fm['title']!r}")
    want(data.get("description") == fm["description"], "description is not the front matter description")
    want(data.get("url") == url, f"url {data.get('url')!r} is not the canonical URL {url!r}")
    want(
        data.get("lastReviewed") == str(fm["last_reviewed"]),
        f"lastReviewed {data.get('lastReviewed')!r} is not {fm['last_reviewed']}",
    )
    about, audience = data.get("about") or {}, data.get("audience") or {}
    want(
        about.get("@type") in TREATMENT_TYPES and about.get("name") == "Interpersonal psychotherapy",
        f"about is {about!r}, expected a PsychologicalTreatment named 'Interpersonal psychotherapy'",
    )
    want(
        audience.get("@type") in AUDIENCE_TYPES,
        f"audience @type {audience.get('@type')!r} is not one of {sorted(AUDIENCE_TYPES)}",
    )
    reviewer = (data.get("reviewedBy") or {}).get("name")
    expected = (fm.get("reviewed_by") or {}).get("name")
    want(reviewer == expected, f"reviewedBy {reviewer!r} does not match front matter reviewed_by {expected!r}")
    sources = soup.select("h2#sources + ol > li")
    citations = data.get("citation", [])
    want(len(citations) == len(sources), f"has {len(citations)} citations, the page lists {len(sources)} sources")
    for i, (c, source) in enumerate(zip(citations, sources, strict=False), 1):
        links = [a.get("href") for a in source.find_all("a")]
        want(
            isinstance(c, str) and c.startswith("https://") and c in links,
            f"citation {i} must be the https address of source {i} (one of {links}; got {c!r})",
        )
    return problems


def test_every_page_has_description_canonical_and_sharing_tags(site: Path, config: Any) -> None:
    card = config.site_url + config.extra["social_card"]["image"]
    problems = []
    for path in site_paths(site):
        soup = seen(page_file(site, path))
        fm, url = front_matter(path), config.site_url + path
        canonical = soup.find("link", rel="canonical")
        expected = {
            "description": fm["description"],
            "og:description": fm["description"],
            "og:title": fm["title"],
            "og:url": url,
            "og:site_name": config.site_name,
            "og:image": card,
            "twitter:card": "summary_large_image",
            "og:type": "article" if is_article(fm) else "website",
        }
        problems += [
            f"/{path}: {k} is {meta(soup, k)!r}, expected {v!r}" for k, v in expected.items() if meta(soup, k) != v
        ]
        if not canonical or canonical["href"] != url:
            problems.append(f"/{path}: canonical link missing or not {url}")
    assert not problems, "\n".join(problems)


def test_social_card_is_a_1200x630_png_in_the_site(site: Path, config: Any) -> None:
    png = (site / config.extra["social_card"]["image"]).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)


def test_sitemap_lists_every_page(site: Path) -> None:
    built = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html") if p.parent != site}
    assert built | {""} == set(site_paths(site))


def test_every_article_has_valid_jsonld_and_pages_have_none(site: Path, config: Any) -> None:
    problems, articles = [], 0
    for path in site_paths(site):
        html = page_file(site, path).read_text(encoding="utf-8")
        soup = seen_html(html)
        if soup.select_one("aside.ipt-article-footer"):
            articles += 1
            problems += jsonld_problems(html, f"/{path}", front_matter(path), config.site_url + path)
        elif soup.find("script", type="application/ld+json"):
            problems.append(f"/{path}: JSON-LD on a kind: page page — only articles get MedicalWebPage")
    assert articles, "no article found in the site"
    assert not problems, "\n".join(problems)


FM = {"title": "Grief", "description": "About grief.", "last_reviewed": "2026-01-02"}
URL = "https://x.example/grief/"


def test_jsonld_check_reports_bad_examples() -> None:
    concatenated = '<script type="application/ld+json">{"name": "Say "no" to grief"}</script>'
    assert jsonld_problems(concatenated, "/grief/", FM, URL)[0].startswith(
        "/grief/: JSON-LD is not valid JSON (Expecting ',' delimiter"
    )
    wrong = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": "Grief",
        "description": "About grief.",
        "url": URL,
        "about": {"@type": "Thing", "name": "IPT"},
        "audience": {"@type": "PeopleAudience"},
        "reviewedBy": {"@type": "Person", "name": "Dr X"},
        "citation": ["https://doi.org/10.1/b"],
    }
    html = (
        f'<script type="application/ld+json">{json.dumps(wrong)}</script>'
        '<h2 id="sources">Sources</h2><ol><li>A <a href="https://doi.org/10.1/a">doi:10.1/a</a></li></ol>'
    )
    assert jsonld_problems(html, "/grief/", FM, URL) == [
        "/grief/: JSON-LD @type is 'WebPage', expected 'MedicalWebPage'",
        "/grief/: JSON-LD lastReviewed None is not 2026-01-02",
        "/grief/: JSON-LD about is {'@type': 'Thing', 'name': 'IPT'}, expected a PsychologicalTreatment named 'Interpersonal psychotherapy'",
        "/grief/: JSON-LD reviewedBy 'Dr X' does not match front matter reviewed_by None",
        "/grief/: JSON-LD citation 1 must be the https address of source 1 (one of ['https://doi.org/10.1/a']; got 'https://doi.org/10.1/b')",
    ]
