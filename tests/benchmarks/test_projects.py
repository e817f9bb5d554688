"""Stock config, sitemap pages and Lighthouse report parsing (fast; no browser, no build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import lighthouse, projects, weight


def test_stock_config_is_plain_material_with_our_nav_and_markdown() -> None:
    stock = projects.stock_config(projects.ROOT / "mkdocs.yml")
    assert stock["theme"] == {"name": "material"} and stock["plugins"] == ["search"]
    assert not {"extra_css", "hooks", "extra", "watch"} & set(stock)
    assert stock["nav"][0] == {"Home": "index.md"} and "admonition" in stock["markdown_extensions"]


def test_sitemap_paths_strip_the_site_address(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://x.org/guide/</loc></url><url><loc>https://x.org/guide/a/b/</loc></url></urlset>"
    )
    assert projects.sitemap_paths(tmp_path) == ["/", "/a/b/"]
    (tmp_path / "sitemap.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    with pytest.raises(ValueError, match="lists no pages"):
        projects.sitemap_paths(tmp_path)


def test_lighthouse_report_parsing_names_failing_audits_and_elements() -> None:
    report = {
        "categories": {
            "performance": {"score": 0.88, "auditRefs": [{"id": "largest-contentful-paint", "weight": 25}]},
            "accessibility": {
                "score": 0.96,
                "auditRefs": [
                    {"id": "aria-dialog-name", "weight": 7},
                    {"id": "color-contrast", "weight": 7},
                    {"id": "unweighted", "weight": 0},
                ],
            },
            "best-practices": {"score": 1, "auditRefs": []},
            "seo": {"score": None, "auditRefs": []},
        },
        "audits": {
            "largest-contentful-paint": {"id": "largest-contentful-paint", "score": 0.9, "numericValue": 1990.5},
            "aria-dialog-name": {
                "id": "aria-dialog-name",
                "score": 0,
                "title": "Dialog has no name",
                "details": {"items": [{"node": {"selector": "div.md-search"}}]},
            },
            "color-contrast": {"id": "color-contrast", "score": 1, "title": "ok"},
            "unweighted": {"id": "unweighted", "score": 0, "title": "x"},
            "render-blocking-resources": {"id": "render-blocking-resources", "details": {"overallSavingsMs": 300}},
            "total-byte-weight": {"id": "total-byte-weight", "numericValue": 108652},
        },
    }
    run = lighthouse.parse(report, "/", "mobile")
    assert run.scores == {"performance": 88, "accessibility": 96, "best-practices": 100, "seo": None}
    assert run.metrics == {"largest-contentful-paint": 1990.5} and run.total_bytes == 108652
    assert run.failing == (
        "accessibility: aria-dialog-name (Dialog has no name: div.md-search)",
        "performance: render-blocking-resources saves ~300 ms",
    )


def test_lighthouse_command_quotes_the_resolver_rule_and_rejects_unknown_presets(tmp_path: Path) -> None:
    cmd = lighthouse.command("http://127.0.0.1:1/", "desktop", tmp_path / "r.json")
    assert "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'" in cmd[-2] and cmd[-1] == "--preset=desktop"
    with pytest.raises(ValueError, match="unknown Lighthouse preset"):
        lighthouse.command("http://127.0.0.1:1/", "tablet", tmp_path / "r.json")


@pytest.mark.parametrize(
    ("url", "resource", "status", "expected"),
    [
        ("http://h/assets/javascripts/workers/search.a7633da7.min.js", "script", 200, "search worker"),
        ("http://h/search/search_index.json", "xhr", 200, "search index"),
        ("http://h/assets/javascripts/bundle.js", "script", 200, "JS"),
        ("http://h/favicon.png", "image", 404, "not found (404 page)"),
    ],
)
def test_kind_of_response(url: str, resource: str, status: int, expected: str) -> None:
    assert weight.kind(url, resource, status) == expected
