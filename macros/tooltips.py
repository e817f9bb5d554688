"""Python-Markdown extension: each glossary term shows its tooltip on its first use in a page only.

The abbr extension (given the glossary in macros/__init__.py) marks every use of every term. On a
long page that was dozens of copies of the same definition in the HTML, and as many tooltips for
Material to set up before a phone could respond (Lighthouse counted it as blocking time). The term
is explained where a reader first meets it, as the style guides ask, and on the Glossary page.

MkDocs: define_env (macros/__init__.py) registers it before the first page.
Zensical: list it in mkdocs.yml's markdown_extensions as `macros.tooltips` (see README).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

NAME = "macros.tooltips"
PRIORITY = 6  # just after the abbr extension's treeprocessor (7)


class FirstUseOnly(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        for abbr in list(root.iter("abbr")):  # in reading order
            term = abbr.text or ""
            if term in seen:
                _unwrap(parents[abbr], abbr)
            seen.add(term)


def _unwrap(parent: etree.Element, element: etree.Element) -> None:
    """Replace an element that holds only text by that text."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


class TooltipsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(FirstUseOnly(md), "ipt_first_use_tooltips", PRIORITY)


def is_tooltips(extension: object) -> bool:
    return isinstance(extension, TooltipsExtension) or extension == NAME


def makeExtension(**kwargs) -> TooltipsExtension:  # the name Python-Markdown looks for
    return TooltipsExtension(**kwargs)
