"""Your situation: a few questions, then the take-homes that apply, why, and what is not known."""

import streamlit as st

from components.frame import enter
from components.base_loader import base
from components.situation_view import answer, get_help_now, questions, read_answers, warning_signs_question
from evidence.situation import INTRO, guide

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
situation = read_answers()

st.title("Your situation")
st.markdown(INTRO["start"])
warning_signs_question()
if situation.needs_help:
    get_help_now()
elif situation.signs:
    questions(situation)
    if situation.complete:
        answer(guide(evidence, situation), evidence)
