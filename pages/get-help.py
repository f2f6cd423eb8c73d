"""When to get help: warning signs from current clinical guidance, most urgent first, said calmly."""

import streamlit as st

from components.frame import enter
from components.base_loader import base
from components.prose import layer
from evidence.wording.warning_signs import (GET_HELP_INTRO, GUIDANCE_LAYER, guidance_markdown, heading,
                                            red_flag_source, signs_markdown)
from components.url_state import link
from evidence.links import Page
from evidence.red_flags import red_flag_groups

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
groups = red_flag_groups(evidence)

st.title("When to get help")
st.markdown(GET_HELP_INTRO)

for group in groups:
    st.header(heading(group), anchor=group.id)
    st.markdown(group.action)
    with st.container(border=True):  # one box per group, its signs a list: fewer elements to draw
        st.markdown(signs_markdown(group))
    layer(GUIDANCE_LAYER, guidance_markdown(group, evidence))

st.header("Where this comes from")
st.markdown(red_flag_source(evidence, groups) + f"\n\nFor how we judge sources, see [Methods]({link(Page.METHODS)}).")
if evidence.meta:
    st.caption(evidence.meta.disclaimer)
