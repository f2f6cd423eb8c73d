import streamlit as st

st.title("evidence_map")
st.write("Coming soon.")
