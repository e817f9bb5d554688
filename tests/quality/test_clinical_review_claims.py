"""Clinical claims: no page says a clinician checked it unless `reviewed_by` says who did. (Claims that
were corrected against their sources stay corrected through macros/data/editorial/page-rules.yml.)

Readers trust a page more when it says a doctor or psychologist reviewed it, so such a claim must be
true. The check reads the text readers get (the built HTML), so a claim from a macro or a template
counts too. A sentence that denies review ("has not been reviewed by a clinician") is not a claim.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Project, error_lines
from support.site_pages import Source, article_content, built_path, seen, sources

from .report import fail_on

CLINICIAN = (
    r"(?:clinicians?|doctors?|GPs?|psychologists?|psychiatrists?|therapists?|nurses?|physicians?"
    r"|(?:medical|clinical|health) (?:experts?|professionals?|advisers?|advisors?|team|staff))"
)
CLAIM = re.compile(
    rf"\b(?:reviewed|checked|approved|verified|vetted|written|co-written)\s+(?:and\s+\w+\s+)?by\s+"
    rf"(?:an?\s+|our\s+|the\s+)?(?:\w+\s+){{0,2}}?{CLINICIAN}\b"
    rf"|\b{CLINICIAN}[- ](?:reviewed|checked|approved|verified)\b",
    re.I,
)
# Words before a match, in the same sentence, that turn it into a denial.
DENIAL = re.compile(r"\b(?:not|never|no|nobody|yet to|until|unless|when|once|if)\b", re.I)


def claims(text: str) -> list[str]:
    """Sentences of `text` that claim a clinician reviewed the page."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        for match in CLAIM.finditer(sentence):
            if not DENIAL.search(sentence[: match.start()]):
                found.append(sentence)
                break
    return found


def unbacked_claims(site: Path, pages: list[Source]) -> list[str]:
    problems = []
    for src in pages:
        if src.meta.get("reviewed_by"):
            continue
        html = built_path(site, src.uri)
        if not html.is_file():
            continue
        body = article_content(seen(html))
        problems += [
            f'{src.label}: says "{sentence[:90]}" but its front matter has no reviewed_by — add reviewed_by'
            " (name and role of the clinician who reviewed it) or remove the claim"
            for sentence in claims(body.get_text(" ") if body else "")
        ]
    return problems


def test_no_page_claims_clinical_review_without_reviewed_by(site: Path, pages: list[Source]) -> None:
    fail_on(unbacked_claims(site, pages), "pages that claim a clinical review nobody recorded")


def test_claim_detection_on_examples() -> None:
    assert claims("This page was reviewed by a clinical psychologist in 2026.") != []
    assert claims("Checked by our medical team.") != []
    assert claims("All pages are doctor-approved.") != []
    assert claims("The pages have not yet been reviewed by a practising clinician.") == []
    assert claims("When a clinician reviews a page, we will name them on it.") == []
    assert claims("Ask your doctor. A therapist can check how you are doing.") == []


def test_an_unbacked_claim_fails_and_names_the_page(project: Project) -> None:
    """Bad example: a page says a doctor reviewed it; then the same page with reviewed_by set passes."""
    page = "docs/what-to-expect.md"
    source = (project.path / page).read_text(encoding="utf-8")
    project.write(page, source + "\nThis page was reviewed by a doctor.\n")
    assert project.build().returncode == 0
    problems = unbacked_claims(project.path / "site", sources(project.path))
    assert problems == [
        f'{page}: says "This page was reviewed by a doctor." but its front matter has no reviewed_by'
        " — add reviewed_by (name and role of the clinician who reviewed it) or remove the claim"
    ]
    project.write(
        page,
        source.replace("\nlast_reviewed:", "\nreviewed_by:\n  name: Dr A Person\n  role: GP\nlast_reviewed:", 1)
        + "\nThis page was reviewed by a doctor.\n",
    )
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    assert unbacked_claims(project.path / "site", sources(project.path)) == []
