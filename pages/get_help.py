"""When to get help: the signs that mean stop running and see a clinician, said calmly."""

import streamlit as st

from components.citations import href
from components.data import base
from components.red_flags import RED_FLAGS, URGENT, red_flag_source

evidence = base()

st.title("When to get help")
st.markdown("Most back pain in runners is not a sign of damage, and it often settles with a few easier days. "
            "A few signs are worth taking seriously. If any of these apply, **stop running for now and see a "
            "doctor or physiotherapist** so they can check what is going on.")

for title, detail in RED_FLAGS:
    with st.container(border=True):
        st.markdown(f":material/pan_tool: **{title}**  \n{detail}")

st.header("Get help the same day if")
st.markdown("\n".join(f"- {item}" for item in URGENT))

st.header("Where this comes from")
st.markdown(red_flag_source(evidence) + f" For how we judge sources, see [Methods]({href('methods')}).")
if evidence.meta:
    st.caption(evidence.meta.disclaimer)
