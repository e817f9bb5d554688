#!/usr/bin/env python3
"""`make benchmark`: the IPT guide side by side with stock Material for the same Markdown.

Builds both sites from a temp copy of the project, then measures, in this order:
  1. build time of the real site (ours and stock, in turn),
  2. first-view page weight of every page in the sitemap (fresh Chromium context per page, gzip server),
  3. build time of a generated 1,000-article corpus (ours and stock, in turn) and search-index growth,
  4. Lighthouse 12.2.3 on every page of our site (mobile: median of 5 runs, as Lighthouse's own guidance on variability advises; desktop: 1 run).
Prints the report, writes it to BENCHMARKS.md, and exits 1 when a budget is missed (or not run).

Needs: `npm ci` (Lighthouse), Debian Chromium at /usr/bin/chromium, the test virtualenv.
Usage: .venv/bin/python -m benchmarks.run [--quick] [--output FILE]   (from the project folder)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks import budgets, lighthouse, machine, projects, report
from benchmarks.results import BuildTiming, LighthouseResult, PageWeight, Results, SearchIndexSize
from benchmarks.weight import CHROMIUM, CHROMIUM_ARGS, first_view
from tools.project_copy import copy_project

# The loopback server is the one the tests use (tests/support/).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.server import serve

STARTED = time.perf_counter()


def log(message: str) -> None:
    elapsed = int(time.perf_counter() - STARTED)
    print(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}", file=sys.stderr, flush=True)


def timed_builds(project: Path, builds: list[tuple[str, str, Path]], runs: int, pages: int = 0) -> list[BuildTiming]:
    """Builds each (label, config, output) `runs` times, in turn (ours, stock, ours, ...), so drift hits both alike."""
    wall: list[list[float]] = [[] for _ in builds]
    cpu: list[list[float]] = [[] for _ in builds]
    for run in range(1, runs + 1):
        for i, (_, config, out) in enumerate(builds):
            seconds, cpu_seconds = projects.build(project, config, out)
            wall[i].append(seconds)
            cpu[i].append(cpu_seconds)
            log(f"build {config} run {run}/{runs}: {seconds:.1f} s (CPU {cpu_seconds:.1f} s)")
    pages = pages or len(projects.sitemap_paths(builds[0][2]))
    return [
        BuildTiming(label, pages, tuple(w), tuple(c)) for (label, _, _), w, c in zip(builds, wall, cpu, strict=True)
    ]


def measure_weights(ours: Path, stock: Path, pages: list[str]) -> list[PageWeight]:
    weights = []
    with serve(ours) as ours_url, serve(stock) as stock_url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for path in pages:
                ours_kinds, _ = first_view(browser, ours_url, path, ours)
                stock_kinds, blocked = first_view(browser, stock_url, path, stock)
                weights.append(PageWeight(path, ours_kinds, stock_kinds, tuple(blocked)))
                log(
                    f"weight {path}: {weights[-1].ours_total:,} B vs stock {weights[-1].stock_total:,} B "
                    f"({weights[-1].ratio:.2f})"
                )
        finally:
            browser.close()
    return weights


def measure_lighthouse(site: Path, pages: list[str], runs: dict[str, int], scratch: Path) -> list[LighthouseResult]:
    out = []
    with serve(site) as url:
        for path in pages:
            for preset, count in runs.items():
                done = []
                for n in range(1, count + 1):
                    done.append(lighthouse.run(url + path.lstrip("/"), path, preset, scratch / "lighthouse.json"))
                    s = done[-1].scores
                    log(
                        f"lighthouse {preset} {path} run {n}/{count}: "
                        + " ".join(f"{k} {v}" for k, v in s.items())
                        + (f" — {done[-1].error}" if done[-1].error else "")
                    )
                out.append(LighthouseResult(path, preset, tuple(done)))
    return out


def run(args: argparse.Namespace, scratch: Path) -> Results:
    results = Results(
        machine=machine.describe(),
        corpus_articles=args.articles,
        settings={
            "build runs": str(args.build_runs),
            "Lighthouse runs": f"mobile {args.mobile_runs}, desktop {args.desktop_runs}",
            "corpus": f"{args.articles:,} articles, seed {args.seed}",
        },
    )
    project = copy_project(scratch / "project")
    projects.write_configs(project)
    ours, stock = scratch / "site-ours", scratch / "site-stock"
    results.builds += timed_builds(
        project,
        [("real site, our config", projects.OURS, ours), ("real site, stock Material", projects.STOCK, stock)],
        args.build_runs,
    )
    all_pages = projects.sitemap_paths(ours)
    pages = all_pages[: args.pages or None]
    results.search.append(SearchIndexSize("real site, our config", len(all_pages), *projects.search_index(ours)))

    results.weights = measure_weights(ours, stock, pages)

    projects.add_corpus(project, args.articles, args.seed)
    c_ours, c_stock = scratch / "corpus-ours", scratch / "corpus-stock"
    label = f"{args.articles:,}-article corpus + real site"
    results.corpus_ours, results.corpus_stock = timed_builds(
        project,
        [(f"{label}, our config", projects.CORPUS, c_ours), (f"{label}, stock Material", projects.STOCK, c_stock)],
        args.build_runs,
    )
    results.builds += [results.corpus_ours, results.corpus_stock]
    results.search.append(
        SearchIndexSize(f"corpus ({label}), our config", results.corpus_ours.pages, *projects.search_index(c_ours))
    )

    if not args.skip_lighthouse:
        results.lighthouse = measure_lighthouse(
            ours, pages, {"mobile": args.mobile_runs, "desktop": args.desktop_runs}, scratch
        )
    return results


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=projects.ROOT / "BENCHMARKS.md")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--build-runs", type=int, default=5)  # single builds vary by ±20 % on a busy VM
    parser.add_argument(
        "--mobile-runs", type=int, default=5
    )  # the median of 5, as Lighthouse's variability guide advises
    parser.add_argument("--desktop-runs", type=int, default=1)
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages of the sitemap (0: all)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run (100 articles, 1 run each, 3 pages); its budgets are not meaningful",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.build_runs, args.mobile_runs, args.pages = 100, 1, 1, args.pages or 3
    return args


EXPLANATIONS = Path(__file__).with_name("misses.md")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ipt-benchmark-") as tmp:
        results = run(args, Path(tmp))
    results.duration_s = time.perf_counter() - STARTED
    results.machine["Load average at end (1, 5, 15 min)"] = machine.load()
    checks = budgets.evaluate(results)
    summaries = budgets.summarise(checks)
    text = report.render(results, checks, summaries)
    if EXPLANATIONS.is_file():  # the hand-written reasons for misses, kept with every new report
        text += "\n" + EXPLANATIONS.read_text(encoding="utf-8")
    args.output.write_text(text, encoding="utf-8")
    print(text)
    code = budgets.exit_code(summaries)
    log(f"wrote {args.output}; " + ("all budgets PASS" if code == 0 else "a budget was missed or not run: exit 1"))
    return code


if __name__ == "__main__":
    sys.exit(main())
