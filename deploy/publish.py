"""Post-build step: what publishing needs, computed from the finished site folder.

    python -m deploy.publish site        (run by `make build`, the Pages workflow and the tests)

It reads only the built HTML and deploy/headers.yml, never the site generator's internals, so it
works on the output of any engine that builds this project (MkDocs today, Zensical tomorrow):

- a <meta> Content-Security-Policy in every page, with the sha256 hashes of that page's own inline
  scripts (GitHub Pages cannot send headers), inserted right after <meta charset="utf-8">;
- site/_headers (Netlify, Cloudflare Pages) and site/.nginx/headers.conf (nginx) from the one
  policy in deploy/headers.yml, with the hashes of every page's inline scripts;
- site/robots.txt pointing at the sitemap of the address in the home page's canonical link.

Any problem stops with one line that names the file and the fix.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from macros.data_files import parse_yaml
from macros.schema import problems

POLICY_FILE = Path("deploy") / "headers.yml"
HEADERS_FILE = "_headers"
NGINX_INCLUDE = Path(".nginx") / "headers.conf"
ANCHOR = '<meta charset="utf-8">'  # every page's first <head> element: the meta CSP must precede any script
META_TAGS = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*><meta name="referrer"[^>]*>')
GENERATED = "# Generated from deploy/headers.yml by deploy/publish.py after each build. Do not edit."


class PublishError(Exception):
    """A problem with the policy or the built site; the message is one line ready for an editor."""


# --- the policy: deploy/headers.yml ----------------------------------------------------------


def _quotable(value: str) -> str:
    if any(c in value for c in '"$\n'):
        raise ValueError('contains ", $ or a line break — nginx cannot quote it')
    return value


Quotable = Annotated[str, AfterValidator(_quotable)]


def _no_unsafe_inline(sources: dict[str, list[Quotable]]) -> dict[str, list[Quotable]]:
    if "'unsafe-inline'" in sources.get("script-src", []):
        raise ValueError("script-src: 'unsafe-inline' is not allowed — inline scripts are hashed")
    if "script-src" not in sources:
        raise ValueError("script-src is missing — add it (\"'self'\")")
    return sources


class Cache(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fingerprinted: Annotated[str, Field(min_length=1)]
    fingerprinted_value: Quotable
    default_value: Quotable


class HeaderPolicy(BaseModel):
    """deploy/headers.yml. Non-strict on purpose: YAML gives header values as numbers or text."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    content_security_policy: Annotated[
        dict[str, list[Quotable]], AfterValidator(_no_unsafe_inline), Field(min_length=1)
    ]
    headers: Annotated[dict[str, Quotable], Field(min_length=1)]
    permissions_denied: Annotated[list[Annotated[str, Field(pattern=r"^[a-z-]+$")]], Field(min_length=1)]
    cache: Cache


def load_policy(project_dir: Path) -> HeaderPolicy:
    path = project_dir / POLICY_FILE
    if not path.is_file():
        raise PublishError(f"{POLICY_FILE}: file not found — restore it; it is the site's header policy")
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
        return HeaderPolicy.model_validate(raw)
    except yaml.YAMLError as err:
        raise PublishError(f"{POLICY_FILE}: not valid YAML ({err}) — check indentation, colons and quotes") from None
    except ValidationError as err:
        raise PublishError("\n".join(f"{POLICY_FILE}: {line}" for line in problems(err))) from None


# --- inline scripts and their hashes ---------------------------------------------------------

JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Script elements: the tag's attributes, then its text up to the first "</script" (as the HTML
# parser itself ends a script). A regex rather than a full HTML parse: it runs on every page, and a
# parse made large builds several times slower (see BENCHMARKS.md).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.S | re.I)
_ATTR = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def script_hash(text: str) -> str:
    """CSP source for one inline script: sha256 of its exact text, as browsers compute it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(page_html: str) -> list[str]:
    """The text of each executable inline script (data blocks like JSON-LD are not run)."""
    texts = []
    for match in _SCRIPT.finditer(page_html):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(match[1])}
        if "src" not in attrs and attrs.get("type", "").strip().lower() in JS_TYPES:
            texts.append(match[2])
    return texts


# --- what each host reads --------------------------------------------------------------------


def csp(policy: HeaderPolicy, hashes: set[str], *, meta: bool = False) -> str:
    """The Content-Security-Policy value; `meta` drops what browsers ignore in a <meta> tag."""
    parts = []
    for directive, sources in policy.content_security_policy.items():
        if meta and directive in ("frame-ancestors", "report-uri", "sandbox"):
            continue
        values = list(sources) + (sorted(hashes) if directive == "script-src" else [])
        parts.append(" ".join([directive, *values]))
    return "; ".join(parts)


def flat_headers(policy: HeaderPolicy, hashes: set[str]) -> dict[str, str]:
    """Every security header, name -> value, in a stable order."""
    return {
        "Content-Security-Policy": csp(policy, hashes),
        **{k: str(v) for k, v in policy.headers.items()},
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in policy.permissions_denied),
    }


def with_meta_csp(page_html: str, policy: HeaderPolicy, where: str) -> str:
    """The page with its own CSP in a <meta> right after <meta charset>, before any script."""
    page_html = META_TAGS.sub("", page_html, count=1)  # running the step twice changes nothing
    if ANCHOR not in page_html:
        raise PublishError(
            f"{where}: no {ANCHOR} to put the page's Content-Security-Policy after —"
            " the theme must write it first in <head>; check overrides/ and the theme version"
        )
    hashes = {script_hash(s) for s in inline_scripts(page_html)}
    tags = (
        f'<meta http-equiv="Content-Security-Policy" content="{csp(policy, hashes, meta=True)}">'
        '<meta name="referrer" content="no-referrer">'
    )
    return page_html.replace(ANCHOR, ANCHOR + tags, 1)


def render_headers_file(policy: HeaderPolicy, hashes: set[str], site_dir: Path) -> str:
    """Netlify / Cloudflare Pages `_headers`. Cache-Control is set per file, never on /*, because
    both hosts join the values of every matching rule into one header."""
    lines = [GENERATED, "/*"] + [f"  {k}: {v}" for k, v in flat_headers(policy, hashes).items()]
    fingerprinted = re.compile(policy.cache.fingerprinted)
    for file in sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()):
        if fingerprinted.search(file):
            value = policy.cache.fingerprinted_value
        elif file.endswith(".html"):
            value = policy.cache.default_value
            file = file.removesuffix("index.html")  # pages are requested by their directory URL
        else:
            continue  # other files: both hosts' default, "max-age=0, must-revalidate", is no-cache
        lines += [f"/{file}", f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def render_nginx(policy: HeaderPolicy, hashes: set[str]) -> str:
    """Locations for the server block of deploy/nginx.conf. add_header is repeated in each location
    because nginx drops inherited add_header lines as soon as a location has its own."""
    security = "".join(f'    add_header {k} "{v}" always;\n' for k, v in flat_headers(policy, hashes).items())
    cache = policy.cache
    return (
        f"{GENERATED}\n"
        "error_page 404 /404.html;\n"
        "location / {\n"
        "    try_files $uri $uri/ =404;\n"
        f"{security}"
        f'    add_header Cache-Control "{cache.default_value}" always;\n'
        "}\n"
        f'location ~ "{cache.fingerprinted}" {{\n'
        f"{security}"
        f'    add_header Cache-Control "{cache.fingerprinted_value}" always;\n'
        "}\n"
        "# Deployment files are not part of the site.\n"
        "location = /_headers { return 404; }\n"
        "location ^~ /.nginx/ { return 404; }\n"
    )


def site_url(site_dir: Path) -> str:
    """The published address, from the home page's canonical link (set from SITE_URL)."""
    home = site_dir / "index.html"
    found = (
        re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text(encoding="utf-8")) if home.is_file() else None
    )
    if not found:
        raise PublishError(f'{home}: no <link rel="canonical"> on the home page — set site_url in mkdocs.yml')
    return found[1]


# --- the step --------------------------------------------------------------------------------


def publish(site_dir: Path, project_dir: Path) -> None:
    if not (site_dir / "index.html").is_file():
        raise PublishError(f"{site_dir}: no index.html — build the site first (make build)")
    policy = load_policy(project_dir)
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        text = with_meta_csp(page.read_text(encoding="utf-8"), policy, str(page))
        page.write_text(text, encoding="utf-8")
        hashes.update(script_hash(s) for s in inline_scripts(text))
    (site_dir / HEADERS_FILE).write_text(render_headers_file(policy, hashes, site_dir), encoding="utf-8")
    (site_dir / NGINX_INCLUDE).parent.mkdir(exist_ok=True)
    (site_dir / NGINX_INCLUDE).write_text(render_nginx(policy, hashes), encoding="utf-8")
    (site_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url(site_dir)}sitemap.xml\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m deploy.publish SITE_DIR", file=sys.stderr)
        return 2
    try:
        publish(Path(argv[0]), Path.cwd())
    except PublishError as err:
        print("\n".join(f"ERROR - {line}" for line in str(err).splitlines()), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
