"""Drawing the "Your situation" guide. The choosing and the wording live in evidence/situation.py.

Every URL read and write of the guide is in the first block below (`read_answers`, `_answered`,
`_start_again`), so a change to how the app keeps state in the URL touches only these.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components import url_state
from components.base_loader import base
from components.build_cache import BuildCache
from components.citations import reference_list
from evidence.wording.cards import situation_card
from evidence.wording.warning_signs import signs_question_markdown
from components.prose import layer
from components.site import BY_PATH
from components.url_state import link
from evidence import EvidenceBase
from evidence.links import Page
from evidence.outputs.handout import build_guide_handout
from evidence.red_flags import red_flag_groups
from evidence.selections import numbered_references
from evidence.situation import HEADINGS, INTRO, KEYS, QUESTIONS, Applies, Guide, Question, Situation, answers_text

HELP_PAGE = BY_PATH[Page.GET_HELP].file


# ---- The URL: one parameter per answer ------------------------------------------------------

def read_answers() -> Situation:
    """The answers in the link; an answer the guide does not know gets a notice and is dropped."""
    answers = {}
    for q in QUESTIONS:
        given = url_state.choices(q.key, q.options, f"“{q.prompt}”")
        answers[q.key] = given[0] if given else None
        if given:
            url_state.seed(q.key, given[0])
    return Situation(**answers)


def _answered(key: str) -> None:
    url_state.write(key, st.session_state.get(key))


def _start_again() -> None:
    url_state.clear(KEYS)


# ---- The questions ---------------------------------------------------------------------------

def _ask(q: Question) -> None:
    st.radio(q.prompt, list(q.options), format_func=q.options.__getitem__, index=None, key=q.key,
             on_change=_answered, args=(q.key,))


def warning_signs_question() -> None:
    """The first question, with the signs spelled out so the reader can answer it."""
    with st.container(border=True):
        # One markdown element for the intro and every group of signs.
        st.markdown(signs_question_markdown(red_flag_groups(base())))
        _ask(QUESTIONS[0])


def get_help_now() -> None:
    st.error(INTRO["help"], icon=":material/emergency:")
    st.page_link(HELP_PAGE, label="**Go to: When to get help**", icon=":material/arrow_forward:")
    st.caption("The guide asks nothing more when a warning sign is present.")


def questions(situation: Situation) -> None:
    """The questions after the warning signs, each shown once the one before it is answered."""
    for q in QUESTIONS[1:]:
        _ask(q)
        if not getattr(situation, q.key):
            break
    if situation.answers():
        st.button("Start again", icon=":material/restart_alt:", on_click=_start_again, key="guide_restart")


# ---- The answer ------------------------------------------------------------------------------

def take_home_card(applies: Applies, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    # One markdown block for the card's text and one for its expert layer: fewer elements for the browser to draw.
    text, who = situation_card(applies, evidence, numbers)
    with st.container(border=True):
        st.markdown(text)
        layer(HEADINGS["who"], who)


_handouts: BuildCache[bytes] = BuildCache(64)


def _handout(situation: Situation, url: str, day: dt.date, full: bool, evidence: EvidenceBase) -> bytes:
    from evidence.situation import guide
    return _handouts.get(evidence, (situation, url, day, full), lambda: build_guide_handout(
        guide(evidence, situation), evidence, url, today=day, full=full))


def handout_buttons(situation: Situation) -> None:
    url = url_state.current_url()
    evidence = base()
    row = st.container(horizontal=True, gap="small")  # one row that wraps on a phone; one element, not three
    row.download_button("Download this guide on one sheet (PDF)", icon=":material/picture_as_pdf:",
                        data=lambda: _handout(situation, url, dt.date.today(), False, evidence),
                        file_name="running-back-my-situation.pdf", mime="application/pdf", on_click="ignore",
                        key="guide_handout", help="One A4 sheet, printed on both sides: the first take-homes for "
                        "you, the warning signs, and the studies, with a QR code back to this guide.")
    row.download_button("Download the full guide (PDF)", icon=":material/description:",
                        data=lambda: _handout(situation, url, dt.date.today(), True, evidence),
                        file_name="running-back-my-situation-full.pdf", mime="application/pdf",
                        on_click="ignore", key="guide_handout_full")


def answer(result: Guide, evidence: EvidenceBase) -> None:
    numbers = numbered_references(a.claim.studies for a in result.take_homes + result.general)
    st.header(HEADINGS["for_you"], anchor="for-you")
    st.markdown("**Your answers**\n" + "\n".join(f"- {line}" for line in answers_text(result.situation)))
    st.info(result.limits, icon=":material/medical_information:")
    if not result.take_homes:
        st.markdown(INTRO["none"])
    for applies in result.take_homes:
        take_home_card(applies, evidence, numbers)
    if result.general:
        st.subheader(HEADINGS["general"], anchor="general")
        st.markdown(INTRO["general"])
        for applies in result.general:
            take_home_card(applies, evidence, numbers)
    if result.left_out:
        st.caption(INTRO["left_out"] + f" See [all take-homes]({link(Page.TAKE_HOMES)}).")
    st.subheader(HEADINGS["not_known"], anchor="not-known")
    st.markdown("\n".join(f"- {line}" for line in result.unknowns) or HEADINGS["nothing_more"])
    handout_buttons(result.situation)
    reference_list(numbers, evidence)
