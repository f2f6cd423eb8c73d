"""Home: the question, the bottom line with its certainty, and where to go next."""

import streamlit as st

from components import filters
from components.frame import enter
from components.cards import claim_card
from components.citations import reference_list
from components.base_loader import base
from components.entry_points import entry_points
from components.site import BY_PATH
from components.site_counts import site_counts
from components.url_state import link
from evidence.links import Page
from evidence.selections import bottom_line, numbered_references
from evidence.wording.cards import BOTTOM_LINE_HEADING, SITUATION_INVITE

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
lines = bottom_line(evidence)
numbers = numbered_references(c.studies for c in lines)

st.title("Is running bad for my back?")
st.markdown(f"## {BOTTOM_LINE_HEADING}")
st.page_link(BY_PATH[Page.MY_SITUATION].file, label=f"**{SITUATION_INVITE}**",
             icon=":material/person_search:")
for claim in lines:
    claim_card(claim, evidence, numbers)
if not lines:
    filters.nothing_to_show("There are no take-homes in the base yet.")

site_counts(evidence.counts())
if evidence.meta:
    st.caption(f"[Last reviewed {evidence.meta.last_reviewed:%d %B %Y}]({link(Page.WHATS_NEW)}). Each take-home shows how sure we are "
               "(its certainty) and the studies behind it; numbers in brackets link to them.")

st.subheader("Explore")
entry_points()

if evidence.meta:
    st.info(evidence.meta.disclaimer + " If you have worrying symptoms, see **When to get help**.",
            icon=":material/medical_information:")
reference_list(numbers, evidence)
