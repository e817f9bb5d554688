"""MkDocs hook (mkdocs.yml `hooks:`): what publishing needs from the generator's page data.

- JSON-LD: a MedicalWebPage for each article (its sources as addresses), handed to the template as `ipt_jsonld`, which
  serialises it with `tojson`.
- Editors may not put inline <script> or markup in front matter the theme writes unescaped: the
  build stops (either would defeat the Content-Security-Policy).

What can be computed from the finished HTML (the meta CSP, header files, robots.txt) is not done
here but by the post-build step deploy/publish.py, so it works on any engine's output.
Self-contained on purpose: MkDocs loads hooks by file path, not as part of the `macros` package.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from schema import is_article  # macros/schema.py: MkDocs puts a hook's own folder on the import path

ABOUT_IPT = {"@type": "PsychologicalTreatment", "name": "Interpersonal psychotherapy", "alternateName": "IPT"}
AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}


# --- JSON-LD ---------------------------------------------------------------------------------


def medical_webpage(meta: dict[str, Any], url: str, site_name: str, citations: list[str]) -> dict[str, Any]:
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


# --- MkDocs events ---------------------------------------------------------------------------


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> None:
    if "<script" in html_text.lower():
        raise PluginError(
            f"docs/{page.file.src_path}: inline <script> in the page — scripts are not allowed in content"
            " (they would break the Content-Security-Policy); remove it"
        )


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    context["ipt_jsonld"] = (
        # The macros module numbers each page's citations and leaves them on the page.
        medical_webpage(
            page.meta,
            page.canonical_url,
            config.site_name,
            # Each source by its address: schema.org takes text there, the details are on
            # the page, and as CreativeWorks they were the largest part of a long page's HTML.
            [r.address for r in getattr(page, "ipt_references", {}).values()],
        )
        if is_article(page.meta)
        else None
    )
    return context
