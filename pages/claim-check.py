"""Claim check: what five popular articles say about running and back pain, checked against the studies."""

import streamlit as st

from components.frame import enter
from components import filters, present, url_state
from components.base_loader import base
from components.claim_check import (ALL_CLAIMS, LIST_KEY, all_claims_link, article_section, article_summary,
                                    claim_slides, show_all_claims, verdict_chart, verdict_key)
from evidence.facets import ARTICLE, VERDICT
from evidence.verdicts import (count_line, counts_by_article, newest_first, select_claims,
                               verdict_counts)

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
ARTICLE = ARTICLE.with_options({a.id: a.title for a in evidence.articles.values()})

# A bare link opens on the articles' summary; ?claims=all, a claim, an article or a verdict opens the claims as before.
listing = url_state.value(LIST_KEY) == ALL_CLAIMS or url_state.given((ARTICLE.key, VERDICT.key, "claim"))
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
    st.markdown(f"**{count_line(verdict_counts(c for a in evidence.articles.values() for c in a.claims))}**")
    verdict_key()

    if not listing and evidence.articles:  # the start: one block per article, the full list one click away
        st.header("The articles, newest first")
        for article in newest_first(evidence.articles.values()):
            article_summary(article)
        all_claims_link(evidence)
        present.enter_button("Present one article per slide")

    if chosen:  # a shared link to one claim: that claim first, the overview after it
        st.header("The claim this link opens")  # h2, so the article's h3 below skips no heading level
        filters.show_all_button("claim", show_all_claims)
        for selection in select_claims(evidence, claim=chosen):
            article_section(selection, evidence, highlight=chosen)

    st.header("Verdicts by article")
    if evidence.articles:
        verdict_chart(evidence, counts_by_article(evidence))
    else:
        filters.nothing_to_show("There are no checked articles in the base yet.")

    if listing and not chosen:
        st.header("The claims")
        with st.container(border=True):
            left, right = st.columns(2)
            articles, verdicts = filters.multi(ARTICLE, left), filters.multi(VERDICT, right)
        url_state.write(LIST_KEY, None if articles or verdicts else ALL_CLAIMS)  # cleared filters stay on the list
        selections = select_claims(evidence, articles, verdicts)
        st.markdown(f"Showing **{sum(len(s.claims) for s in selections)}** of {len(evidence.article_claims)} "
                    "claims.")
        present.enter_button("Present one article per slide")
        for selection in selections:
            article_section(selection, evidence)
        if not selections:
            filters.nothing_to_show("No claim matches these filters. Try removing one.")
