"""Study: one page per study, deep-linked as ?study=<id>; with none chosen, the list of every study."""

import streamlit as st

from components.frame import enter
from components import filters, url_state
from components.base_loader import base
from components.study_view import study_list, study_page
from evidence.facets import STUDY, STUDY_ORDER
from evidence.selections import studies_in_order

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
names = {s.id: f"{s.short_citation}: {s.title}" for s in sorted(evidence.studies.values(),
                                                                key=lambda s: (s.first_author_surname, s.year))}
chosen = url_state.selected_for_widget("study", evidence.studies, "study")

st.title("Study")
study_id = filters.single(STUDY.with_options({"": "Choose a study…", **names}))
study = evidence.studies.get(study_id)
if not evidence.studies:
    filters.nothing_to_show("There are no studies in the base yet.")
elif study is None:
    st.header(f"All {len(evidence.studies)} studies")
    order = filters.single(STUDY_ORDER, widget="radio",
                           horizontal=True)
    study_list(studies_in_order(evidence, order))
    st.markdown("The same studies with their full references are on the References page.")
else:
    study_page(study, evidence)
