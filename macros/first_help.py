"""Someone to talk to, on the first screen: for each country, its emergency number and its listening
line (a crisis line to just talk to). One rule, used by the urgent box at the top of Get help now
(overrides/partials/urgent-help.html) and by the search help card (card_data() in
macros/hooks_search.py), both through `config.extra.shared.first_help`.
"""

from __future__ import annotations

import re
from typing import Any

from .render import time_zones
from .schema import COUNTRY_NAMES, CrisisCountry, CrisisService, SharedContent


def listening_line(country: CrisisCountry) -> CrisisService | None:
    """The first service for `crisis` that takes calls in the whole country (no `areas`): the data
    file's order says which line comes first, so editors choose it by moving a service up."""
    return next((s for s in country.services if "crisis" in s.for_ and "call" in s.how and not s.areas), None)


def _ways(service: CrisisService) -> str:
    """'call or text' when the same number takes texts without a keyword, else 'call'."""
    texts = "text" in service.how and not service.text_keyword and service.text_number in (None, service.number)
    return "call or text" if texts else "call"


def first_help(shared: SharedContent) -> list[dict[str, Any]]:
    """Each country in data-file order: name, emergency number, listening line (or None), time zones."""
    rows = []
    for code, country in shared.crisis.items():
        line = listening_line(country)
        rows.append(
            {
                "code": code,
                "country": COUNTRY_NAMES[code],
                "emergency": country.emergency,
                "emergency_tel": _tel(country.emergency),
                "listen": {"name": line.name, "number": line.number, "tel": _tel(line.number), "ways": _ways(line)}
                if line
                else None,
                "zones": time_zones(code),
            }
        )
    return rows


def _tel(number: str) -> str:
    """The digits of a tel: address, '+44 116 123' -> '+44116123'."""
    return re.sub(r"[^0-9+]", "", number)
