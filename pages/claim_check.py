import streamlit as st

st.title("claim_check")
st.write("Coming soon.")
