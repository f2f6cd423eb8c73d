"""Links from the home page to the main views, each with one line on what it answers.

One HTML element for all six (two columns, one on a phone), not `st.page_link`s with captions
(docs/decisions.md, Navigation menu).
"""

from __future__ import annotations

from html import escape

import streamlit as st

from components.nav import page_link_html
from components.site import BY_PATH

_ENTRIES = (
    ("take-homes", "What the research says, in plain words, with how sure we are."),
    ("findings", "Every result, with filters for topic, people, design and certainty."),
    ("prevalence", "How common back pain is in runners and in everyone, compared fairly."),
    ("claim-check", "Popular articles checked claim by claim against the studies."),
    ("evidence-map", "What has been studied, in whom, and where the gaps are."),
    ("get-help", "Warning signs from current clinical guidance, the most urgent first."),
)

CLASS = "entry-points"  # styled by assets/entry-points.css


def entry_points_html() -> str:
    items = "".join(f"<li>{page_link_html(spec, escape(spec.title))}<p>{escape(blurb)}</p></li>"
                    for spec, blurb in ((BY_PATH[url_path], blurb) for url_path, blurb in _ENTRIES))
    return f'<ul class="{CLASS}">{items}</ul>'


def entry_points() -> None:
    st.html(entry_points_html())
