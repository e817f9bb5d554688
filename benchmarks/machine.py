"""The machine a benchmark ran on, so numbers from different machines are never compared blindly."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

from .weight import CHROMIUM


def _first(pattern: str, text: str, default: str = "unknown") -> str:
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1).strip() if match else default


def _output(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"unavailable ({err})"
    return result.stdout.strip() or result.stderr.strip().splitlines()[-1]


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8") if Path(path).is_file() else ""


def load() -> str:
    """The 1, 5 and 15 minute load averages: above ~1 something else competed for the CPU."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def describe() -> dict[str, str]:
    mem_kib = int(_first(r"^MemTotal:\s+(\d+)", _read("/proc/meminfo"), "0"))
    os_name = _first(r'^PRETTY_NAME="?([^"\n]+)', _read("/etc/os-release"), platform.system())
    return {
        "Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": _first(r"^model name\s*:\s*(.+)$", _read("/proc/cpuinfo"), platform.processor() or "unknown"),
        "Cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "RAM": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "OS": f"{os_name}, kernel {platform.release()}",
        "Python": platform.python_version(),
        "Node": _output(["node", "--version"]),
        "Chromium": _output([CHROMIUM, "--version"]),
        "Lighthouse": _output(["npx", "--no-install", "lighthouse", "--version"]),
        "MkDocs / Material": f"{version('mkdocs')} / {version('mkdocs-material')}",
        "Playwright (Python)": version("playwright"),
        "Load average at start (1, 5, 15 min)": load(),
    }
