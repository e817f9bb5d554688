"""The site's own search, without a browser: Material's search worker (lunr and Material's query
handling, as built into site/assets/javascripts/workers/) run in V8 (mini-racer) on the built
site/search/search_index.json. A query returns the pages in the order the search box lists them,
so ranking is tested in `make check` in milliseconds per query, with the code readers run.

The worker is the file Material ships, not a copy: it is loaded as a browser loads it, with the
few things a web worker has that bare V8 lacks (`self`, `addEventListener`, `postMessage`,
`console`). The messages are Material's own: SETUP (0) with the index, as its main script sends it
(`config`, `docs`, `options.suggest` from the `search.suggest` feature), then QUERY (2) with
what the reader typed, exactly as typed (Material's main script sends the box's value unchanged).
tests/browser/test_search.py checks that the real search box gives the same top results.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from py_mini_racer import MiniRacer

from macros.hooks_search import matches

# What a dedicated worker scope offers that V8 alone does not. The worker answers each message
# with postMessage; its handler is async, so the answer arrives when V8 runs its pending jobs
# (after every eval), and is read from `answers`.
WORKER_SCOPE = """
var self = globalThis;
var answers = [];
var listeners = [];
var console = { log() {}, info() {}, warn() {}, error() {} };
function addEventListener(type, listener) { if (type === "message") listeners.push(listener); }
function postMessage(message) { answers.push(message); }
function importScripts() { throw new Error("importScripts: only English search is set up here"); }
function send(message) { answers = []; listeners.forEach((listener) => listener({ data: message })); }
"""
SETUP, READY, QUERY, RESULT = 0, 1, 2, 3


class SiteSearch:
    """One built site's search. `pages(query)` -> page paths ('' = home, 'about/'), best first."""

    def __init__(self, site: Path, suggest: bool = True) -> None:
        workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        if len(workers) != 1:
            raise FileNotFoundError(f"{site}: expected one Material search worker, found {workers}")
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        self.v8 = MiniRacer()
        self.v8.eval(WORKER_SCOPE)
        self.v8.eval(workers[0].read_text(encoding="utf-8"))
        message = {"config": index["config"], "docs": index["docs"], "options": {"suggest": suggest}}
        if self._send(SETUP, message).get("type") != READY:
            raise RuntimeError(f"{workers[0].name}: the search worker did not get ready")

    def _send(self, kind: int, data: object) -> dict:
        self.v8.eval(f"send({json.dumps({'type': kind, 'data': data}, ensure_ascii=False)})")
        answers = json.loads(self.v8.eval("JSON.stringify(answers)"))
        if len(answers) != 1:
            raise RuntimeError(f"the search worker answered {len(answers)} times, expected once")
        return answers[0]

    def answer(self, query: str) -> list[dict]:
        """The first entry of each page the search box lists, best first: `location`, `score` and
        `terms` (each typed word: whether the entry matched it; Material shows the others as missing)."""
        return [group[0] for group in self._send(QUERY, query)["data"]["items"] if group]

    def close(self) -> None:
        """Stop V8 now: left to the end of the process, its teardown can hang (py_mini_racer
        advises closing explicitly)."""
        self.v8.close()

    def __enter__(self) -> SiteSearch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def pages(self, query: str) -> list[str]:
        """The pages the search box lists for `query`, best first (each page once, as Material
        groups a page's sections under it)."""
        result = self._send(QUERY, query)
        return [group[0]["location"].split("#")[0] for group in result["data"]["items"] if group]


def says_crisis_alone(typed: str, shared: dict) -> bool:
    """The typed words hold a one-word item of a crisis concept that says crisis `alone`, as written
    ("suicidal" for "suicid*"): the search must then put the help page first (macros/hooks_search.py).
    Several-word items ("no way out") and typing slips are the help card's work."""
    words = re.sub(r"['’]", "", typed.lower()).split()
    items = [i for c in shared["crisis_search"]["concepts"].values() if c.get("alone") for i in c["words"]]
    return any(matches(w, i) for w in words for i in items if " " not in i)


def card_script(site: Path) -> MiniRacer:
    """The built help card script (site/javascripts/crisis-search.js with the data the build wrote
    into it), evaluated as a browser would, but with no page: only its logic runs."""
    v8 = MiniRacer()
    v8.eval((site / "javascripts/crisis-search.js").read_text(encoding="utf-8"))
    return v8


def cards_show(v8: MiniRacer, typed: list[str], engine_says_help: bool = False) -> list[bool]:
    """Whether the card shows for each of `typed`, in one call into V8 (each call costs about a
    millisecond, more than most decisions); `engine_says_help`: the search put Get help now first."""
    decide = f"function (q) {{ return IPTCrisisSearch.looksLikeCrisis(q, CRISIS_SEARCH_DATA, {json.dumps(engine_says_help)}); }}"
    return json.loads(v8.eval(f"JSON.stringify({json.dumps(typed)}.map({decide}))"))


def card_shows(v8: MiniRacer, typed: str, engine_says_help: bool = False) -> bool:
    """Whether the card shows for `typed`; `engine_says_help`: the search put Get help now first."""
    return cards_show(v8, [typed], engine_says_help)[0]


def with_card(v8: MiniRacer, typed: list[str], shown: bool = True) -> list[str]:
    """Those of `typed` for which the card shows from the words alone (with shown=False: does not)."""
    return [q for q, card in zip(typed, cards_show(v8, typed), strict=True) if card is shown]


def with_card_after_search(v8: MiniRacer, typed: list[str], engine_says_help: Callable[[str], bool]) -> list[str]:
    """Those of `typed` for which the card shows once the search has answered too (the most cards a
    page can show). The answer can only add a card, so the search is asked only when it could change
    the result: the same as asking cards_show(v8, [q], engine_says_help(q)) for each, much faster."""
    alone = set(with_card(v8, typed))
    unsure = [q for q in typed if q not in alone]
    maybe = {q for q, card in zip(unsure, cards_show(v8, unsure, True), strict=True) if card}
    return [q for q in typed if q in alone or (q in maybe and engine_says_help(q))]
