"""Claim check: what five popular articles say about running and back pain, checked against the studies."""

import streamlit as st

from components import filters, present, url_state
from components.base_loader import base
from components.claim_check import article_section, claim_slides, verdict_chart, verdict_key
from evidence.facets import MULTI, Facet
from evidence.verdicts import VERDICT_ORDER, count_line, counts_by_article, select_claims, verdict_counts

evidence = base()
ARTICLE = Facet("article", "Article", MULTI, {a.id: a.title for a in evidence.sources.values()})
VERDICT = Facet("verdict", "Verdict", MULTI, {v.value: v.label for v in VERDICT_ORDER})

chosen = url_state.selected("claim", evidence.article_claims, "checked claim")
if present.active():
    articles = url_state.choices(ARTICLE.key, ARTICLE.options, "article")
    verdicts = url_state.choices(VERDICT.key, VERDICT.options, "verdict")
    present.deck(claim_slides(select_claims(evidence, articles, verdicts, chosen), evidence))
else:
    st.title("Claim check")
    st.markdown("Popular articles about running and back pain make many claims. We put each one, in our own "
                "words, next to what the studies in this base actually found. Each claim gets a verdict, a short "
                "reason with the numbers, and links to the studies.")
    st.markdown(f"**{count_line(verdict_counts(c for a in evidence.sources.values() for c in a.claims))}**")
    verdict_key()

    if chosen:  # a shared link to one claim: that claim first, the overview after it
        st.header("The claim this link opens")  # h2, so the article's h3 below skips no heading level
        st.button("Showing one claim: show them all", icon=":material/list:", on_click=url_state.write,
                  args=("claim", None))
        for selection in select_claims(evidence, claim=chosen):
            article_section(selection, evidence, highlight=chosen)

    st.header("Verdicts by article")
    if evidence.sources:
        verdict_chart(evidence, counts_by_article(evidence))
    else:
        st.info("There are no checked articles in the base yet.", icon=":material/search_off:")

    if not chosen:
        st.header("The claims")
        with st.container(border=True):
            left, right = st.columns(2)
            articles, verdicts = filters.multi(ARTICLE, left), filters.multi(VERDICT, right)
        selections = select_claims(evidence, articles, verdicts)
        st.markdown(f"Showing **{sum(len(s.claims) for s in selections)}** of {len(evidence.article_claims)} "
                    "claims.")
        present.enter_button("Present one article per slide")
        for selection in selections:
            article_section(selection, evidence)
        if not selections:
            st.info("No claim matches these filters. Try removing one.", icon=":material/search_off:")
