"""A glossary entry: the plain definition first, the expert note one click away."""

from __future__ import annotations

import streamlit as st

from components.url_state import link
from evidence import EvidenceBase
from evidence.model import GlossaryTerm


def term_card(term: GlossaryTerm, evidence: EvidenceBase, *, open_detail: bool = False) -> None:
    with st.container(border=True):
        st.markdown(f"**{term.term}**  \n{term.definition}")
        related = [evidence.glossary[r] for r in term.related if r in evidence.glossary]
        if term.expert_note:
            with st.expander("More detail", expanded=open_detail):
                st.markdown(term.expert_note)
        if related:
            st.caption("Related: " + ", ".join(f"[{r.term}]({link('glossary', term=r.id)})" for r in related)
                       + f" · [Link to this term]({link('glossary', term=term.id)})")
