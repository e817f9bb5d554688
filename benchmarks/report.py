"""BENCHMARKS.md and the printed table (pure: results and checks in, Markdown out)."""

from __future__ import annotations

from collections.abc import Sequence

from .budgets import LIMITS, BudgetSummary, Check, Limits
from .results import LighthouseResult, PageWeight, Results
from .stats import per_item_growth


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A Markdown table whose columns line up in a terminal too; `right` lists right-aligned columns."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return (
            "| "
            + " | ".join(
                str(c).rjust(w) if i in right else str(c).ljust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def kb(n: float) -> str:
    return f"{n / 1000:,.1f} kB"


def status(summary: BudgetSummary) -> str:
    if summary.checked == 0:
        return "NOT RUN"
    return "PASS" if summary.passed else "MISS"


def budgets_section(summaries: list[BudgetSummary]) -> str:
    rows = [
        [
            s.budget,
            status(s),
            str(s.checked),
            "; ".join(f"{c.subject}: {c.value}" for c in s.misses[:6]) + (" …" if len(s.misses) > 6 else ""),
        ]
        for s in summaries
    ]
    out = ["## Budgets", "", table(["Budget", "Result", "Checked", "Misses"], rows, right=(2,))]
    groups: dict[tuple[str, str], list[Check]] = {}  # the same cause on many pages is said once
    for check in (c for s in summaries for c in s.misses):
        groups.setdefault((check.budget, check.why), []).append(check)
    checked = {s.budget: s.checked for s in summaries}
    if groups:
        out += ["", "### Misses in detail", ""]
        out += [
            f"- **{budget}** — {_subjects(checks, checked[budget])}. {why}".rstrip()
            for (budget, why), checks in groups.items()
        ]
    return "\n".join(out)


def _subjects(checks: list[Check], checked: int) -> str:
    """`/a/ mobile`: 96, `/b/ mobile`: 96 — or, when every check missed by the same value, say so in one go."""
    values = {c.value for c in checks}
    if len(checks) == checked > 2 and len(values) == 1:
        return f"all {checked} checked ({', '.join(f'`{c.subject}`' for c in checks)}): {values.pop()}"
    return ", ".join(f"`{c.subject}`: {c.value}" for c in checks)


def weight_section(weights: list[PageWeight], limits: Limits = LIMITS) -> str:
    if not weights:
        return "## 1. First-view page weight\n\nNot run."
    rows = [
        [
            w.path,
            f"{w.ours_total:,}",
            f"{w.stock_total:,}",
            f"{w.ratio:.2f}",
            "PASS" if w.ours_total <= limits.weight_ratio_max * w.stock_total else "MISS",
        ]
        for w in weights
    ]
    ours, stock = sum(w.ours_total for w in weights), sum(w.stock_total for w in weights)
    rows.append(["**all pages**", f"{ours:,}", f"{stock:,}", f"{ours / stock:.2f}", ""])
    kinds = sorted({k for w in weights for k in (*w.ours, *w.stock)})
    kind_rows = [
        [k, f"{sum(w.ours.get(k, 0) for w in weights):,}", f"{sum(w.stock.get(k, 0) for w in weights):,}"]
        for k in kinds
    ]
    blocked = sorted({u for w in weights for u in w.stock_blocked})
    out = [
        "## 1. First-view page weight (bytes as served, gzipped)",
        "",
        "Each page loaded once in a fresh Chromium context (empty cache), from the loopback gzip server; "
        "the sum of the response bodies as transferred. Stock = stock Material for the same Markdown.",
        "",
        table(["Page", "Ours (B)", "Stock Material (B)", "Ours / stock", "Budget"], rows, right=(1, 2, 3)),
        "",
        "By kind, all pages together:",
        "",
        table(["Kind", "Ours (B)", "Stock Material (B)"], kind_rows, right=(1, 2)),
    ]
    if blocked:
        out += [
            "",
            f"Stock Material also asked for {len(blocked)} outside address(es), not counted because "
            "nothing but loopback is reachable here (stock loads Roboto from Google Fonts): "
            + ", ".join(f"`{u}`" for u in blocked[:4])
            + (" …" if len(blocked) > 4 else ""),
        ]
    return "\n".join(out)


def lighthouse_section(results: list[LighthouseResult]) -> str:
    if not results:
        return "## 2. Lighthouse (our site)\n\nNot run."
    rows = []
    for lh in results:
        lcp = lh.metric("largest-contentful-paint")
        tbt = lh.metric("total-blocking-time")
        runs = lh.performance_runs()
        perf = "n/a" if lh.performance is None else f"{lh.performance:.0f}"
        rows.append(
            [
                lh.path,
                lh.preset,
                perf + (f" ({', '.join(str(r) for r in runs)})" if len(runs) > 1 else ""),
                "n/a" if lcp is None else f"{lcp / 1000:.2f} s",
                "n/a" if tbt is None else f"{tbt:.0f} ms",
                *(str(lh.score(c)) for c in ("accessibility", "best-practices", "seo")),
                kb(lh.total_bytes),
            ]
        )
    return "\n".join(
        [
            "## 2. Lighthouse 12.2.3 (our site)",
            "",
            "Performance, LCP and TBT: median of the runs (runs in brackets); the other scores: the worst run. "
            "Bytes: Lighthouse's total-byte-weight (it counts the search worker as ~190 B).",
            "",
            table(
                ["Page", "Preset", "Performance", "LCP", "TBT", "Accessibility", "Best practices", "SEO", "Bytes"],
                rows,
                right=(2, 3, 4, 5, 6, 7, 8),
            ),
        ]
    )


def build_section(results: Results) -> str:
    rows = [
        [
            b.label,
            f"{b.pages:,}",
            ", ".join(f"{s:.1f}" for s in b.seconds),
            f"{b.median:.1f} s",
            "n/a" if b.cpu_median is None else f"{b.cpu_median:.1f} s",
        ]
        for b in results.builds
    ]
    out = [
        "## 3. Build time (`mkdocs build --clean`, real CLI, runs in turn ours/stock)",
        "",
        table(["Build", "Pages", "Wall, runs (s)", "Wall, median", "CPU, median"], rows, right=(1, 3, 4)),
    ]
    ours, stock = results.corpus_ours, results.corpus_stock
    if ours and stock:
        line = (
            f"{results.corpus_articles:,}-article corpus: ours / stock Material = **{ours.median / stock.median:.2f}** "
            f"on wall time ({ours.median:.1f} s vs {stock.median:.1f} s)"
        )
        if ours.cpu_median and stock.cpu_median:
            line += f", {ours.cpu_median / stock.cpu_median:.2f} on CPU time"
        out += ["", line + ". The budget is on wall time; CPU time shows whether other load on the machine skewed it."]
    return "\n".join(out)


def search_section(results: Results) -> str:
    if not results.search:
        return "## 4. Search index\n\nNot run."
    rows = [[s.label, f"{s.pages:,}", f"{s.raw:,}", f"{s.gzipped:,}"] for s in results.search]
    out = [
        "## 4. Search index (`search/search_index.json`)",
        "",
        table(["Site", "Pages", "Raw (B)", "Gzipped (B)"], rows, right=(1, 2, 3)),
    ]
    real = next((s for s in results.search if s.label.startswith("real site")), None)
    big = next((s for s in results.search if s.label.startswith("corpus")), None)
    if real and big and big.pages > real.pages:
        added = big.pages - real.pages
        out += [
            "",
            f"Growth per added article (~1,000 words): **{per_item_growth(real.raw, big.raw, added):,.0f} B raw, "
            f"{per_item_growth(real.gzipped, big.gzipped, added):,.0f} B gzipped**. Every first-time visitor "
            "downloads the whole index, so the first view grows by the gzipped figure for each article. "
            "(The corpus draws on a small fixed vocabulary, so its text gzips somewhat better than real prose.)",
        ]
    return "\n".join(out)


def render(results: Results, checks: list[Check], summaries: list[BudgetSummary]) -> str:
    minutes, seconds = divmod(round(results.duration_s), 60)
    machine = table(["", ""], [[k, v] for k, v in results.machine.items()])
    settings = ", ".join(f"{k}: {v}" for k, v in results.settings.items())
    overall = (
        "all budgets PASS"
        if all(s.passed for s in summaries)
        else f"{sum(not s.passed for s in summaries)} of {len(summaries)} budgets MISS or NOT RUN"
    )
    return (
        "\n\n".join(
            [
                "# Benchmarks",
                "Written by `make benchmark` (`benchmarks/run.py`); do not edit by hand, run it again. "
                f"This run took **{minutes} min {seconds} s**; {overall}. Settings: {settings}.",
                budgets_section(summaries),
                "## Machine\n\n" + machine,
                weight_section(results.weights),
                lighthouse_section(results.lighthouse),
                build_section(results),
                search_section(results),
            ]
        )
        + "\n"
    )
