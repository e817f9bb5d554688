"""Where the editors' own settings live: macros/data/editorial/, next to the other data files.

They are data that editors change (limits, words, per-page rules), not test code, so they sit where an
editor looks for data (CONTRIBUTING.md, "Pages and where they are"). Every check reads them from here.
"""

from __future__ import annotations

# Relative to the project folder (conftest.ROOT), as editors see them in messages.
FOLDER = "macros/data/editorial"
SETTINGS = f"{FOLDER}/settings.yml"
DISCOURAGED_PHRASES = f"{FOLDER}/discouraged-phrases.yml"
SPELLING_WORDS = f"{FOLDER}/spelling-words.txt"
PAGE_RULES = f"{FOLDER}/page-rules.yml"
