"""A trial's counts as pictures on its study page: "x of 20", with the arm size from the record."""

from __future__ import annotations

import streamlit as st

from components.icon_array import count_array_svg, img_html
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
    columns = st.columns(len(pictures))
    for column, picture in zip(columns, pictures):
        with column:
            st.markdown(f"**{picture.title}**")
            st.html(img_html(count_array_svg(picture.kind, picture.filled, picture.total, picture.text),
                             picture.text))
            st.caption(f"{picture.text} {_KEY[picture.kind]}")
