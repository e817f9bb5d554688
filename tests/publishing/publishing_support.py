"""Helpers for the publishing tests: the header files as each host applies them. (Real nginx with
the shipped config is started by tests/support/nginx.py.)"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# --- the header policy as each host will apply it ------------------------------------------------


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """Netlify / Cloudflare `_headers`: path -> {header: value}."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        else:
            assert current is not None, f"_headers: header line before any path: {line!r}"
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules


def parse_nginx_locations(text: str) -> dict[str, dict[str, str]]:
    """The generated nginx include: location -> {header: value} from its add_header lines."""
    import re

    locations: dict[str, dict[str, str]] = {}
    for m in re.finditer(r"^location\s+(.+?)\s*\{(.*?)^\}", text, re.S | re.M):
        headers = dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', m.group(2)))
        locations[m.group(1)] = headers
    return locations


def policy_differences(expected: dict[str, str], actual: dict[str, str], where: str) -> list[str]:
    """One line per header that is missing or different in `where`."""
    problems = []
    for name, value in expected.items():
        got = actual.get(name)
        if got is None:
            problems.append(f"{where}: {name} missing — regenerate it from deploy/headers.yml (make build)")
        elif got != value:
            problems.append(f"{where}: {name} is {got!r}, the policy says {value!r}")
    return problems
