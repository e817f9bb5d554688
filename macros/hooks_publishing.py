"""MkDocs hook (mkdocs.yml `hooks:`): what publishing needs, generated at every build.

- HTTP header policy: deploy/headers.yml plus the sha256 hashes of the inline scripts found in
  the built HTML -> site/_headers (Netlify, Cloudflare Pages), site/.nginx/headers.conf (nginx),
  and a <meta> CSP in each page (GitHub Pages cannot send headers). Generated, never hand-copied,
  so the hashes stay right when the theme or the site address changes.
- site/robots.txt pointing at the sitemap of `site_url`.
- JSON-LD: a MedicalWebPage for each article, handed to the template as `ipt_jsonld`, which
  serialises it with `tojson`.
- Editors may not put inline <script> in pages: the build stops (it would defeat the CSP).

Self-contained on purpose: MkDocs loads hooks by file path, not as part of the `macros` package.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

POLICY_FILE = Path("deploy") / "headers.yml"
NGINX_INCLUDE = Path(".nginx") / "headers.conf"
HEADERS_FILE = "_headers"
ABOUT_IPT = {"@type": "PsychologicalTreatment", "name": "Interpersonal psychotherapy", "alternateName": "IPT"}
AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

_page_hashes: set[str] = set()  # hashes of the inline scripts of every page built so far
_policy: dict[str, Any] = {}  # deploy/headers.yml, read once per build


# --- the policy ------------------------------------------------------------------------------

def load_policy(project_dir: Path) -> dict[str, Any]:
    """Read deploy/headers.yml; any problem stops the build with one line."""
    path = project_dir / POLICY_FILE
    if not path.is_file():
        raise PluginError(f"{POLICY_FILE}: file not found — restore it; it is the site's header policy")
    policy = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("content_security_policy", "headers", "permissions_denied", "cache"):
        if not isinstance(policy, dict) or not policy.get(key):
            raise PluginError(f"{POLICY_FILE}: {key}: missing or empty — see the comments in the file")
    for name, value in _flat_headers(policy, set()).items():
        if '"' in value or "$" in value or "\n" in value:
            raise PluginError(f"{POLICY_FILE}: {name}: contains \", $ or a line break — nginx cannot quote it")
    if "'unsafe-inline'" in policy["content_security_policy"].get("script-src", []):
        raise PluginError(f"{POLICY_FILE}: script-src: 'unsafe-inline' is not allowed — inline scripts are hashed")
    return policy


def script_hash(text: str) -> str:
    """CSP source for one inline script: sha256 of its exact text, as browsers compute it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# Script elements: the tag's attributes, then its text up to the first "</script" (as the HTML
# parser itself ends a script). A regex, not html.parser: this runs on every page twice, and a full
# parse made the build of a large site several times slower (see BENCHMARKS.md).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.S | re.I)
_ATTR = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def inline_scripts(page_html: str) -> list[str]:
    """The text of each executable inline script (data blocks like JSON-LD are not run)."""
    texts = []
    for match in _SCRIPT.finditer(page_html):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(match[1])}
        if "src" not in attrs and attrs.get("type", "").strip().lower() in JS_TYPES:
            texts.append(match[2])
    return texts


def csp(policy: dict[str, Any], hashes: set[str], *, meta: bool = False) -> str:
    """The Content-Security-Policy value; `meta` drops what browsers ignore in a <meta> tag."""
    parts = []
    for directive, sources in policy["content_security_policy"].items():
        if meta and directive in ("frame-ancestors", "report-uri", "sandbox"):
            continue
        values = list(sources) + (sorted(hashes) if directive == "script-src" else [])
        parts.append(" ".join([directive, *values]))
    return "; ".join(parts)


def _flat_headers(policy: dict[str, Any], hashes: set[str]) -> dict[str, str]:
    """Every security header, name -> value, in a stable order."""
    return {
        "Content-Security-Policy": csp(policy, hashes),
        **{k: str(v) for k, v in policy["headers"].items()},
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in policy["permissions_denied"]),
    }


