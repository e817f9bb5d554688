"""The built site: shared texts appear where they must, exactly as in the data file, and nowhere else."""
from __future__ import annotations

import html
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from support.site_pages import built, sources



def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def articles() -> list[str]:
    """Source pages that are articles (every page unless its front matter says `kind: page`)."""
    return [src.uri for src in sources(ROOT) if src.is_article]


def text_of(soup: BeautifulSoup, selector: str) -> str:
    node = soup.select_one(selector)
    assert node is not None, f"missing {selector}"
    return " ".join(node.get_text(" ").split())


def test_there_are_articles() -> None:
    assert len(articles()) >= 10


@pytest.mark.parametrize("src", articles())
def test_article_shows_disclaimers_and_finder_from_data(site: Path, shared_content: dict, src: str) -> None:
    soup = built(site, src)
    d, f = shared_content["disclaimers"], shared_content["finder"]
    medical = text_of(soup, '[data-ipt="disclaimer-medical"]')
    assert d["medical"]["title"] in medical and d["medical"]["text"] in medical
    crisis = text_of(soup, '[data-ipt="disclaimer-crisis"]')
    assert d["crisis"]["title"] in crisis and d["crisis"]["text"] in crisis
    finder = text_of(soup, '[data-ipt="finder"]')
    assert f["heading"] in finder and f["text"] in finder
    dates = text_of(soup, '[data-ipt="review-dates"]')
    assert dates.startswith("Last reviewed") and "Next review due" in dates


def test_finder_button_goes_to_the_configured_finder(site: Path, shared_content: dict) -> None:
    soup = built(site, "what-is-ipt.md")
    button = soup.select_one('[data-ipt="finder"] a.md-button')
    assert button.get_text(strip=True) == shared_content["finder"]["button_label"]
    assert button["href"] == "../" + shared_content["finder"]["url"].removesuffix(".md") + "/"


def test_every_page_has_the_help_link_in_the_header(site: Path, shared_content: dict) -> None:
    label = shared_content["help_link"]["label"]
    all_pages = pages(site)
    assert len(all_pages) >= 15
    for page in all_pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one('header.md-header [data-ipt="help-link"]')
        assert link is not None, f"{page.relative_to(site)}: no help link in the header"
        assert link.get_text(strip=True) == label
        href = link["href"]  # 404.html uses site-absolute links, as it is served at any path
        target = ((site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)).resolve() / "index.html"
        assert target == (site / "get-help-now" / "index.html").resolve(), f"{page}: {link['href']}"


def test_crisis_page_starts_with_what_to_do(site: Path, shared_content: dict) -> None:
    soup = built(site, "get-help-now.md")
    first_words = " ".join(text_of(soup, "article").split()[:40])
    assert shared_content["disclaimers"]["crisis"]["title"] in first_words
    assert "emergency number" in first_words
    page = text_of(soup, "article")
    for country in shared_content["crisis"].values():
        assert country["emergency"] in page
        for service in country["services"]:
            assert service["number"] in page


# --- one source: no shared text is copied by hand anywhere else ---------------------------------

def shared_texts(data: dict) -> list[str]:
    d, f = data["disclaimers"], data["finder"]
    texts = [x[k] for x in d.values() for k in ("title", "text")]
    texts += [f["heading"], f["text"]] + [s["name"] for c in data["crisis"].values() for s in c["services"]]
    texts += [data["crisis_search"]["card"]["title"], data["crisis_search"]["card"]["text"]]
    return texts


@pytest.mark.parametrize("folder", ["docs", "overrides"])
def test_no_shared_text_is_copied(shared_content: dict, folder: str) -> None:
    found = []
    for file in (ROOT / folder).rglob("*"):
        if file.is_file() and file.suffix in {".md", ".html", ".css", ".js", ".yml", ".txt"}:
            body = " ".join(html.unescape(file.read_text(encoding="utf-8")).split())
            found += [f"{file.relative_to(ROOT)}: {t[:50]}…" for t in shared_texts(shared_content) if len(t) > 12 and t in body]
    assert not found, "copy of a shared text — use the macro or template instead:\n" + "\n".join(found)


def test_copy_check_catches_a_copy(shared_content: dict, tmp_path: Path) -> None:
    """The check above would catch a copied disclaimer (even reflowed)."""
    copied = "Please note: " + shared_content["disclaimers"]["medical"]["text"].replace(" ", "\n", 3)
    body = " ".join(copied.split())
    assert any(t in body for t in shared_texts(shared_content))


@pytest.mark.parametrize("src", ["index.md", "get-help-now.md", "about.md"])
def test_pages_that_are_not_articles_show_review_dates_but_no_finder(site: Path, src: str) -> None:
    soup = built(site, src)
    assert text_of(soup, '[data-ipt="review-dates"]').startswith("Last reviewed")
    assert soup.select_one('[data-ipt="finder"]') is None
