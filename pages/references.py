"""References: every study, filtered from the URL, with exports of exactly the filtered set."""

import streamlit as st

from components.frame import enter
from components import filters
from components.base_loader import base
from evidence.wording.citations import reference_line, study_href
from components.prose import prose
from components.reference_export import export_buttons
from evidence.facets import DESIGN, POPULATION, REFERENCE_FACETS, TOPIC
from evidence.selections import filter_studies, year_span

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()

st.title("References")
st.markdown("Every study in the base, with its full citation. Filter the list, then download exactly what "
            "you see for your reference manager.")
with filters.FilterPanel(f.key for f in REFERENCE_FACETS) as panel:
    left, middle, right = panel.columns(3)
    topics, populations, designs = filters.multi(TOPIC, left), filters.multi(POPULATION, middle), \
        filters.multi(DESIGN, right)
    span = filters.year_range(year_span(evidence), panel.here)
    text = filters.search(panel.here, placeholder="author, title, journal")
studies = filter_studies(evidence, topics, populations, designs, span[0], span[1], text)

st.markdown(f"**{len(studies)} of {len(evidence.studies)} studies**")
export_buttons(studies, evidence)
# One numbered list, not one element per study, rendered here: the browser draws one block however long the list.
prose("\n".join(f"{number}. {reference_line(study)}  \n"
                f"   :gray-badge[{study.design.label}] [Study page]({study_href(study.id)})"
                for number, study in enumerate(studies, start=1)))
if not evidence.studies:
    filters.nothing_to_show("There are no studies in the base yet.")
