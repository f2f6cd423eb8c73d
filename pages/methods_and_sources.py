import streamlit as st

st.title("methods")
st.write("Coming soon.")