def render_headers_file(policy: dict[str, Any], hashes: set[str], site_dir: Path) -> str:
    """Netlify / Cloudflare Pages `_headers`. Cache-Control is set per file, never on /*, because
    both hosts join the values of every matching rule into one header."""
    lines = ["# Generated from deploy/headers.yml at build time by macros/hooks_publishing.py. Do not edit.", "/*"]
    lines += [f"  {k}: {v}" for k, v in _flat_headers(policy, hashes).items()]
    fingerprinted = re.compile(policy["cache"]["fingerprinted"])
    for file in sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()):
        if fingerprinted.search(file):
            value = policy["cache"]["fingerprinted_value"]
        elif file.endswith(".html"):
            value = policy["cache"]["default_value"]
            file = file.removesuffix("index.html")  # pages are requested by their directory URL
        else:
            continue  # other files: both hosts' default, "max-age=0, must-revalidate", is no-cache
        lines += [f"/{file}", f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def render_nginx(policy: dict[str, Any], hashes: set[str]) -> str:
    """Locations for the server block of deploy/nginx.conf. add_header is repeated in each location
    because nginx drops inherited add_header lines as soon as a location has its own."""
    security = "".join(f'    add_header {k} "{v}" always;\n' for k, v in _flat_headers(policy, hashes).items())
    cache = policy["cache"]
    return (
        "# Generated from deploy/headers.yml at build time by macros/hooks_publishing.py. Do not edit.\n"
        "error_page 404 /404.html;\n"
        "location / {\n"
        "    try_files $uri $uri/ =404;\n"
        f"{security}"
        f'    add_header Cache-Control "{cache["default_value"]}" always;\n'
        "}\n"
        f'location ~ "{cache["fingerprinted"]}" {{\n'
        f"{security}"
        f'    add_header Cache-Control "{cache["fingerprinted_value"]}" always;\n'
        "}\n"
        "# Deployment files are not part of the site.\n"
        "location = /_headers { return 404; }\n"
        "location ^~ /.nginx/ { return 404; }\n"
    )


# --- JSON-LD ---------------------------------------------------------------------------------

def reference_work(ref: Any) -> dict[str, Any]:
    """One entry of a page's Sources as a schema.org CreativeWork."""
    url = (f"https://doi.org/{ref.doi}" if ref.doi else None) or ref.url or f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
    work: dict[str, Any] = {
        "@type": "CreativeWork", "name": ref.title, "creditText": ref.authors, "datePublished": str(ref.year),
        "isPartOf": {"@type": "CreativeWork", "name": ref.source}, "url": url,
    }
    if ref.doi:
        work["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": ref.doi}
    return work


def medical_webpage(meta: dict[str, Any], url: str, site_name: str, citations: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": meta["title"],
        "description": meta["description"],
        "url": url,
        "inLanguage": "en",
        "lastReviewed": meta["last_reviewed"].isoformat(),
        "about": ABOUT_IPT,
        "audience": AUDIENCE,
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    reviewer = meta.get("reviewed_by")  # {name, role}, validated by macros/schema.py (Reviewer)
    if reviewer:
        data["reviewedBy"] = {"@type": "Person", "name": reviewer["name"], "jobTitle": reviewer["role"]}
    if citations:
        data["citation"] = citations
    return data


def is_article(page: Any) -> bool:
    return bool(page.meta) and page.meta.get("kind") != "page"


# --- MkDocs events ---------------------------------------------------------------------------

def on_config(config: Any) -> None:
    _policy.clear()
    _policy.update(load_policy(Path(config.config_file_path).parent))
    _page_hashes.clear()


# Material writes these front matter values into the page without HTML escaping (e.g. the
# description into <meta content="…">), so markup there would slip in scripts the CSP then allows.
UNESCAPED_FIELDS = {"title": "<>", "description": '<>"'}


def front_matter_problems(meta: dict[str, Any], source: str, src_path: str) -> list[str]:
    problems = []
    for field, bad in UNESCAPED_FIELDS.items():
        found = sorted({c for c in str(meta.get(field, "")) if c in bad})
        if found:
            line = next((i for i, l in enumerate(source.splitlines(), 1) if l.startswith(f"{field}:")), None)
            where = f"docs/{src_path}" + (f":{line}" if line else "")
            problems.append(f"{where}: {field} contains {' '.join(found)} — the theme writes it into the page unescaped;"
                            " use ’ or “ ” instead of quotes and words instead of < >")
    return problems


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> None:
    problems = front_matter_problems(page.meta, Path(page.file.abs_src_path).read_text(encoding="utf-8"), page.file.src_path)
    if problems:
        raise PluginError("\n".join(problems))
    if "<script" in html_text.lower():
        raise PluginError(
            f"docs/{page.file.src_path}: inline <script> in the page — scripts are not allowed in content"
            " (they would break the Content-Security-Policy); remove it"
        )


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    context["ipt_jsonld"] = (
        # The macros module numbers each page's citations and leaves them on the page.
        medical_webpage(page.meta, page.canonical_url, config.site_name,
                        [reference_work(r) for r in getattr(page, "ipt_references", [])])
        if is_article(page) else None
    )
    return context


def _with_meta_csp(output: str, config: Any) -> str:
    """GitHub Pages sends no custom headers: put the page's own CSP in a <meta> before any script."""
    hashes = {script_hash(s) for s in inline_scripts(output)}
    _page_hashes.update(hashes)
    tag = (f'<meta http-equiv="Content-Security-Policy" content="{csp(_policy, hashes, meta=True)}">'
           '<meta name="referrer" content="no-referrer">')
    return output.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + tag, 1)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _with_meta_csp(output, config)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return _with_meta_csp(output, config) if template_name.endswith(".html") else output


def on_post_build(config: Any) -> None:
    site = Path(config.site_dir)
    policy = _policy
    # Hash what was really written (also files copied from docs/), not only what passed the events.
    hashes = set(_page_hashes)
    for file in site.rglob("*.html"):
        hashes.update(script_hash(s) for s in inline_scripts(file.read_text(encoding="utf-8")))
    (site / HEADERS_FILE).write_text(render_headers_file(policy, hashes, site), encoding="utf-8")
    (site / NGINX_INCLUDE).parent.mkdir(exist_ok=True)
    (site / NGINX_INCLUDE).write_text(render_nginx(policy, hashes), encoding="utf-8")
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n", encoding="utf-8")
