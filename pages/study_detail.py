"""Study: one page per study, deep-linked as ?study=<id>."""

import streamlit as st

from components import filters, url_state
from components.data import base
from evidence.textlinks import link_terms
from components.study_view import cited_by, citation_block, facts, outcomes_table, what_design_shows

evidence = base()
names = {s.id: f"{s.short_citation}: {s.title}" for s in sorted(evidence.studies.values(),
                                                                key=lambda s: (s.first_author_surname, s.year))}
chosen = url_state.selected("study", evidence.studies, "study")
if chosen:
    url_state.seed("study", chosen)

st.title("Study")
study_id = filters.single("study", "Choose a study", {"": "Choose a study…", **names})
study = evidence.studies.get(study_id)
if study is None:
    st.markdown(f"The base holds {len(evidence.studies)} studies. Pick one above, or browse them all on the "
                "References page.")
    st.stop()

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
if study.caveats:
    st.subheader("Limits the authors and we note", anchor=False)
    st.markdown("\n".join(f"- {c}" for c in study.caveats))
st.subheader("Cited by", anchor=False)
cited_by(study, evidence)
