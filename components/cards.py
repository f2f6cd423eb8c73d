"""Finding cards: the plain statement first, the numbers one click away.

A card is one HTML element (components/prose.py), its expert layer a `<details>` inside it, and its text is
built once per base version and citation numbering: every element is a message the browser has to draw, and a
card's words do not change between reruns. Only the report line changes with the page's address.
"""

from __future__ import annotations

from functools import lru_cache

from components import badges, change_notice
from components.base_loader import base
from components.citations import cite, study_href
from components.prose import CAPTION, card, details, to_html
from components.report_problem import report_markdown
from components.url_state import link
from evidence import EvidenceBase
from evidence.model import Claim, Study
from evidence.findings import Finding, format_result
from evidence.textlinks import link_terms, terms_in

Numbers = tuple[tuple[str, int], ...]  # citation numbers, hashable for the caches


def _numbers(numbers: dict[str, int]) -> Numbers:
    return tuple(numbers.items())


def claim_card(claim: Claim, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    report = report_markdown("take-home", claim)
    card(_claim_html(evidence.version, claim.id, _numbers(numbers)), to_html(report) if report else "")
    change_notice.shows("take-home", [claim.id])


@lru_cache(maxsize=512)
def _claim_html(version: str, claim_id: str, numbers: Numbers) -> str:
    """The badges and the statement, word for word; its terms linked to the glossary on a line of their own, and
    why this certainty; the expert layer one click away."""
    evidence = base()
    claim = evidence.claims[claim_id]
    label = f"{badges.certainty(claim.certainty.value)} {badges.direction(claim.direction)}"
    statement = f"{claim.statement} {cite(claim.studies, dict(numbers))}"
    notes = []
    if terms := terms_in(claim.statement, evidence.glossary):
        notes.append("Words explained: " + ", ".join(f"[{t.term}]({link('glossary', term=t.id)})" for t in terms))
    notes.append(f"Why {claim.certainty.label.lower()} certainty: {claim.certainty_reason}")
    studies = [_study_line(evidence.studies[s]) for s in claim.studies if s in evidence.studies]
    expert = "\n\n".join([link_terms(claim.expert_summary, evidence.glossary), "\n".join(studies),
                          f"[Link to this take-home]({link('take-homes', claim=claim.id)})"])
    return (to_html(f"{label}\n\n{statement}") + to_html("  \n".join(notes), CAPTION)
            + details("For experts: the numbers", to_html(expert)))


def _study_line(study: Study) -> str:
    size = f", n={study.sample_size:,}" if study.sample_size else ""
    return f"- [{study.short_citation}]({study_href(study.id)}): {study.design.label.lower()}{size}"


def result_card(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    card(_result_html(evidence.version, finding.id, finding.certainty, _numbers(numbers)))


@lru_cache(maxsize=2048)
def _result_html(version: str, finding_id: str, certainty: str, numbers: Numbers) -> str:
    """Badges, what was measured in whom, the result; one click away: design, size, comparator, note, caveats."""
    evidence = base()
    study_id, index = finding_id.rsplit(":", 1)
    study = evidence.studies[study_id]
    outcome = study.outcomes[int(index)]
    summary = "\n\n".join([
        f"{badges.certainty(certainty)} {badges.direction(outcome.direction)}"
        + (" :gray-badge[:material/science: Subgroup: hypothesis only]" if outcome.subgroup else ""),
        f"**{outcome.name}** in {study.population.rstrip('.')} {cite([study_id], dict(numbers))}",
        format_result(outcome)])
    n = outcome.n or study.sample_size
    expert = [f"{study.design.label}" + (f", n={n:,}" if n else "")
              + (f". Compared with: {study.comparator}" if study.comparator else "")]
    if outcome.note and outcome.estimate is not None:
        expert.append(outcome.note)
    if study.caveats:
        expert.append("\n".join(f"- {caveat}" for caveat in study.caveats[:3]))
    return to_html(summary) + details("For experts: the study", to_html("\n\n".join(expert)))


def finding_card(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    if finding.kind == "claim":
        claim_card(evidence.claims[finding.id], evidence, numbers)
    else:
        result_card(finding, evidence, numbers)
