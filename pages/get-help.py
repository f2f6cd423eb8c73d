"""When to get help: warning signs from current clinical guidance, most urgent first, said calmly."""

import streamlit as st

from components.frame import enter
from components.base_loader import base
from components.prose import layer
from components.red_flags import URGENCY_ICON, move_up_line, red_flag_source, sign_sources
from components.url_state import link
from evidence.links import Page
from evidence.red_flags import red_flag_groups

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
groups = red_flag_groups(evidence)

st.title("When to get help")
st.markdown("Most back pain in runners is not a sign of damage, and it often settles with a few easier days. "
            "A few signs do need a doctor. They are listed below, the most urgent first, in plain words taken "
            "from clinical guidance for doctors. If you are not sure which group you are in, choose the more "
            "urgent one.")

for group in groups:
    st.header(f"{URGENCY_ICON[group.urgency]} {group.urgency.label}", anchor=group.id)
    st.markdown(group.action)
    with st.container(border=True):  # one box per group, its signs a list: fewer elements to draw
        st.markdown("\n".join(f"- **{sign.sign}**  \n  {sign.detail}" for sign in group.signs)
                    + (f"\n\n{move_up_line(group)}" if group.move_up else ""))
    layer("What the guidance says about these signs", f"{group.guideline_action}\n\n"
          + "\n".join(sign_sources(s, evidence) for s in group.signs))

st.header("Where this comes from")
st.markdown(red_flag_source(evidence, groups) + f"\n\nFor how we judge sources, see [Methods]({link(Page.METHODS)}).")
if evidence.meta:
    st.caption(evidence.meta.disclaimer)
