"""Finding cards: the plain statement first, the numbers one click away."""

from __future__ import annotations

import streamlit as st

from components import badges, change_notice
from components.citations import cite, study_href
from components.report_problem import report_link
from components.url_state import link
from evidence import EvidenceBase
from evidence.model import Claim, Study
from evidence.findings import Finding, format_result
from evidence.textlinks import link_terms, terms_in


def claim_card(claim: Claim, evidence: EvidenceBase, numbers: dict[str, int], *, heading: str | None = None) -> None:
    with st.container(border=True):
        if heading:
            st.markdown(f"**{heading}**")
        st.markdown(f"{badges.certainty(claim.certainty.value)} {badges.direction(claim.direction)}")
        st.markdown(f"{claim.statement} {cite(claim.studies, numbers)}")
        if terms := terms_in(claim.statement, evidence.glossary):
            # The statement stays word for word; its terms link to the glossary on their own line.
            st.caption("Words explained: " + ", ".join(f"[{t.term}]({link('glossary', term=t.id)})" for t in terms))
        st.caption(f"Why {claim.certainty.label.lower()} certainty: {claim.certainty_reason}")
        with st.expander("For experts: the numbers"):
            st.markdown(link_terms(claim.expert_summary, evidence.glossary))
            for study_id in claim.studies:
                if study_id in evidence.studies:
                    _study_line(evidence.studies[study_id])
            st.markdown(f"[Link to this take-home]({link('take-homes', claim=claim.id)})")
        report_link("take-home", claim)
    change_notice.shows("take-home", [claim.id])


def _study_line(study: Study) -> None:
    size = f", n={study.sample_size:,}" if study.sample_size else ""
    st.markdown(f"- [{study.short_citation}]({study_href(study.id)}): {study.design.label.lower()}{size}")


def result_card(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    study_id, index = finding.id.rsplit(":", 1)
    study = evidence.studies[study_id]
    outcome = study.outcomes[int(index)]
    with st.container(border=True):
        st.markdown(f"{badges.certainty(finding.certainty)} {badges.direction(outcome.direction)}"
                    + (" :gray-badge[:material/science: Subgroup: hypothesis only]" if outcome.subgroup else ""))
        st.markdown(f"**{outcome.name}** in {study.population.rstrip('.')} {cite([study_id], numbers)}")
        st.markdown(format_result(outcome))
        with st.expander("For experts: the study"):
            n = outcome.n or study.sample_size
            st.markdown(f"{study.design.label}" + (f", n={n:,}" if n else "")
                        + (f". Compared with: {study.comparator}" if study.comparator else ""))
            if outcome.note and outcome.estimate is not None:
                st.markdown(outcome.note)
            for caveat in study.caveats[:3]:
                st.markdown(f"- {caveat}")


def finding_card(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    if finding.kind == "claim":
        claim_card(evidence.claims[finding.id], evidence, numbers)
    else:
        result_card(finding, evidence, numbers)
