"""One study, in full: citation, design and its limits, who was studied, the numbers, and who cites it. The words
are evidence/wording/study.py (the plain study pages print the same)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import change_notice
from components.plain_table import plain_table
from components.prose import prose
from components.report_problem import report_link
from components.trial_counts_view import trial_counts
from evidence import EvidenceBase
from evidence.model import Study
from evidence.textlinks import link_terms
from evidence.wording.study import (CAVEATS_HEADING, NO_RESULTS, NOT_CITED, citation_markdown, cited_by_markdown,
                                    design_markdown, facts_markdown, outcome_rows, study_line, verification_line)


def citation_block(study: Study) -> None:
    st.markdown(citation_markdown(study))  # one element: the reference, then its links
    st.caption(verification_line(study))


def facts(study: Study) -> None:
    st.markdown(facts_markdown(study))


def what_design_shows(study: Study) -> None:
    with st.container(border=True):
        st.markdown(design_markdown(study))


def outcomes_table(study: Study) -> None:
    if not study.outcomes:
        st.caption(NO_RESULTS)
        return
    plain_table(pd.DataFrame(outcome_rows(study)), "Results as reported")


def cited_by(study: Study, evidence: EvidenceBase) -> None:
    # One element for all three lists, near the page's end: HTML made on the server (components/prose.py).
    if text := cited_by_markdown(study, evidence):
        prose(text)
    else:
        st.caption(NOT_CITED)


# ---- the page's start: every study, in a chosen order -----------------------------------

def study_list(studies: list[Study]) -> None:
    """One markdown list (real links, keyboard-reachable, wraps on a phone), in the order given."""
    st.markdown("\n".join(f"- {study_line(s)}" for s in studies))
    st.caption("Each study's page says where its details were checked (or why they could not be).")


def study_page(study: Study, evidence: EvidenceBase) -> None:
    """Everything about one study, in reading order."""
    st.header(study.title, anchor=False)
    citation_block(study)
    st.info(link_terms(study.summary, evidence.glossary), icon=":material/summarize:")
    left, right = st.columns([3, 2])
    with left:
        facts(study)
    with right:
        what_design_shows(study)
    st.subheader("Results", anchor=False)
    outcomes_table(study)
    trial_counts(study)
    if study.caveats:
        st.subheader(CAVEATS_HEADING, anchor=False)
        st.markdown("\n".join(f"- {c}" for c in study.caveats))
    st.subheader("Cited by", anchor=False)
    cited_by(study, evidence)
    report_link("study", study)
    change_notice.shows("study", [study.id])
