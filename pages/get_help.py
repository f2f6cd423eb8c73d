"""When to get help: warning signs from a clinical guideline, most urgent first, said calmly."""

import streamlit as st

from components.base_loader import base
from components.prose import card, details, prose, to_html
from components.red_flags import URGENCY_ICON, red_flag_source
from components.url_state import link
from evidence.red_flags import red_flag_groups

evidence = base()
groups = red_flag_groups(evidence)

st.title("When to get help")
st.markdown("Most back pain in runners is not a sign of damage, and it often settles with a few easier days. "
            "A few signs do need a doctor. They are listed below, the most urgent first, in plain words taken "
            "from a clinical guideline for doctors.")

for group in groups:
    st.header(f"{URGENCY_ICON[group.urgency]} {group.urgency.label}", anchor=group.id)
    prose(group.action)
    # One box per group, its signs a list and the guideline's words one click away: one element to draw.
    signs = "\n".join(f"- **{sign.sign}**  \n  {sign.detail}" for sign in group.signs)
    guideline = "\n".join(f"- **{s.sign}:** {s.guideline_says} ({s.where})" for s in group.signs)
    card(to_html(signs), details("What the guideline says about these signs",
                                 to_html(f"{group.guideline_action}\n\n{guideline}")))

st.header("Where this comes from")
prose(red_flag_source(evidence, groups) + f" For how we judge sources, see [Methods]({link('methods')}).")
if evidence.meta:
    st.caption(evidence.meta.disclaimer)
