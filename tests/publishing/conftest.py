"""Fixtures for the publishing tests: the built site served by REAL nginx with the shipped config."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .publishing_support import run_nginx


@pytest.fixture(scope="session")
def nginx_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, as built by the `site` fixture, served by nginx with deploy/nginx.conf."""
    with run_nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url
