"""Links from the home page to the main views, each with one line on what it answers.

One HTML element for all six (two columns, one on a phone): as `st.page_link`s with captions they were
fourteen elements for the browser to draw on every first visit to the home page.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from components.nav import page_link_html
from components.palette import CAPTION_INK, LINK, RULE
from components.site import BY_PATH

_ENTRIES = (
    ("take-homes", "What the research says, in plain words, with how sure we are."),
    ("findings", "Every result, with filters for topic, people, design and certainty."),
    ("prevalence", "How common back pain is in runners and in everyone, compared fairly."),
    ("claim-check", "Popular articles checked claim by claim against the studies."),
    ("evidence-map", "What has been studied, in whom, and where the gaps are."),
    ("get-help", "Warning signs from current clinical guidance, the most urgent first."),
)

CLASS = "entry-points"
CSS = f"""
<style>
ul.{CLASS} {{ list-style: none; margin: 0 0 1rem 0; padding: 0; display: grid; gap: 0.75rem;
  grid-template-columns: repeat(2, minmax(0, 1fr)); }}
@media (max-width: 640px) {{ ul.{CLASS} {{ grid-template-columns: minmax(0, 1fr); }} }}
ul.{CLASS} li {{ margin: 0; padding: 0.75rem 1rem; border: 1px solid {RULE}; border-radius: 0.5rem; }}
ul.{CLASS} a {{ font-weight: 700; color: {LINK}; }}
ul.{CLASS} p {{ margin: 0.25rem 0 0 0; color: {CAPTION_INK}; font-size: 0.875rem; }}
</style>
"""


def entry_points_html() -> str:
    items = "".join(f"<li>{page_link_html(spec, escape(spec.title))}<p>{escape(blurb)}</p></li>"
                    for spec, blurb in ((BY_PATH[url_path], blurb) for url_path, blurb in _ENTRIES))
    return f'<ul class="{CLASS}">{items}</ul>'


def entry_points() -> None:
    st.html(entry_points_html())
