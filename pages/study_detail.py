"""Study: one page per study, deep-linked as ?study=<id>."""

import streamlit as st

from components import filters, url_state
from components.base_loader import base
from components.study_view import study_page
from evidence.facets import SINGLE, Facet

evidence = base()
names = {s.id: f"{s.short_citation}: {s.title}" for s in sorted(evidence.studies.values(),
                                                                key=lambda s: (s.first_author_surname, s.year))}
chosen = url_state.selected("study", evidence.studies, "study")
if chosen:
    url_state.seed("study", chosen)

st.title("Study")
study_id = filters.single(Facet("study", "Choose a study", SINGLE, {"": "Choose a study…", **names}))
study = evidence.studies.get(study_id)
if not evidence.studies:
    st.info("There are no studies in the base yet.", icon=":material/search_off:")
elif study is None:
    st.markdown(f"The base holds {len(evidence.studies)} studies. Pick one above, or browse them all on the "
                "References page.")
else:
    study_page(study, evidence)
