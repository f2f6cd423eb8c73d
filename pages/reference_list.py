import streamlit as st

st.title("references")
st.write("Coming soon.")
