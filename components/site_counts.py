"""The size of the base in three numbers (studies, take-homes, articles checked), as one element.

Plain HTML, not three `st.metric`s: those load Streamlit's number-formatting and metric code for three
integers (docs/decisions.md, Counts row).
"""

from __future__ import annotations

from html import escape

import streamlit as st

from components.stylesheets import stylesheet


def counts_html(counts: dict[str, int]) -> str:
    items = "".join(f'<li><span class="n">{n}</span> {escape(label)}</li>'
                    for label, n in (("studies", counts["study"]), ("take-homes", counts["take-home"]),
                                     ("articles checked", counts["article"])))
    return f'{stylesheet("site-counts")}<ul class="site-counts" aria-label="The evidence base in numbers">{items}</ul>'


def site_counts(counts: dict[str, int]) -> None:
    st.html(counts_html(counts))
