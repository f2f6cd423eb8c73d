"""Glossary: plain definitions, searchable, each term linkable as ?term=<id>."""

import streamlit as st

from components.frame import enter
from components import filters, url_state
from components.base_loader import base
from components.glossary_view import term_card, term_list
from evidence.selections import search_glossary

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
chosen = url_state.selected("term", evidence.glossary, "glossary term")

st.title("Glossary")
st.markdown("The words this site uses, in plain language. Open *More detail* for the technical note.")
text = filters.search(placeholder="e.g. disc, prevalence, placebo")
terms = search_glossary(evidence, text, chosen)

if chosen:
    filters.show_all_button("term", lambda: url_state.write("term", None))
st.caption(f"{len(terms)} of {len(evidence.glossary)} terms")
if chosen:
    for term in terms:
        term_card(term, evidence, open_detail=True)
else:
    term_list(terms, evidence)
if not evidence.glossary:
    filters.nothing_to_show("There are no glossary terms in the base yet.")
