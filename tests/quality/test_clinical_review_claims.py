"""Clinical claims: no page says a clinician checked it unless `reviewed_by` says who did, and claims
that were corrected against their sources stay corrected (tests/quality/corrected-claims.yml).

Readers trust a page more when it says a doctor or psychologist reviewed it, so such a claim must be
true. The check reads the text readers get (the built HTML), so a claim from a macro or a template
counts too. A sentence that denies review ("has not been reviewed by a clinician") is not a claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Project, error_lines
from support.site_pages import Source, article_content, built_path, sources

from .report import fail_on

CLINICIAN = (r"(?:clinicians?|doctors?|GPs?|psychologists?|psychiatrists?|therapists?|nurses?|physicians?"
             r"|(?:medical|clinical|health) (?:experts?|professionals?|advisers?|advisors?|team|staff))")
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
        body = article_content(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser"))
        problems += [
            f"{src.label}: says \"{sentence[:90]}\" but its front matter has no reviewed_by — add reviewed_by"
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
        f"{page}: says \"This page was reviewed by a doctor.\" but its front matter has no reviewed_by"
        " — add reviewed_by (name and role of the clinician who reviewed it) or remove the claim"
    ]
    project.write(page, source.replace("\nlast_reviewed:", "\nreviewed_by:\n  name: Dr A Person\n  role: GP\nlast_reviewed:", 1)
                  + "\nThis page was reviewed by a doctor.\n")
    result = project.build()
    assert result.returncode == 0, "\n".join(error_lines(result))
    assert unbacked_claims(project.path / "site", sources(project.path)) == []


# --- corrected claims stay corrected -------------------------------------------------------------

CORRECTED = Path(__file__).with_name("corrected-claims.yml")


@dataclass(frozen=True)
class Rule:
    pages: list[str]
    phrases: list[str]
    must_have: bool  # True: `require` (each page keeps the phrases); False: `avoid`
    why: str
    say: str


def load_rules(path: Path = CORRECTED) -> list[Rule]:
    rules = []
    for n, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
        if set(entry) not in ({"pages", "avoid", "why", "say"}, {"pages", "require", "why", "say"}):
            raise ValueError(f"{path.name}: entry {n + 1} needs pages, why, say and one of avoid or require"
                             f" (it has {', '.join(entry)}) — copy the layout of another entry")
        rules.append(Rule(entry["pages"], entry.get("avoid") or entry["require"], "require" in entry,
                          entry["why"], entry["say"]))
    return rules


def _pattern(phrase: str) -> re.Pattern[str]:
    """The phrase in any capitals, wrapped onto the next line or not."""
    return re.compile(r"\s+".join(map(re.escape, phrase.split())), re.I)


def corrected_claim_problems(root: Path, rules: list[Rule]) -> list[str]:
    problems = []
    for rule in rules:
        for page in rule.pages:
            file = root / "docs" / page
            if not file.is_file():
                problems.append(f"{CORRECTED.name}: docs/{page} does not exist — fix the name in `pages`")
                continue
            text = file.read_text(encoding="utf-8")
            for phrase in rule.phrases:
                found = _pattern(phrase).search(text)
                if rule.must_have and not found:
                    problems.append(f"docs/{page}: no longer says \"{phrase}\" ({rule.why}) — {rule.say}")
                elif found and not rule.must_have:
                    line = text.count("\n", 0, found.start()) + 1
                    problems.append(f"docs/{page}:{line}: says \"{' '.join(found.group().split())}\", but {rule.why}"
                                    f" — write \"{rule.say}\" instead")
    return problems


def test_corrected_claims_stay_corrected() -> None:
    fail_on(corrected_claim_problems(ROOT, load_rules()), "claims that were corrected against their sources")


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: f"{r.pages[0]}: {r.phrases[0]}")
def test_each_corrected_claim_rule_can_fail(tmp_path: Path, rule: Rule) -> None:
    """Bad example for every rule: the phrase it forbids put back, or the phrase it requires taken out."""
    (tmp_path / "docs").mkdir()
    for page in rule.pages:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        if rule.must_have:
            for phrase in rule.phrases:
                text = _pattern(phrase).sub("(removed)", text)
        else:
            text += f"\nA new line that says {rule.phrases[0]} again.\n"
        (tmp_path / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / page).write_text(text, encoding="utf-8")
    problems = corrected_claim_problems(tmp_path, [rule])
    assert len(problems) == len(rule.pages) * (len(rule.phrases) if rule.must_have else 1), problems


def test_a_corrected_claim_that_comes_back_is_reported_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "grief.md").write_text("# Grief\n\nIPT may suit\nyou better for depression.\n", encoding="utf-8")
    rules = [Rule(["grief.md"], ["IPT may suit you better"], False, "no trial showed that", "IPT is a well-tested option"),
             Rule(["grief.md"], ["mixed results"], True, "trials disagree", "say the results are mixed"),
             Rule(["gone.md"], ["x"], False, "-", "-")]
    assert corrected_claim_problems(tmp_path, rules) == [
        'docs/grief.md:3: says "IPT may suit you better", but no trial showed that — write "IPT is a well-tested option" instead',
        'docs/grief.md: no longer says "mixed results" (trials disagree) — say the results are mixed',
        "corrected-claims.yml: docs/gone.md does not exist — fix the name in `pages`",
    ]


def test_a_rule_without_avoid_or_require_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "corrected-claims.yml"
    bad.write_text("- pages: [grief.md]\n  why: w\n  say: s\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^corrected-claims.yml: entry 1 needs pages, why, say and one of avoid or require"
                                         r" \(it has pages, why, say\) — copy the layout of another entry$"):
        load_rules(bad)
