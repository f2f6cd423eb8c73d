"""The size of the base in three numbers (studies, take-homes, articles checked), as one element.

Three `st.metric`s made every first visit to the home page load Streamlit's number-formatting and
metric code for three integers; this is the same row as plain HTML, which the page already draws with.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from components.palette import RULE

_CSS = f"""<style>
.site-counts {{ display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none;
  padding: 0 !important; margin: 0 0 1rem 0 !important; }}  /* not indented like a text list */
.site-counts li {{ flex: 1 1 6rem; border: 1px solid {RULE}; border-radius: 0.5rem; padding: 0.75rem 1rem;
  margin: 0 !important; }}
.site-counts .n {{ display: block; font-size: 2.25rem; line-height: 1.2; font-weight: 600; }}
</style>"""


def counts_html(counts: dict[str, int]) -> str:
    items = "".join(f'<li><span class="n">{n}</span> {escape(label)}</li>'
                    for label, n in (("studies", counts["studies"]), ("take-homes", counts["claims"]),
                                     ("articles checked", counts["sources"])))
    return f'{_CSS}<ul class="site-counts" aria-label="The evidence base in numbers">{items}</ul>'


def site_counts(counts: dict[str, int]) -> None:
    st.html(counts_html(counts))
