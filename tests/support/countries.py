"""Readers of a given country, for the browser tests of "your country first": a time zone and a
browser language chosen by rule from the country code, so the tests follow whichever countries
macros/data/shared-content.yml lists (the guess itself is tested in tests/search/)."""

from __future__ import annotations

import pytest
from babel.core import get_global

from conftest import read_shared_content

# Places a reader may be that an organisation is unlikely to list all of: (time zone, language, country).
ELSEWHERE = [("Asia/Tokyo", "ja-JP", "JP"), ("Europe/Berlin", "de-DE", "DE"), ("America/Sao_Paulo", "pt-BR", "BR")]


# The countries of the data file, in its order: the browser cases follow them, whichever they are.
WRITTEN = list(read_shared_content()["crisis"])
LAST = WRITTEN[-1]  # a reader there must see it moved first (unless it is the only country)
needs_two_countries = pytest.mark.skipif(len(WRITTEN) < 2, reason="the data file lists one country: none is moved")


def reader_in(code: str) -> dict[str, str]:
    """Browser options of a reader in this country: its first time zone (a canonical name, which the
    browser reports unchanged) and English as spoken there."""
    return {"timezone_id": get_global("territory_zones")[code][0], "locale": f"en-{code}"}


def unlisted_place(listed: list[str]) -> tuple[str, str]:
    """(time zone, language) of a place in a country the data file does not list."""
    return next((zone, language) for zone, language, code in ELSEWHERE if code not in listed)


def reader_case(code: str) -> tuple[str, str, str]:
    """(time zone, browser language, the country) of a reader in this country."""
    reader = reader_in(code)
    return reader["timezone_id"], reader["locale"], code
