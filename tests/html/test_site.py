"""The built site: shared texts appear where they must, exactly as in the data file, and nowhere else."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from macros.render import BOX_STYLES, FOR_LABELS, YOUNG_ABUSE_LABEL
from support.site_pages import built, seen, seen_built, sources


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def articles() -> list[str]:
    """Source pages that are articles (every page unless its front matter says `kind: page`)."""
    return [src.uri for src in sources(ROOT) if src.is_article]


META = {src.uri: src.meta for src in sources(ROOT)}


def text_of(soup: BeautifulSoup, selector: str) -> str:
    node = soup.select_one(selector)
    assert node is not None, f"missing {selector}"
    return " ".join(node.get_text(" ").split())


def test_there_are_articles() -> None:
    assert len(articles()) >= 10


@pytest.mark.parametrize("src", articles())
def test_article_shows_disclaimers_and_finder_from_data(site: Path, shared_content: dict, src: str) -> None:
    soup = seen_built(site, src)
    d, f = shared_content["disclaimers"], shared_content["finder"]
    medical = text_of(soup, '[data-ipt="disclaimer-medical"]')
    assert d["medical"]["title"] in medical and d["medical"]["text"] in medical
    finder = text_of(soup, '[data-ipt="finder"]')
    assert f["heading"] in finder and f["text"] in finder
    dates = text_of(soup, '[data-ipt="review-dates"]')
    assert dates.startswith("Last reviewed") and "Next review due" in dates


# --- the urgent-help box: calm everywhere, urgent only where risk is the subject ---------------


def urgent_box_problems(soup: BeautifulSoup, risk_topic: bool, shared: dict, link: bool = True) -> list[str]:
    """What is wrong with a page's urgent-help box, one line each ([] when all is right)."""
    box = soup.select_one('[data-ipt="disclaimer-crisis"]')
    if box is None:
        return ["no urgent-help box"]
    kind = "crisis" if risk_topic else "help"
    problems = []
    if box.get("data-kind") != kind:
        problems.append(f"the {box.get('data-kind')!r} box where the {kind!r} box belongs")
    styles = [c for c in box.get("class", []) if c in BOX_STYLES.values()]
    if styles != [BOX_STYLES[kind]]:
        problems.append(f"styled {styles}, not {BOX_STYLES[kind]!r}")
    text = " ".join(box.get_text(" ").split())
    item = shared["disclaimers"][kind]
    problems += [f"lacks its {part} from the data file" for part in ("title", "text") if item[part] not in text]
    for code, country in shared["crisis"].items():
        if not box.select(f'[data-ipt="emergency-numbers"] a[href="tel:{country["emergency"]}"]'):
            problems.append(f"no call link to {country['emergency']} ({code})")
    if link and not box.select('a[href$="get-help-now/"]'):
        problems.append("no link to Get help now")
    return problems


@pytest.mark.parametrize("src", articles())
def test_urgent_help_box_is_calm_unless_the_page_is_about_risk(site: Path, shared_content: dict, src: str) -> None:
    problems = urgent_box_problems(seen_built(site, src), bool(META[src].get("risk_topic")), shared_content)
    assert not problems, f"docs/{src}: " + "; ".join(problems)


def test_crisis_page_box_is_urgent_and_does_not_link_to_itself(site: Path, shared_content: dict) -> None:
    soup = seen_built(site, "get-help-now.md")
    assert urgent_box_problems(soup, True, shared_content, link=False) == []
    assert not soup.select_one('[data-ipt="disclaimer-crisis"]').select('a[href$="get-help-now/"]')


def test_some_pages_about_risk_get_the_urgent_box_and_most_the_calm_one() -> None:
    risky = [src for src in articles() if META[src].get("risk_topic")]
    assert "focus-areas/disagreements.md" in risky and "where-ipt-falls-short.md" in risky
    assert len(risky) < len(articles()) / 2, "the urgent style is for risk pages only"


