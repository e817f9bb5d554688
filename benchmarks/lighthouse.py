"""Lighthouse 12.2.3 (npm, pinned in package.json) against the loopback gzip server, through its CLI."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .results import CATEGORIES, LighthouseRun
from .weight import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def chrome_flags() -> str:
    # Lighthouse splits --chrome-flags itself and honours quotes: the resolver rule contains spaces.
    return " ".join(f"{a.split('=', 1)[0]}='{a.split('=', 1)[1]}'" if " " in a else a for a in CHROMIUM_ARGS)


def command(url: str, preset: str, output: Path) -> list[str]:
    cmd = [
        "npx",
        "--no-install",
        "lighthouse",
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        "--only-categories=" + ",".join(CATEGORIES),
        f"--chrome-flags={chrome_flags()}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    elif preset != "mobile":
        raise ValueError(f"unknown Lighthouse preset '{preset}' — use mobile or desktop")
    return cmd


def run(url: str, path: str, preset: str, output: Path) -> LighthouseRun:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        command(url, preset, output), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0 or not output.is_file():
        error = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
        return LighthouseRun(path, preset, dict.fromkeys(CATEGORIES), {}, 0, (), f"Lighthouse failed: {error}")
    return parse(json.loads(output.read_text(encoding="utf-8")), path, preset)


def parse(report: dict, path: str, preset: str) -> LighthouseRun:
    """The numbers the budgets need, and for every category the weighted audits that cost points."""
    audits = report["audits"]
    scores: dict[str, int | None] = {}
    failing: list[str] = []
    for category in CATEGORIES:
        data = report["categories"].get(category, {})
        score = data.get("score")
        scores[category] = None if score is None else round(score * 100)
        for ref in data.get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            if category != "performance" and ref.get("weight", 0) > 0 and audit.get("score") not in (None, 1):
                failing.append(f"{category}: {ref['id']} ({_where(audit)})")
    for audit in audits.values():  # performance: the opportunities Lighthouse itself names
        savings = (audit.get("details") or {}).get("overallSavingsMs") or 0
        if savings >= 50:
            failing.append(f"performance: {audit['id']} saves ~{savings:.0f} ms")
    metrics = {
        a: float(audits[a]["numericValue"]) for a in METRICS if audits.get(a, {}).get("numericValue") is not None
    }
    error = (report.get("runtimeError") or {}).get("message")
    total = int((audits.get("total-byte-weight") or {}).get("numericValue") or 0)
    return LighthouseRun(path, preset, scores, metrics, total, tuple(failing), error)


def _where(audit: dict) -> str:
    """The audit's title and up to three elements it found, e.g. `div.md-search`."""
    items = (audit.get("details") or {}).get("items") or []
    nodes = [i["node"].get("selector", "") for i in items if isinstance(i.get("node"), dict)][:3]
    return audit.get("title", "?") + (": " + ", ".join(nodes) if nodes else "")
