import streamlit as st

st.title("study")
st.write("Coming soon.")
