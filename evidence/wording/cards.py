"""The text of the cards a reader meets: a take-home, a study's result, a glossary term, a take-home in Your
situation. Markdown, as the app draws it (components/cards.py, glossary_view.py, situation_view.py) and the plain
pages print it (evidence/site/)."""

from __future__ import annotations

from evidence.findings import format_result
from evidence.links import Page, link
from evidence.load import EvidenceBase
from evidence.model import GlossaryTerm, Study
from evidence.situation import Applies
from evidence.textlinks import link_terms, terms_in
from evidence.wording import badges
from evidence.wording.citations import cite, study_href

# Home's words above its bottom line (pages/home.py, and the plain home page).
BOTTOM_LINE_HEADING = "The short answer, from the research so far"
SITUATION_INVITE = "Have back pain, or want to start running? See what applies to you"
TAKE_HOMES_INTRO = ("What the studies in this base add up to, in plain words. The wording follows the certainty: "
                    "**probably** means moderate certainty, **may** means low, and **we don't know** or **unclear** "
                    "means very low. Open *For experts* under any statement for the numbers.")
EXPERT_LAYER = "For experts: the numbers"


def claim_text(evidence: EvidenceBase, claim_id: str, numbers: dict[str, int], heading: str | None = None
               ) -> tuple[str, str, str, str]:
    """(heading and badges) · (the statement, word for word) · (words explained, why this certainty) · (experts)."""
    claim = evidence.take_homes[claim_id]
    label = (f"**{heading}**\n\n" if heading else "") + \
        f"{badges.certainty(claim.certainty.value)} {badges.direction(claim.direction)}"
    statement = f"{claim.statement} {cite(claim.studies, numbers)}"
    notes = []
    if terms := terms_in(claim.statement, evidence.glossary):
        notes.append("Words explained: " + ", ".join(f"[{t.term}]({link(Page.GLOSSARY, term=t.id)})" for t in terms))
    notes.append(f"Why {claim.certainty.label.lower()} certainty: {claim.certainty_reason}")
    studies = [_study_line(evidence.studies[s]) for s in claim.studies if s in evidence.studies]
    expert = "\n\n".join([link_terms(claim.expert_summary, evidence.glossary), "\n".join(studies),
                          f"[Link to this take-home]({link(Page.TAKE_HOMES, claim=claim.id)})"])
    return label, statement, "  \n".join(notes), expert


def _study_line(study: Study) -> str:
    size = f", n={study.sample_size:,}" if study.sample_size else ""
    return f"- [{study.short_citation}]({study_href(study.id)}): {study.design.label.lower()}{size}"


def result_text(evidence: EvidenceBase, finding_id: str, certainty: str, numbers: dict[str, int]) -> tuple[str, str]:
    """(badges, what was measured in whom, the result) · (design, size, comparator, note, caveats)."""
    study_id, index = finding_id.rsplit(":", 1)
    study = evidence.studies[study_id]
    outcome = study.outcomes[int(index)]
    summary = "\n\n".join([
        f"{badges.certainty(certainty)} {badges.direction(outcome.direction)}"
        + (" :gray-badge[:material/science: Subgroup: hypothesis only]" if outcome.subgroup else ""),
        f"**{outcome.name}** in {study.population.rstrip('.')} {cite([study_id], numbers)}",
        format_result(outcome)])
    n = outcome.n or study.sample_size
    expert = [f"{study.design.label}" + (f", n={n:,}" if n else "")
              + (f". Compared with: {study.comparator}" if study.comparator else "")]
    if outcome.note and outcome.estimate is not None:
        expert.append(outcome.note)
    if study.caveats:
        expert.append("\n".join(f"- {caveat}" for caveat in study.caveats[:3]))
    return summary, "\n\n".join(expert)


def term_links(term: GlossaryTerm, evidence: EvidenceBase) -> str:
    """'Related: [a](glossary?term=a), ... · [Link to this term](glossary?term=x)'."""
    related = [evidence.glossary[r] for r in term.related if r in evidence.glossary]
    return ("Related: " + ", ".join(f"[{r.term}]({link(Page.GLOSSARY, term=r.id)})" for r in related) + " · "
            if related else "") + f"[Link to this term]({link(Page.GLOSSARY, term=term.id)})"


def situation_card(applies: Applies, evidence: EvidenceBase, numbers: dict[str, int]) -> tuple[str, str]:
    """A take-home in Your situation: (certainty, statement, why it applies, cautions) · (who the studies took)."""
    claim = applies.claim
    text = [badges.certainty(claim.certainty.value), f"{claim.statement} {cite(claim.studies, numbers)}",
            f"**{applies.why}**", *(f":material/info: {caution}" for caution in applies.cautions)]
    who = ("\n".join(f"- {line}" for line in applies.who(evidence))
           + f"\n\n[More about this take-home]({link(Page.TAKE_HOMES, claim=claim.id)})")
    return "\n\n".join(text), who
