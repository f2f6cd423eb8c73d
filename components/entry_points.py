"""Links from the home page to the main views, each with one line on what it answers."""

from __future__ import annotations

import streamlit as st

from components.site import BY_PATH

_ENTRIES = (
    ("take-homes", "What the research says, in plain words, with how sure we are."),
    ("findings", "Every result, with filters for topic, people, design and certainty."),
    ("prevalence", "How common back pain is in runners and in everyone, compared fairly."),
    ("claim-check", "Popular articles checked claim by claim against the studies."),
    ("evidence-map", "What has been studied, in whom, and where the gaps are."),
    ("get-help", "Warning signs from a clinical guideline, the most urgent first."),
)


def entry_points() -> None:
    # One bordered box per column, not one per entry: fewer elements for the browser to draw.
    boxes = [column.container(border=True) for column in st.columns(2)]
    for i, (url_path, blurb) in enumerate(_ENTRIES):
        spec = BY_PATH[url_path]
        with boxes[i % 2]:
            st.page_link(spec.file, label=f"**{spec.title}**", icon=spec.icon)
            st.caption(blurb)
