"""Readers of a given country, for the browser tests of "your country first": a time zone and a
browser language chosen by rule from the country code, so the tests follow whichever countries
macros/data/shared-content.yml lists (the guess itself is tested in tests/search/)."""

from __future__ import annotations

from babel.core import get_global

# Places a reader may be that an organisation is unlikely to list all of: (time zone, language, country).
ELSEWHERE = [("Asia/Tokyo", "ja-JP", "JP"), ("Europe/Berlin", "de-DE", "DE"), ("America/Sao_Paulo", "pt-BR", "BR")]


def reader_in(code: str) -> dict[str, str]:
    """Browser options of a reader in this country: its first time zone (a canonical name, which the
    browser reports unchanged) and English as spoken there."""
    return {"timezone_id": get_global("territory_zones")[code][0], "locale": f"en-{code}"}


def unlisted_place(listed: list[str]) -> tuple[str, str]:
    """(time zone, language) of a place in a country the data file does not list."""
    return next((zone, language) for zone, language, code in ELSEWHERE if code not in listed)
