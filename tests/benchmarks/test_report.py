"""BENCHMARKS.md rendering: every budget has a row with PASS, MISS or NOT RUN, and misses are spelled out."""

from __future__ import annotations

from test_budgets import good_results

from benchmarks import budgets, report
from benchmarks.results import PageWeight, SearchIndexSize


def test_table_lines_up_and_right_aligns_numbers() -> None:
    text = report.table(["Page", "Bytes"], [["/", "1,234"], ["/about/", "99"]], right=(1,))
    assert text.splitlines() == [
        "| Page    | Bytes |",
        "|---------|------:|",
        "| /       | 1,234 |",
        "| /about/ |    99 |",
    ]


def render(results) -> str:
    checks = budgets.evaluate(results)
    return report.render(results, checks, budgets.summarise(checks))


def test_report_marks_a_missed_budget_and_explains_it() -> None:
    results = good_results()
    results.weights.append(PageWeight("/grief/", {"HTML": 20_000}, {"HTML": 10_000}))
    text = render(results)
    row = next(line for line in text.splitlines() if line.startswith("| First-view weight"))
    assert "| MISS " in row and "/grief/: 2.00 x" in row
    assert "### Misses in detail" in text
    assert "`/grief/`: 2.00 x (20,000 B vs 10,000 B). ours minus stock: HTML +10,000 B" in text
    assert "7 of 8 budgets" not in text and "1 of 8 budgets MISS or NOT RUN" in text


def test_misses_with_the_same_cause_are_listed_once_with_every_page() -> None:
    results = good_results()
    results.weights = [PageWeight("/a/", {"HTML": 30}, {"HTML": 10}), PageWeight("/b/", {"HTML": 40}, {"HTML": 20})]
    text = render(results)
    assert (
        "- **First-view weight <= 1.10 x stock Material (every page)** — `/a/`: 3.00 x (30 B vs 10 B), "
        "`/b/`: 2.00 x (40 B vs 20 B). ours minus stock: HTML +20 B"
    ) in text


def test_report_of_good_results_passes_and_shows_not_run_sections() -> None:
    results = good_results()
    text = render(results)
    assert "all budgets PASS" in text and "| MISS" not in text and "Misses in detail" not in text
    results.lighthouse = []
    text = render(results)
    assert text.count("| NOT RUN") == 5 and "## 2. Lighthouse (our site)\n\nNot run." in text


def test_search_growth_per_article() -> None:
    results = good_results()
    results.search = [
        SearchIndexSize("real site, our config", 18, 100_000, 30_000),
        SearchIndexSize("corpus (…), our config", 1018, 8_100_000, 2_430_000),
    ]
    assert "**8,000 B raw, 2,400 B gzipped**" in report.search_section(results)


def test_the_same_miss_on_every_page_is_said_once() -> None:
    results = good_results()
    results.weights = [PageWeight(p, {"HTML": 30}, {"HTML": 10}) for p in ("/a/", "/b/", "/c/")]
    text = render(results)
    assert ("— all 3 checked (`/a/`, `/b/`, `/c/`): 3.00 x (30 B vs 10 B). ours minus stock: HTML +20 B") in text
