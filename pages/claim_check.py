"""Claim check: what five popular articles say about running and back pain, checked against the studies."""

import streamlit as st

from components import filters, present, url_state
from components.claim_check import article_section, claim_slides, verdict_chart, verdict_key
from components.data import base
from evidence.verdicts import VERDICT_ORDER, count_line, counts_by_article, select_claims, verdict_counts

evidence = base()
ARTICLES = {a.id: a.title for a in evidence.sources.values()}
VERDICTS = {v.value: v.label for v in VERDICT_ORDER}

chosen = url_state.selected("claim", evidence.article_claims, "checked claim")
if present.active():
    articles = url_state.choices("article", ARTICLES, "article")
    verdicts = url_state.choices("verdict", VERDICTS, "verdict")
    present.deck(claim_slides(select_claims(evidence, articles, verdicts, chosen), evidence))
    st.stop()

st.title("Claim check")
st.markdown("Popular articles about running and back pain make many claims. We put each one, in our own words, "
            "next to what the studies in this base actually found. Each claim gets a verdict, a short reason "
            "with the numbers, and links to the studies.")
st.markdown(f"**{count_line(verdict_counts(c for a in evidence.sources.values() for c in a.claims))}**")
verdict_key()

if chosen:  # a shared link to one claim: that claim first, the overview after it
    st.button("Showing one claim: show them all", icon=":material/list:", on_click=url_state.select,
              args=("claim", None))
    for selection in select_claims(evidence, claim=chosen):
        article_section(selection, evidence, highlight=chosen)

st.header("Verdicts by article")
verdict_chart(evidence, counts_by_article(evidence))

if not chosen:
    st.header("The claims")
    with st.container(border=True):
        left, right = st.columns(2)
        articles = filters.multi("article", left, label="Article", options=ARTICLES)
        verdicts = filters.multi("verdict", right, label="Verdict", options=VERDICTS)
    selections = select_claims(evidence, articles, verdicts)
    st.markdown(f"Showing **{sum(len(s.claims) for s in selections)}** of {len(evidence.article_claims)} claims.")
    present.enter_button("Present one article per slide")
    for selection in selections:
        article_section(selection, evidence)
    if not selections:
        st.info("No claim matches these filters. Try removing one.", icon=":material/search_off:")
