import streamlit as st

st.title("prevalence")
st.write("Coming soon.")
