"""References: every study, filtered from the URL, with exports of exactly the filtered set."""

import streamlit as st

from components import filters
from components.citations import study_href
from components.data import BASE_DIR, base
from components.reference_export import export_buttons
from components.site import BY_PATH
from evidence import fingerprint
from evidence.export import doi_url, vancouver
from evidence.query import filter_studies

evidence = base()
years = (min(s.year for s in evidence.studies.values()), max(s.year for s in evidence.studies.values()))
KEYS = BY_PATH["references"].keys

st.title("References")
st.markdown("Every study in the base, with its full citation. Filter the list, then download exactly what "
            "you see for your reference manager.")
with filters.filter_panel(KEYS):
    left, middle, right = st.columns(3)
    topics, populations, designs = filters.multi("topic", left), filters.multi("population", middle), \
        filters.multi("design", right)
    span = filters.year_range(years)
    text = filters.search(placeholder="author, title, journal")
studies = filter_studies(evidence, topics, populations, designs, span[0], span[1], text)

st.markdown(f"**{len(studies)} of {len(evidence.studies)} studies**")
export_buttons(studies, evidence, fingerprint(BASE_DIR))
for number, study in enumerate(studies, start=1):
    link = doi_url(study)
    locator = f" [doi:{study.doi}]({link})" if study.doi else (f" [link]({link})" if link else "")
    st.markdown(f"{number}. {vancouver(study)}{locator}  \n"
                f":gray-badge[{study.design.label}] [Study page]({study_href(study.id)})")
