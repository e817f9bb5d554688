"""The budget logic of the benchmark: a missed budget must show as MISS, say why, and fail the run."""

from __future__ import annotations

import pytest

from benchmarks import budgets
from benchmarks.results import BuildTiming, LighthouseResult, LighthouseRun, PageWeight, Results
from benchmarks.stats import median, per_item_growth, ratio

GOOD_SCORES = {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}
GOOD_METRICS = {"largest-contentful-paint": 1200.0, "total-blocking-time": 20.0, "first-contentful-paint": 900.0}


def lh_run(path: str = "/", preset: str = "mobile", failing: tuple[str, ...] = (), **changes: float) -> LighthouseRun:
    scores = {**GOOD_SCORES, **{k.replace("_", "-"): int(v) for k, v in changes.items() if k != "lcp"}}
    metrics = {**GOOD_METRICS, **({"largest-contentful-paint": changes["lcp"]} if "lcp" in changes else {})}
    return LighthouseRun(path, preset, scores, metrics, 70_000, failing)


def good_results() -> Results:
    return Results(
        weights=[PageWeight("/", {"HTML": 10_000, "CSS": 20_000}, {"HTML": 9_500, "CSS": 20_000})],
        lighthouse=[
            LighthouseResult("/", "mobile", (lh_run(), lh_run(), lh_run())),
            LighthouseResult("/", "desktop", (lh_run(preset="desktop"),)),
        ],
        corpus_ours=BuildTiming("ours", 1000, (11.0, 10.0, 12.0)),
        corpus_stock=BuildTiming("stock", 1000, (10.0, 9.0, 9.5)),
        corpus_articles=1000,
    )


def misses(results: Results) -> list[budgets.Check]:
    return [c for c in budgets.evaluate(results) if not c.passed]


def test_good_results_pass_every_budget_and_exit_0() -> None:
    summaries = budgets.summarise(budgets.evaluate(good_results()))
    assert [s.passed for s in summaries] == [True] * 8
    assert budgets.exit_code(summaries) == 0


def test_accessibility_below_100_is_a_miss_that_names_the_page_and_the_audit() -> None:
    results = good_results()
    bad = lh_run(
        "/about/", "desktop", ("accessibility: aria-dialog-name (dialog has no name: div.md-search)",), accessibility=96
    )
    results.lighthouse.append(LighthouseResult("/about/", "desktop", (bad,)))
    [miss] = misses(results)
    assert (miss.subject, miss.value) == ("/about/ desktop", "96")
    assert miss.budget.startswith("Accessibility = 100")
    assert "aria-dialog-name" in miss.why and "div.md-search" in miss.why
    assert budgets.exit_code(budgets.summarise(budgets.evaluate(results))) == 1


def test_performance_uses_the_median_so_one_bad_run_passes_but_two_miss() -> None:
    results = good_results()
    results.lighthouse[0] = LighthouseResult("/", "mobile", (lh_run(performance=80), lh_run(), lh_run()))
    assert misses(results) == []
    results.lighthouse[0] = LighthouseResult("/", "mobile", (lh_run(performance=80), lh_run(performance=94), lh_run()))
    [miss] = misses(results)
    assert miss.value == "94 (runs 80, 94, 99)"
    assert "LCP 1.20 s" in miss.why and "TBT 20 ms" in miss.why


def test_lcp_over_1_5_s_on_mobile_is_a_miss_but_desktop_lcp_is_not_budgeted() -> None:
    results = good_results()
    results.lighthouse[0] = LighthouseResult("/", "mobile", (lh_run(lcp=1600), lh_run(lcp=1700), lh_run(lcp=1400)))
    results.lighthouse[1] = LighthouseResult("/", "desktop", (lh_run(preset="desktop", lcp=5000),))
    [miss] = misses(results)
    assert miss.budget.startswith("LCP <= 1.5 s") and miss.value == "1.60 s"


def test_a_lighthouse_run_without_a_score_is_a_miss_not_a_pass() -> None:
    results = good_results()
    broken = LighthouseRun("/", "desktop", dict.fromkeys(GOOD_SCORES), {}, 0, (), "NO_FCP")
    results.lighthouse[1] = LighthouseResult("/", "desktop", (broken,))
    assert {(m.value, m.why) for m in misses(results)} == {("n/a", "NO_FCP")}


def test_page_heavier_than_1_10_x_stock_is_a_miss_that_says_which_files_cost() -> None:
    results = good_results()
    results.weights.append(
        PageWeight("/grief/", {"HTML": 15_000, "CSS": 22_000, "JS": 1}, {"HTML": 10_000, "CSS": 20_000, "JS": 1})
    )
    [miss] = misses(results)
    assert miss.subject == "/grief/" and miss.value.startswith("1.23 x (37,001 B vs 30,001 B)")
    assert miss.why == "ours minus stock: HTML +5,000 B, CSS +2,000 B"


def test_exactly_at_the_limit_passes() -> None:
    results = good_results()
    results.weights = [PageWeight("/", {"HTML": 110}, {"HTML": 100})]
    results.corpus_ours, results.corpus_stock = BuildTiming("o", 1, (12.0,)), BuildTiming("s", 1, (10.0,))
    assert misses(results) == []


def test_slow_corpus_build_is_a_miss() -> None:
    results = good_results()
    results.corpus_ours = BuildTiming("ours", 1000, (30.0, 29.0, 28.0))
    final, step = misses(results)
    assert final.value == "3.05 x (29.0 s vs 9.5 s)" and "19.5 s more" in final.why
    assert (final.budget, step.budget) == (
        "1,000-article build <= 1.20 x stock Material",
        "1,000-article build <= 1.50 x stock Material (this round's step)",
    )


def test_a_build_between_the_step_and_the_budget_misses_only_the_budget() -> None:
    results = good_results()
    results.corpus_ours = BuildTiming("ours", 1000, (13.3,))  # 1.4 x stock's 9.5 s
    [miss] = misses(results)
    assert miss.budget == "1,000-article build <= 1.20 x stock Material" and miss.value.startswith("1.40 x")


def test_a_budget_that_was_not_measured_fails_the_run() -> None:
    results = good_results()
    results.lighthouse = []
    summaries = budgets.summarise(budgets.evaluate(results))
    assert [s.checked for s in summaries][:5] == [0] * 5
    assert budgets.exit_code(summaries) == 1


def test_median_ratio_and_growth() -> None:
    assert median([3, 1, 2]) == 2 and median([4, 1, 2, 3]) == 2.5
    assert ratio(11, 10) == pytest.approx(1.1)
    assert per_item_growth(100, 3100, 1000) == 3.0
    with pytest.raises(ValueError, match="no runs"):
        median([])
    with pytest.raises(ValueError, match="positive stock"):
        ratio(1, 0)


def test_an_audit_failing_in_several_runs_is_named_once() -> None:
    runs = (
        lh_run(performance=80, failing=("performance: unused-css-rules saves ~300 ms",)),
        lh_run(performance=80, failing=("performance: unused-css-rules saves ~150 ms",)),
        lh_run(),
    )
    [miss] = misses(Results(lighthouse=[LighthouseResult("/", "mobile", runs)]))
    assert miss.why.count("unused-css-rules") == 1
