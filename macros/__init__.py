"""mkdocs-macros module: the macros editors use in pages, and the checks that run on every page.

Data comes from macros/data/*.yml (validated by macros/schema.py). Macros available in pages:
  {{ cite("key", ...) }}   numbered citation; the page's Sources list is added automatically
  {{ disclaimer("kind") }} a disclaimer box: medical, crisis, help or independence
  {{ crisis_lines() }}     crisis lines by country
  {{ abuse_services() }}   domestic-abuse services by country
  {{ directories() }}      therapist directories by country
  {{ glossary() }}         the glossary list
Templates read the same data as `config.extra.shared` (see overrides/).
"""
from __future__ import annotations

import os
import traceback
from pathlib import Path
from urllib.parse import quote

from jinja2.exceptions import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url
from mkdocs_macros import errors as macros_errors
from pydantic import ValidationError

from . import render
from .data_files import DataFileError, load_all
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
    refuse_placeholder_contact(shared, os.environ.get("SITE_URL", ""))
    # Templates (header link, article footer) read the same validated data.
    env.conf["extra"]["shared"] = shared.model_dump(mode="json", by_alias=True) | {
        "help_href": _page_url(shared.help_link.page),
        "finder_href": _page_url(shared.finder.url),
        "emergency_numbers": render.emergency_numbers(shared),
        "box_styles": render.BOX_STYLES,
        "report_href": report_href(shared, shared.report_problem.subject),
        "report_crisis_href": report_href(shared, shared.report_problem.crisis_subject),
    }

    def disclaimer(kind: str) -> str:
        if kind in render.URGENT_HELP_KINDS:  # the same partial the theme puts on every article
            return urgent_help_box(env, kind)
        return render.disclaimer(shared, kind)

    env.macro(lambda *keys: env.variables["_citations"].cite(*keys), "cite")
    env.macro(disclaimer, "disclaimer")
    env.macro(lambda: render.crisis_lines(shared), "crisis_lines")
    env.macro(lambda: render.abuse_services(shared), "abuse_services")
    env.macro(lambda: render.directories(shared), "directories")
    env.macro(lambda: render.glossary(glossary_entries), "glossary")
    # Tooltips: Python-Markdown's abbr extension takes the glossary directly; every page gets it.
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = render.tooltips(glossary_entries)
    env.variables["_bibliography"] = bibliography  # each page gets fresh Citations (on_pre_page_macros)


def on_pre_page_macros(env) -> None:
    page = env.page
    try:
        FrontMatter.model_validate(page.meta)
    except ValidationError as err:
        raise PluginError(f"docs/{page.file.src_path}: front matter: " + "; ".join(problems(err))) from None
    env.variables["_citations"] = render.Citations(env.variables["_bibliography"])


def on_post_page_macros(env) -> None:
    citations = env.variables["_citations"]
    env.page.ipt_references = citations.references()  # for the JSON-LD (macros/hooks_publishing.py)
    sources = citations.sources()
    if sources:
        env.markdown += "\n\n" + sources


def urgent_help_box(env, kind: str) -> str:
    """overrides/partials/urgent-help.html, rendered with the theme's own Jinja, as one HTML block.

    On the help page itself the box has no link to it; elsewhere the link is relative to the page.
    """
    shared = env.conf["extra"]["shared"]
    page = env.page
    on_help_page = page.file.src_uri == shared["help_link"]["page"]
    help_url = None if on_help_page else normalize_url(shared["help_href"], page=page)
    template = env.conf["theme"].get_env().get_template("partials/urgent-help.html")
    box = template.render(config=env.conf, box_kind=kind, help_url=help_url)
    return "\n".join(line for line in box.splitlines() if line.strip()) + "\n"
def refuse_placeholder_contact(shared, site_url: str) -> None:
    """A production build (SITE_URL set, as `make build` documents) must not send readers' reports
    to a placeholder address that reaches nobody."""
    key = shared.report_problem.placeholder()
    if site_url.strip() and key:
        value = getattr(shared.report_problem, key)
        raise DataFileError(
            f"macros/data/shared-content.yml: report_problem.{key}: '{value}' is a placeholder that reaches nobody"
            " — set an address your organisation reads before a production build (SITE_URL is set)"
        )


def report_href(shared, subject: str) -> dict[str, str]:
    """The report link, split around the page's address, which each page fills in (URL-encoded)."""
    report = shared.report_problem
    if report.email:
        return {"before": f"mailto:{report.email}?subject={quote(subject)}&body={quote('Page: ')}",
                "after": quote("\n\nWhat is wrong: ")}
    joiner = "&" if "?" in report.form_url else "?"
    return {"before": f"{report.form_url}{joiner}{report.form_page_parameter}=", "after": ""}


def _page_url(target: str) -> str:
    """'finding-a-therapist.md' -> 'finding-a-therapist/' (directory URLs); web addresses unchanged."""
    if not target.endswith(".md"):
        return target
    stem = target.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


# --- one-line errors -------------------------------------------------------------------------
# mkdocs-macros logs a traceback at WARNING level (hidden by `mkdocs build -q`) and exits. Editors
# need one line instead: `docs/page.md:LINE: what is wrong — how to fix`. mkdocs-macros asks
# `format_error` to describe any error in a page; ours raises a PluginError with that line, so
# MkDocs stops the build the same way as for every other content error.

@macros_errors.format_error.register
def _one_line(error: Exception, markdown: str, page) -> str:
    raise PluginError(describe(error, page)) from None


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


MACROS = ("cite", "disclaimer", "crisis_lines", "abuse_services", "directories", "glossary")


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
