import streamlit as st

st.title("get_help")
st.write("Coming soon.")
