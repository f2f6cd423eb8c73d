import streamlit as st

st.title("take_homes")
st.write("Coming soon.")