def test_urgent_box_check_reports_wrong_style_and_missing_number(site: Path, shared_content: dict) -> None:
    """Bad examples: the glossary's calm box dressed in red, with the first country's number gone."""
    soup = built(site, "glossary.md")
    box = soup.select_one('[data-ipt="disclaimer-crisis"]')
    box["class"] = ["admonition", "danger"]
    number = next(iter(shared_content["crisis"].values()))["emergency"]
    box.select_one(f'a[href="tel:{number}"]').decompose()
    sharing = [code for code, c in shared_content["crisis"].items() if c["emergency"] == number]  # one link for all
    assert urgent_box_problems(soup, False, shared_content) == [
        "styled ['danger'], not 'note'",
        *[f"no call link to {number} ({code})" for code in sharing],
    ]
    assert urgent_box_problems(built(site, "glossary.md"), True, shared_content)[:2] == [
        "the 'help' box where the 'crisis' box belongs",
        "styled ['note'], not 'danger'",
    ]


def test_finder_button_goes_to_the_configured_finder(site: Path, shared_content: dict) -> None:
    soup = seen_built(site, "what-is-ipt.md")
    button = soup.select_one('[data-ipt="finder"] a.md-button')
    assert button.get_text(strip=True) == shared_content["finder"]["button_label"]
    assert button["href"] == "../" + shared_content["finder"]["url"].removesuffix(".md") + "/"


def test_every_page_has_the_help_link_in_the_header(site: Path, shared_content: dict) -> None:
    label = shared_content["help_link"]["label"]
    all_pages = pages(site)
    assert len(all_pages) >= 15
    for page in all_pages:
        soup = seen(page)
        link = soup.select_one('header.md-header [data-ipt="help-link"]')
        assert link is not None, f"{page.relative_to(site)}: no help link in the header"
        assert link.get_text(strip=True) == label
        href = link["href"]  # 404.html uses site-absolute links, as it is served at any path
        target = ((site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)).resolve() / "index.html"
        assert target == (site / "get-help-now" / "index.html").resolve(), f"{page}: {link['href']}"


def test_crisis_page_starts_with_what_to_do(site: Path, shared_content: dict) -> None:
    soup = seen_built(site, "get-help-now.md")
    first_words = " ".join(text_of(soup, "article").split()[:45])
    assert shared_content["disclaimers"]["crisis"]["title"] in first_words
    assert (
        "already hurt yourself or taken an overdose, call your emergency number now, even if you feel OK" in first_words
    )
    page = text_of(soup, "article")
    for country in shared_content["crisis"].values():
        assert country["emergency"] in page
        for service in country["services"]:
            assert service["name"] in page
            for number in (service.get("number"), service.get("text_number")):
                assert number is None or number in page


def test_crisis_page_has_every_part_and_country_section(site: Path, shared_content: dict) -> None:
    soup = seen_built(site, "get-help-now.md")
    for anchor in ("stay-safe", "crisis-lines", "abuse", "someone-else", "crisis-other"):
        assert soup.select_one(f"article #{anchor}"), f"no #{anchor}"
    for code, country in shared_content["crisis"].items():
        section = soup.select_one(f'[data-ipt="crisis-countries"] > section[data-country="{code}"]')
        assert section is not None and section.select_one(f"h3#crisis-{code.lower()}"), code
        assert section.select(f'a[href="tel:{country["emergency"]}"]'), code
        abuse = [s for s in country["services"] if "domestic-abuse" in s["for"]]
        assert bool(soup.select_one(f'[data-ipt="abuse-countries"] #abuse-{code.lower()}')) == bool(abuse), code
        # A line for only a part of the country says which part, in its crisis lines or in "Abuse at home".
        parts = [section, soup.select_one(f'[data-ipt="abuse-countries"] > section[data-country="{code}"]')]
        said = " ".join(part.get_text(" ") for part in parts if part)
        for area in {a for s in country["services"] for a in s.get("areas") or []}:
            assert area in said, (code, area)


def listed_services(node) -> list[str]:
    """The services a part of the page lists: '<li><strong>Name</strong>: call …' or '… (Wales only): …',
    not the deaf-access lines ('<strong>Name</strong>, by textphone …') that name a service again."""
    return [
        li.strong.get_text()
        for li in node.select("li")
        if li.strong and str(li.strong.next_sibling or "").startswith((":", " ("))
    ]


