"""mkdocs-macros module: the macros editors use in pages, and the checks that run on every page.

Data comes from macros/data/*.yml (validated by macros/schema.py). Macros available in pages:
  {{ cite("key", ...) }}   numbered citation; the page's Sources list is added automatically
  {{ disclaimer("kind") }} a disclaimer box: medical, crisis or independence
  {{ crisis_lines() }}     crisis lines by country
  {{ directories() }}      therapist directories by country
  {{ glossary() }}         the glossary list
Templates read the same data as `config.extra.shared` (see overrides/).

Runs under MkDocs (mkdocs-macros: define_env once, then on_pre_page_macros for each page) and under
Zensical (its macros extension calls define_env for each page, and no page hooks). So every check
and every piece of page state starts from `_start_page`, which both paths call, and citations are
numbered by a Markdown extension (macros/citations.py) rather than by a page hook.
"""
from __future__ import annotations

import datetime as dt
import re
import traceback
from pathlib import Path

from jinja2.exceptions import TemplateSyntaxError, UndefinedError
from pydantic import ValidationError

from . import citations, render
from .data_files import BuildError, DataFileError, load_all
from .render import ContentError
from .schema import FrontMatter, problems


def define_env(env) -> None:
    project = Path(env.project_dir)
    shared, bibliography, glossary_entries = load_all(project)
    docs = Path(env.conf["docs_dir"])
    for field, page in (("help_link.page", shared.help_link.page), ("finder.url", shared.finder.url)):
        if page.endswith(".md") and not (docs / page).is_file():
            raise DataFileError(
                f"macros/data/shared-content.yml: {field}: page '{page}' does not exist in docs/ — fix the file name"
            )
    env.conf["extra"]["shared"] = template_data(shared)

    def cite(*keys: str) -> str:
        render.Citations(bibliography).cite(*keys)  # unknown keys stop the build here, at the macro's line
        _remember_references(env, [bibliography[k] for k in keys])
        return citations.marker(list(keys))  # numbered, and listed under Sources, by macros/citations.py

    env.macro(cite, "cite")
    env.macro(lambda kind: render.disclaimer(shared, kind), "disclaimer")
    env.macro(lambda: render.crisis_lines(shared), "crisis_lines")
    env.macro(lambda: render.directories(shared), "directories")
    env.macro(lambda: render.glossary(glossary_entries), "glossary")
    # Tooltips: Python-Markdown's abbr extension takes the glossary directly; every page gets it.
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = render.tooltips(glossary_entries)

    page = _current_page(env)
    extensions = env.conf["markdown_extensions"]
    if not any(citations.is_citations(e) for e in extensions):
        if page is not None:  # Zensical: this page's Markdown is already being converted
            raise BuildError(
                f"mkdocs.yml: markdown_extensions: add `- {citations.NAME}` — without it Zensical would build"
                " pages with no numbered citations and no Sources list"
            )
        extensions.append(citations.CitationsExtension(bibliography=bibliography))  # MkDocs, before any page
    if page is not None:
        _start_page(page, page.path, dates_as_text=True)
        _name_the_page_in_errors(env, page.path)


def template_data(shared) -> dict:
    """What templates (header link, article footer) read as `config.extra.shared`: the same validated data."""
    return shared.model_dump(mode="json") | {
        "help_href": _page_url(shared.help_link.page),
        "finder_href": _page_url(shared.finder.url),
    }


def on_pre_page_macros(env) -> None:
    """mkdocs-macros, before each page's macros (Zensical does not call this; define_env does the same)."""
    _start_page(env.page, env.page.file.src_path)


def _name_the_page_in_errors(env, src_path: str) -> None:
    """Zensical has no `format_error` (see below): its macro errors say the page, if not the line."""
    def named(macro):
        def call(*args):
            try:
                return macro(*args)
            except ContentError as err:
                raise ContentError(f"docs/{src_path}: {err}") from None
        return call

    for name in MACROS:
        env.macros[name] = named(env.macros[name])


def _current_page(env):
    """The page being rendered, or None before the first page (mkdocs-macros raises AttributeError then)."""
    try:
        return env.page
    except AttributeError:
        return None


def _start_page(page, src_path: str, dates_as_text: bool = False) -> None:
    """Checks and state for one page, under either engine: its front matter, its cited references."""
    meta = dict(page.meta)
    for field in ("last_reviewed", "review_due") if dates_as_text else ():  # Zensical passes dates as ISO text
        if isinstance(meta.get(field), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta[field]):
            meta[field] = dt.date.fromisoformat(meta[field])
    try:
        front_matter = FrontMatter.model_validate(meta)
    except ValidationError as err:
        raise BuildError(f"docs/{src_path}: front matter: " + "; ".join(problems(err))) from None
    # The review dates in words, for overrides/partials/review-dates.html: Zensical's templates
    # get dates as text and have no strftime, so both engines get them formatted here.
    page.meta["ipt_review_text"] = {
        "last_reviewed": _long_date(front_matter.last_reviewed), "review_due": _long_date(front_matter.review_due),
    }
    page.ipt_references = []  # for the JSON-LD (macros/hooks_publishing.py), filled by cite()


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"  # 5 March 2026


def _remember_references(env, refs: list) -> None:
    page = _current_page(env)
    if page is None:
        return
    known = page.__dict__.setdefault("ipt_references", [])
    for ref in refs:
        if ref not in known:
            known.append(ref)


def _page_url(target: str) -> str:
    """'finding-a-therapist.md' -> 'finding-a-therapist/' (directory URLs); web addresses unchanged."""
    if not target.endswith(".md"):
        return target
    stem = target.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


# --- one-line errors -------------------------------------------------------------------------
# mkdocs-macros logs a traceback at WARNING level (hidden by `mkdocs build -q`) and exits. Editors
# need one line instead: `docs/page.md:LINE: what is wrong — how to fix`. mkdocs-macros asks
# `format_error` to describe any error in a page; ours raises a BuildError (MkDocs' PluginError)
# with that line, so MkDocs stops the build the same way as for every other content error.

try:
    from mkdocs_macros import errors as macros_errors
except ImportError:  # Zensical: its macros extension raises the error itself (on_error_fail)
    macros_errors = None
if macros_errors is not None:
    @macros_errors.format_error.register
    def _one_line(error: Exception, markdown: str, page) -> str:
        raise BuildError(describe(error, page)) from None


def describe(error: Exception, page) -> str:
    line = _template_line(error, page)
    where = f"docs/{page.file.src_path}" + (f":{line}" if line else "")
    if isinstance(error, UndefinedError):
        name = str(error).split("'")[1] if "'" in str(error) else str(error)
        what = f"unknown macro or variable '{name}' — check the spelling; macros are: {', '.join(MACROS)}"
    elif isinstance(error, TemplateSyntaxError):
        what = f"macro syntax error ({error.message}) — check the {{{{ }}}} brackets and quotes"
    elif isinstance(error, ContentError):
        what = str(error)
    elif isinstance(error, TypeError):
        what = f"a macro got the wrong arguments ({error}) — see CONTRIBUTING.md for how to call it"
    else:
        what = f"{type(error).__name__}: {error}"
    return f"{where}: {what}"


MACROS = ("cite", "disclaimer", "crisis_lines", "directories", "glossary")


def _template_line(error: Exception, page) -> int | None:
    """The line in the Markdown file where the failing macro is (front matter counted)."""
    line = getattr(error, "lineno", None)
    if line is None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        line = frames[-1].lineno if frames else None
    if line is None:
        return None
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return line + len(source.splitlines()) - len(page.markdown.splitlines()) if page.markdown else line
