"""Someone to talk to, on the first screen: for each country, its emergency number and its listening
line (a crisis line to just talk to). One rule, used by the urgent box at the top of Get help now
(overrides/partials/urgent-help.html) and by the search help card (card_data() in
macros/hooks_search.py), both through `config.extra.shared.first_help`. Which line that is:
listening_line() in macros/schema.py, which also stops the build when a text beside these lines
promises help day and night that a country's line does not give.
"""

from __future__ import annotations

import re
from typing import Any

from .render import time_zones
from .schema import COUNTRY_NAMES, CrisisService, SharedContent, listening_line


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