def test_each_service_shows_under_every_purpose_it_lists(site: Path, shared_content: dict) -> None:
    """A service's `for` list decides where it shows: in its country's crisis lines (once, however many
    of their purposes it lists) and in "Abuse at home", where lines for young people have their own group."""
    soup = seen_built(site, "get-help-now.md")
    for code, country in shared_content["crisis"].items():
        crisis = listed_services(soup.select_one(f'[data-ipt="crisis-countries"] > section[data-country="{code}"]'))
        abuse_part = soup.select_one(f'[data-ipt="abuse-countries"] > section[data-country="{code}"]')
        abuse = listed_services(abuse_part) if abuse_part else []
        for s in country["services"]:
            in_crisis, in_abuse = bool(set(s["for"]) & set(FOR_LABELS)), "domestic-abuse" in s["for"]
            assert crisis.count(s["name"]) == in_crisis, (code, s["name"], "crisis lines")
            assert abuse.count(s["name"]) == in_abuse, (code, s["name"], "abuse at home")
        young = [s["name"] for s in country["services"] if {"young-people", "domestic-abuse"} <= set(s["for"])]
        heading = (
            next((p for p in abuse_part.select("p") if p.get_text(strip=True) == YOUNG_ABUSE_LABEL), None)
            if abuse_part
            else None
        )
        assert bool(heading) == bool(young), code
        if young:
            assert listed_services(heading.find_next_sibling("ul")) == young, code


# --- one source: no shared text is copied by hand anywhere else ---------------------------------


def shared_texts(data: dict) -> list[str]:
    d, f = data["disclaimers"], data["finder"]
    texts = [x[k] for x in d.values() for k in ("title", "text")]
    texts += [f["heading"], f["text"]] + [s["name"] for c in data["crisis"].values() for s in c["services"]]
    texts += [a["text"] for c in data["crisis"].values() for a in c.get("emergency_access") or []]
    texts += [data["crisis_search"]["card"]["title"], data["crisis_search"]["card"]["text"]]
    return texts


def copies(root: Path, folder: str, shared: dict) -> list[str]:
    """Files under root/folder that contain a shared text (reflowed or not), one line per text."""
    found = []
    for file in sorted((root / folder).rglob("*")):
        if file.is_file() and file.suffix in {".md", ".html", ".css", ".js", ".yml", ".txt"}:
            body = " ".join(html.unescape(file.read_text(encoding="utf-8")).split())
            found += [
                f"{file.relative_to(root).as_posix()}: {t[:50]}…"
                for t in shared_texts(shared)
                if len(t) > 12 and t in body
            ]
    return found


@pytest.mark.parametrize("folder", ["docs", "overrides"])
def test_no_shared_text_is_copied(shared_content: dict, folder: str) -> None:
    found = copies(ROOT, folder, shared_content)
    assert not found, "copy of a shared text — use the macro or template instead:\n" + "\n".join(found)


def test_copy_check_catches_a_copy(shared_content: dict, tmp_path: Path) -> None:
    """Bad example: the medical disclaimer pasted into a page, reflowed over lines, is found and named."""
    text = shared_content["disclaimers"]["medical"]["text"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text(
        "# A page\n\nPlease note: " + text.replace(" ", "\n", 3) + "\n", encoding="utf-8"
    )
    assert copies(tmp_path, "docs", shared_content) == [f"docs/page.md: {text[:50]}…"]


@pytest.mark.parametrize("src", ["index.md", "get-help-now.md", "about.md"])
def test_pages_that_are_not_articles_show_review_dates_but_no_finder(site: Path, src: str) -> None:
    soup = seen_built(site, src)
    assert text_of(soup, '[data-ipt="review-dates"]').startswith("Last reviewed")
    assert soup.select_one('[data-ipt="finder"]') is None


def test_page_addresses_follow_mkdocs() -> None:
    """macros.page_url is the one rule for a page's address; it must agree with MkDocs' own."""
    from mkdocs.structure.files import File

    from macros import page_url

    for uri in ("index.md", "what-is-ipt.md", "focus-areas/index.md", "focus-areas/grief.md"):
        assert page_url(uri) == File(uri, src_dir=None, dest_dir="", use_directory_urls=True).url.removeprefix("./")
    assert page_url("https://example.org/finder") == "https://example.org/finder"
