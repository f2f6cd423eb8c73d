"""A glossary entry: the plain definition first, the expert note one click away.

One term (a deep link) is drawn with Streamlit's elements; the whole list, at the page's end, is one block of
server-made HTML (components/prose.py): the browser draws it far faster (docs/decisions.md, Lists as one block).
"""

from __future__ import annotations

from html import escape

import streamlit as st

from components.prose import CLASS, inner_html
from evidence import EvidenceBase
from evidence.model import GlossaryTerm
from evidence.wording.cards import term_links


def term_card(term: GlossaryTerm, evidence: EvidenceBase, *, open_detail: bool = False) -> None:
    with st.container(border=True):
        st.markdown(f"**{term.term}**  \n{term.definition}")
        if term.expert_note:
            with st.expander("More detail", expanded=open_detail):
                st.markdown(term.expert_note)
        st.caption(term_links(term, evidence))


def term_list(terms: list[GlossaryTerm], evidence: EvidenceBase) -> None:
    """Every term in `terms` as one block: each boxed, its expert note in a <details>, its links below."""
    st.html(_term_list_html(evidence.version, tuple(t.id for t in terms), evidence))


@st.cache_data(show_spinner=False, max_entries=64)
def _term_list_html(version: str, ids: tuple[str, ...], _evidence: EvidenceBase) -> str:
    """Built once per version of the base and list of terms (the base is not hashed: its version stands for it)."""
    evidence = _evidence
    entries = []
    for term in (evidence.glossary[i] for i in ids):
        detail = (f"<details><summary>More detail</summary>{inner_html(term.expert_note)}</details>"
                  if term.expert_note else "")
        entries.append(f'<section class="entry" id="{escape(term.id)}"><h2>{escape(term.term)}</h2>'
                       f"{inner_html(term.definition)}{detail}"
                       f'<div class="note">{inner_html(term_links(term, evidence))}</div></section>')
    return f'<div class="{CLASS}">{"".join(entries)}</div>'
