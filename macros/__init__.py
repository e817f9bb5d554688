"""mkdocs-macros module: the macros editors use in pages, and the checks that run on every page.

Data comes from macros/data/*.yml (validated by macros/schema.py). The macros pages may use are the
functions `page_macros()` returns; each one's docstring says what it does (CONTRIBUTING.md lists the
same names, and a test keeps the two in step). Templates read the same data as
`config.extra.shared` (see overrides/).

Runs under MkDocs (mkdocs-macros: define_env once, then on_pre_page_macros for each page) and under
Zensical (its macros extension calls define_env for each page, and no page hooks). So every check
and every piece of page state starts from `_start_page`, which both paths call, and citations are
numbered by a Markdown extension (macros/citations.py) rather than by a page hook.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import jinja2
from jinja2.exceptions import TemplateSyntaxError, UndefinedError
from pydantic import ValidationError

from . import citations, render, safety_plan, tooltips
from .data_files import BuildError, DataFileError, load_all
from .first_help import first_help as first_help_rows
from .render import ContentError
from .schema import FrontMatter, is_article, problems


def define_env(env) -> None:
    project = Path(env.project_dir)
    shared, bibliography, glossary_entries = load_all(project)
    docs = Path(env.conf["docs_dir"])
    for field, page in (
        ("help_link.page", shared.help_link.page),
        ("finder.url", shared.finder.url),
        ("help_link.safety_plan_page", shared.help_link.safety_plan_page),
    ):
        if page.endswith(".md") and not (docs / page).is_file():
            raise DataFileError(
                f"macros/data/shared-content.yml: {field}: page '{page}' does not exist in docs/ — fix the file name"
            )
    refuse_placeholder_contact(shared, os.environ.get("SITE_URL", ""))
    env.conf["extra"]["shared"] = template_data(shared)
    for macro in page_macros(env, shared, bibliography, glossary_entries):
        env.macro(macro)
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
    if page is None and not any(tooltips.is_tooltips(e) for e in extensions):
        extensions.append(tooltips.TooltipsExtension())  # a tooltip on each term's first use only
    if page is not None:
        _start_page(page, page.path, dates_as_text=True)
        _name_the_page_in_errors(env, page.path)


def page_macros(env, shared, bibliography: dict, glossary_entries: list) -> list[Callable[..., str]]:
    """The macros pages may use, registered under their own names. Each returns Markdown or HTML."""

    def cite(*keys: str) -> str:
        """Numbered links to the page's Sources list, which is added at the end of the page."""
        render.Citations(bibliography).cite(*keys)  # unknown keys stop the build here, at the macro's line
        _remember_references(env, bibliography, keys)
        return citations.marker(list(keys))  # numbered, and listed under Sources, by macros/citations.py

    def disclaimer(kind: str) -> str:
        """A disclaimer box: medical, crisis, help or independence (crisis and help with the emergency numbers)."""
        partial = render.disclaimer_partial(shared, kind)
        if kind in FOOTER_BOXES and is_article(_current_page(env).meta):
            # The theme ends every article with these boxes (overrides/partials/article-footer.html):
            # a second copy would repeat the text and the box's id.
            raise ContentError(
                f"disclaimer('{kind}'): articles get the medical box and the help or urgent box at their end"
                " by themselves — remove this macro (for the urgent box, set `risk_topic: true`)"
            )
        return disclaimer_box(env, kind, partial)

    def crisis_lines() -> str:
        """Crisis lines by country, with a jump list (the Get help now page)."""
        return render.crisis_lines(shared)

    def abuse_services() -> str:
        """Domestic-abuse services by country."""
        return render.abuse_services(shared)

    def directories() -> str:
        """Therapist directories and professional bodies by country."""
        return render.directories(shared)

    def glossary() -> str:
        """The glossary list, from macros/data/glossary.yml."""
        return render.glossary(glossary_entries)

    def plan_field(label: str) -> str:
        """A box to write in, with its label (the My safety plan page)."""
        return safety_plan.field(label)

    def plan_contact(label: str) -> str:
        """A name and a phone number to fill in, with their labels (the My safety plan page)."""
        return safety_plan.contact(label)

    def plan_crisis_numbers() -> str:
        """Every country's emergency number and crisis lines, in short (the My safety plan page)."""
        return safety_plan.crisis_numbers(shared)

    macros = [
        cite,
        disclaimer,
        crisis_lines,
        abuse_services,
        directories,
        glossary,
        plan_field,
        plan_contact,
        plan_crisis_numbers,
    ]
    MACROS[:] = [m.__name__ for m in macros]
    return macros


# The boxes the theme adds to the end of every article, so an article may not add them itself.
FOOTER_BOXES = ("medical", "help", "crisis")

# The names of the macros, for error messages; filled from page_macros() when the build starts.
MACROS: list[str] = []


def template_data(shared) -> dict:
    """What templates (header link, article footer) read as `config.extra.shared`: the same validated data."""
    return shared.model_dump(mode="json", by_alias=True) | {
        "help_href": page_url(shared.help_link.page),
        "plan_href": page_url(shared.help_link.safety_plan_page),
        "finder_href": page_url(shared.finder.url),
        "emergency_numbers": render.emergency_numbers(shared),
        "first_help": first_help_rows(shared),
        "box_styles": render.BOX_STYLES,
        "report_href": report_href(shared, shared.report_problem.subject),
        "report_crisis_href": report_href(shared, shared.report_problem.crisis_subject),
    }


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
        return {
            "before": f"mailto:{report.email}?subject={quote(subject)}&body={quote('Page: ')}",
            "after": quote("\n\nWhat is wrong: "),
        }
    joiner = "&" if "?" in report.form_url else "?"
    return {"before": f"{report.form_url}{joiner}{report.form_page_parameter}=", "after": ""}


