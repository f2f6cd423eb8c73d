"""A trial's counts as pictures on its study page: "x of 20", with the arm size from the record."""

from __future__ import annotations

import streamlit as st

from components.icon_array import count_array_svg, figure_html, row_html
from evidence.model import Study
from evidence.trial_counts import count_pictures

_KEY = {"people": "Solid: stayed. Outline: dropped out.",
        "events": "Each figure is one runner; each triangle below is one reported problem.",
        "sessions": "Each square is one planned session; a tick means it was done."}


def trial_counts(study: Study) -> None:
    pictures = count_pictures(study)
    if not pictures:
        return
    st.subheader("The counts, as pictures", anchor="counts")
    # One element below the results table (itself HTML), so the row adds no jump of its own.
    st.html(row_html([figure_html(p.title, count_array_svg(p.kind, p.filled, p.total, p.text), p.text,
                                  f"{p.text} {_KEY[p.kind]}") for p in pictures]))
