"""When to get help: warning signs from a clinical guideline, most urgent first, said calmly."""

import streamlit as st

from components.base_loader import base
from components.prose import layer
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
    st.markdown(group.action)
    with st.container(border=True):  # one box per group, its signs a list: fewer elements to draw
        st.markdown("\n".join(f"- **{sign.sign}**  \n  {sign.detail}" for sign in group.signs))
    layer("What the guideline says about these signs", f"{group.guideline_action}\n\n"
          + "\n".join(f"- **{s.sign}:** {s.guideline_says} ({s.where})" for s in group.signs))

st.header("Where this comes from")
st.markdown(red_flag_source(evidence, groups) + f" For how we judge sources, see [Methods]({link('methods')}).")
if evidence.meta:
    st.caption(evidence.meta.disclaimer)