def disclaimer_box(env, kind: str, partial: str) -> str:
    """The same partial the theme puts on every article (overrides/partials/), rendered with plain
    Jinja, so it works under any engine, as one HTML block.

    The urgent-help box links to the help page and the safety plan, relative to this page; on
    either page, not to itself.
    """
    shared = env.conf["extra"]["shared"]
    page = _current_page(env)
    here = page_url(page.file.src_uri if hasattr(page, "file") else page.path)  # MkDocs, or Zensical
    help_url, plan_url = (
        None if here == shared[key] else _relative(shared[key], here) for key in ("help_href", "plan_href")
    )
    overrides = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(env.project_dir) / "overrides"))
    box = overrides.get_template(partial).render(config=env.conf, box_kind=kind, help_url=help_url, plan_url=plan_url)
    return "\n".join(line for line in box.splitlines() if line.strip()) + "\n"


def _relative(target: str, here: str) -> str:
    """'get-help-now/' seen from 'focus-areas/grief/' -> '../../get-help-now/' (directory URLs)."""
    return posixpath.relpath(target or ".", here or ".") + ("/" if target.endswith("/") else "")


def on_pre_page_macros(env) -> None:
    """mkdocs-macros, before each page's macros (Zensical does not call this; define_env does the same).

    Most articles use no macro but cite(). Compiling such a page as a Jinja template cost more than
    the rest of its build, so well-formed cite() calls are turned into their markers here, by the
    same function, and a page with no template syntax left is not rendered by Jinja at all. Nothing
    to opt into: any other macro, variable or odd spelling leaves template syntax, and Jinja renders
    the page (and reports its errors) as before.
    """
    _start_page(env.page, env.page.file.src_path)
    env.markdown = _cites_to_markers(env, env.markdown)
    if not env.has_j2(env.markdown):
        env.page.meta["render_macros"] = False  # mkdocs-macros then returns the page as it is


# `{{ cite("key") }}` or `{{ cite("a", 'b') }}` exactly; anything else is left for Jinja.
CITE_CALL = re.compile(
    r"""\{\{ *cite\(((?: *(?:"[a-z0-9]+"|'[a-z0-9]+') *,)* *(?:"[a-z0-9]+"|'[a-z0-9]+') *)\) *\}\}"""
)


def _cites_to_markers(env, markdown: str) -> str:
    def marker(match: re.Match[str]) -> str:
        try:
            return env.macros["cite"](*re.findall(r"[a-z0-9]+", match.group(1)))
        except ContentError as err:
            line = _file_line(env.page, markdown.count("\n", 0, match.start()) + 1)
            raise BuildError(f"docs/{env.page.file.src_path}:{line}: {err}") from None

    return CITE_CALL.sub(marker, markdown)


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
        source = _source_text(page)
        raise BuildError(
            "\n".join(
                f"docs/{src_path}{_key_line(source, problem)}: front matter: {problem}" for problem in problems(err)
            )
        ) from None
    # The review dates in words, for overrides/partials/review-dates.html: Zensical's templates
    # get dates as text and have no strftime, so both engines get them formatted here.
    page.meta["ipt_is_article"] = is_article(meta)  # for the theme (overrides/main.html): the one rule
    page.meta["ipt_review_text"] = {
        "last_reviewed": _long_date(front_matter.last_reviewed),
        "review_due": _long_date(front_matter.review_due),
    }
    page.ipt_references = {}  # key -> reference, for the JSON-LD (macros/hooks_publishing.py), filled by cite()


def _source_text(page) -> str:
    """The page's Markdown file as the editor wrote it (front matter included), if the engine says where."""
    path = getattr(getattr(page, "file", None), "abs_src_path", None)
    return Path(path).read_text(encoding="utf-8") if path else ""


def _key_line(source: str, problem: str) -> str:
    """':LINE' of the top-level front-matter key a problem names ('description: …'), or ''."""
    key = re.split(r"[.\[: ]", problem, maxsplit=1)[0]
    for number, line in enumerate(source.splitlines()[1:], start=2):
        if line.startswith(f"{key}:"):
            return f":{number}"
        if line.strip() == "---":
            break
    return ""


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"  # 5 March 2026


def _remember_references(env, bibliography: dict, keys: tuple[str, ...]) -> None:
    """The page's cited references, by key, in order of first use (compared by key: comparing the
    pydantic models themselves was a tenth of a long article's build)."""
    page = _current_page(env)
    if page is None:
        return
    known = page.__dict__.setdefault("ipt_references", {})
    for key in keys:
        known.setdefault(key, bibliography[key])


def page_url(target: str) -> str:
    """'finding-a-therapist.md' -> 'finding-a-therapist/' (directory URLs); web addresses unchanged.
    The one rule for a page's address: the tests use it too (tests/support/site_pages.py)."""
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

    # mkdocs-macros has its own (multi-line, WARNING-level) handler for syntax errors; ours wins.
    macros_errors.format_error.register(TemplateSyntaxError, _one_line)


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


def _template_line(error: Exception, page) -> int | None:
    """The line in the Markdown file where the failing macro is (front matter counted)."""
    line = getattr(error, "lineno", None)
    if line is None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        line = frames[-1].lineno if frames else None
    return None if line is None else _file_line(page, line)


def _file_line(page, line: int) -> int:
    """A line of the page's Markdown as a line of its file (front matter counted)."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return line + len(source.splitlines()) - len(page.markdown.splitlines()) if page.markdown else line
