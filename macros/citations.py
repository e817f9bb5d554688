"""Python-Markdown extension: numbers each page's citations and adds its Sources list.

The cite() macro checks its keys and leaves a marker, `[[cite:cuijpers2016 lin2022]]`. This
extension runs on each page's Markdown after the macros have been rendered: it turns the markers
into numbered links, in the order the page first uses each source, and adds the page's Sources list
at the end. Python-Markdown runs it for every page under MkDocs and under Zensical alike, so
citations need no engine-specific page hook.

MkDocs: define_env (macros/__init__.py) registers it before the first page.
Zensical: list it in mkdocs.yml's markdown_extensions as `macros.citations` (see README).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .render import Citations
from .schema import Reference

NAME = "macros.citations"
MARKER = re.compile(r"\[\[cite:([a-z0-9]+(?: [a-z0-9]+)*)\]\]")
# After the macros (Zensical's macros preprocessor has priority 35), snippets (32) and
# normalize_whitespace (30, which would delete the stash's placeholder characters); before fenced
# code (25) and HTML blocks (20).
PRIORITY = 29


def marker(keys: list[str]) -> str:
    """What cite() leaves in the page for this extension (keys already checked)."""
    return f"[[cite:{' '.join(keys)}]]"


class CitationsPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: CitationsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if not MARKER.search(text):
            return lines
        citations = Citations(self.extension.bibliography())
        # The links and the list are finished HTML: stashed, so no later Markdown step parses them
        # again (on a long article that was a third of its build time).
        stash = self.md.htmlStash.store
        text = MARKER.sub(lambda m: stash(citations.cite(*m.group(1).split())), text)
        return [*text.split("\n"), "", citations.sources_heading(), "", stash(citations.sources_list())]


class CitationsExtension(Extension):
    def __init__(self, bibliography: dict[str, Reference] | None = None, **kwargs) -> None:
        # Not a Python-Markdown config option: those turn a None default into a bool.
        self._bibliography = bibliography
        super().__init__(**kwargs)

    def bibliography(self) -> dict[str, Reference]:
        """The one given (MkDocs), or, when named in a config (Zensical), macros/data/bibliography.yml."""
        if self._bibliography is None:
            from .data_files import BIBLIOGRAPHY, load
            from .schema import Bibliography

            self._bibliography = load(Path(__file__).resolve().parent.parent, BIBLIOGRAPHY, Bibliography)
        return self._bibliography

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(CitationsPreprocessor(md, self), "ipt_citations", PRIORITY)


def is_citations(extension: object) -> bool:
    return isinstance(extension, CitationsExtension) or extension == NAME


def makeExtension(**kwargs) -> CitationsExtension:  # the name Python-Markdown looks for
    return CitationsExtension(**kwargs)
