"""The performance budgets, and their evaluation (pure: results in, checks out).

Budgets are never loosened to make a run pass: a miss is reported with the page, the number and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from .results import LighthouseResult, PageWeight, Results


@dataclass(frozen=True)
class Limits:
    category_min: int = 100  # accessibility, best practices, SEO: every page, mobile and desktop
    performance_min: int = 95  # median of the mobile runs
    lcp_max_ms: float = 1500.0  # mobile, median of the runs
    weight_ratio_max: float = 1.10  # first view, ours / stock Material, every page
    build_ratio_max: float = 1.20  # 1,000-article build, ours / stock Material (medians)
    build_ratio_step: float = 1.50  # this round's step on the way to build_ratio_max (issue 14)


LIMITS = Limits()


@dataclass(frozen=True)
class Check:
    budget: str  # the budget, as written in the report
    subject: str  # what was checked: a page and preset, or "1,000 articles"
    value: str  # the measured number, formatted
    passed: bool
    why: str = ""  # for a miss: what costs (failing audits, bytes by kind, metric values)


@dataclass(frozen=True)
class BudgetSummary:
    budget: str
    checked: int
    misses: tuple[Check, ...]

    @property
    def passed(self) -> bool:
        return self.checked > 0 and not self.misses


def budget_names(limits: Limits = LIMITS) -> dict[str, str]:
    return {
        "accessibility": f"Accessibility = {limits.category_min} (every page, mobile and desktop)",
        "best-practices": f"Best practices = {limits.category_min} (every page, mobile and desktop)",
        "seo": f"SEO = {limits.category_min} (every page, mobile and desktop)",
        "performance": f"Performance >= {limits.performance_min} (mobile, median of runs)",
        "lcp": f"LCP <= {limits.lcp_max_ms / 1000:.1f} s (mobile, median of runs)",
        "weight": f"First-view weight <= {limits.weight_ratio_max:.2f} x stock Material (every page)",
        "build": f"1,000-article build <= {limits.build_ratio_max:.2f} x stock Material",
        "build step": f"1,000-article build <= {limits.build_ratio_step:.2f} x stock Material (this round's step)",
    }


def evaluate(results: Results, limits: Limits = LIMITS) -> list[Check]:
    checks = [c for lh in results.lighthouse for c in _lighthouse_checks(lh, limits)]
    checks += [_weight_check(w, limits) for w in results.weights]
    if results.corpus_ours and results.corpus_stock:
        ours, stock = results.corpus_ours.median, results.corpus_stock.median
        for name, limit in (("build", limits.build_ratio_max), ("build step", limits.build_ratio_step)):
            checks.append(
                Check(
                    budget_names(limits)[name],
                    f"{results.corpus_articles:,} articles",
                    f"{ours / stock:.2f} x ({ours:.1f} s vs {stock:.1f} s)",
                    ours <= limit * stock,
                    ""
                    if ours <= limit * stock
                    else f"our build (macros, overrides, extra CSS) takes {ours - stock:.1f} s more than stock Material",
                )
            )
    return checks


def _lighthouse_checks(lh: LighthouseResult, limits: Limits) -> list[Check]:
    names = budget_names(limits)
    subject = f"{lh.path} {lh.preset}"
    errors = "; ".join(lh.errors)
    checks = []
    for category in ("accessibility", "best-practices", "seo"):
        score = lh.score(category)
        passed = score is not None and score >= limits.category_min
        why = "; ".join(f for f in lh.failing if f.startswith(category + ":")) or errors or "no score"
        checks.append(Check(names[category], subject, _fmt(score), passed, "" if passed else why))
    if lh.preset != "mobile":
        return checks
    perf, lcp = lh.performance, lh.metric("largest-contentful-paint")
    metrics = "; ".join([_metric_summary(lh), *(f for f in lh.failing if f.startswith("performance:"))])
    ok = perf is not None and perf >= limits.performance_min
    checks.append(
        Check(
            names["performance"],
            subject,
            f"{_fmt(perf)} (runs {', '.join(_fmt(v) for v in lh.performance_runs())})",
            ok,
            "" if ok else (errors or metrics),
        )
    )
    ok = lcp is not None and lcp <= limits.lcp_max_ms
    checks.append(
        Check(
            names["lcp"],
            subject,
            "n/a" if lcp is None else f"{lcp / 1000:.2f} s",
            ok,
            "" if ok else (errors or metrics),
        )
    )
    return checks


def _metric_summary(lh: LighthouseResult) -> str:
    parts = []
    for audit, label in (
        ("first-contentful-paint", "FCP"),
        ("largest-contentful-paint", "LCP"),
        ("total-blocking-time", "TBT"),
        ("speed-index", "SI"),
    ):
        value = lh.metric(audit)
        if value is not None:
            parts.append(
                f"{label} {value / 1000:.2f} s" if audit != "total-blocking-time" else f"{label} {value:.0f} ms"
            )
    cls = lh.metric("cumulative-layout-shift")
    if cls is not None:
        parts.append(f"CLS {cls:.3f}")
    return "median metrics: " + ", ".join(parts) if parts else "no metrics"


def _weight_check(w: PageWeight, limits: Limits) -> Check:
    passed = w.ours_total <= limits.weight_ratio_max * w.stock_total
    value = f"{w.ratio:.2f} x ({w.ours_total:,} B vs {w.stock_total:,} B)"
    return Check(budget_names(limits)["weight"], w.path, value, passed, "" if passed else weight_difference(w))


def weight_difference(w: PageWeight) -> str:
    """Which kinds of file make our page heavier than stock, largest difference first."""
    kinds = sorted(set(w.ours) | set(w.stock), key=lambda k: w.stock.get(k, 0) - w.ours.get(k, 0))
    parts = [f"{k} {w.ours.get(k, 0) - w.stock.get(k, 0):+,} B" for k in kinds if w.ours.get(k, 0) != w.stock.get(k, 0)]
    return "ours minus stock: " + ", ".join(parts)


def summarise(checks: list[Check], limits: Limits = LIMITS) -> list[BudgetSummary]:
    """One line per budget, in a fixed order; a budget with nothing checked counts as missed."""
    return [
        BudgetSummary(
            name, sum(c.budget == name for c in checks), tuple(c for c in checks if c.budget == name and not c.passed)
        )
        for name in budget_names(limits).values()
    ]


def exit_code(summaries: list[BudgetSummary]) -> int:
    return 0 if summaries and all(s.passed for s in summaries) else 1


def _fmt(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
