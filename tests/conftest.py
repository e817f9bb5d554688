"""Shared fixtures: the real site built once, and throwaway copies of the project for bad-input scenarios."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from deploy.publish import publish
from support.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built in-process with the real config (strict), as readers get it."""
    out = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out))
    build(config)
    publish(out, ROOT)  # the post-build step `make build` runs: meta CSP, header files, robots.txt
    return out


@pytest.fixture(scope="session")
def shared_content() -> dict:
    return yaml.safe_load((ROOT / "macros/data/shared-content.yml").read_text(encoding="utf-8"))


class Project:
    """A copy of the project in a temp folder, to break on purpose and build with the real CLI."""

    def __init__(self, path: Path) -> None:
        self.path = copy_project(path)

    def edit_yaml(self, relative: str, change) -> None:
        file = self.path / relative
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        change(data)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        (self.path / relative).parent.mkdir(parents=True, exist_ok=True)
        (self.path / relative).write_text(text, encoding="utf-8")

    def build(self) -> subprocess.CompletedProcess[str]:
        """What `make build` does: the real CLI build, then the post-build publishing step."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(self.path / "site")],
            cwd=self.path, capture_output=True, text=True, env=env, timeout=300,
        )
        if result.returncode != 0:
            return result
        return self.publish()

    def publish(self) -> subprocess.CompletedProcess[str]:
        """The post-build step alone, on this copy's site/, as `make build` runs it."""
        return subprocess.run(
            [sys.executable, "-m", "deploy.publish", "site"], cwd=self.path, capture_output=True, text=True, timeout=120,
        )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines of a failed build that speak to the editor (MkDocs' own noise removed)."""
    noise = ("Aborted with", "INFO", "ERROR   -  Error reading page")
    return [l for l in result.stderr.splitlines() if l.strip() and not l.startswith(noise)]


# --- the real browser: Debian's Chromium, driven by Playwright, with no network but loopback -----

CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    # Resolve no host name except loopback: the browser itself cannot reach the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options: Debian's Chromium, never a downloaded browser."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site: Path):
    """The built site served over loopback with gzip, like a static host (overrides pytest-playwright's)."""
    from support.server import serve

    with serve(site) as url:
        yield url
