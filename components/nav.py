"""Our own sidebar navigation, so moving between pages keeps the parameters that still apply.

Streamlit's built-in menu clears the query string on every page change; `st.page_link`
with `query_params=` does not, so we hide the built-in menu and draw this one.
"""

from __future__ import annotations

import streamlit as st

from components import url_state
from components.site import PAGES


def sidebar_nav(pages: dict[str, "st.Page"]) -> None:
    with st.sidebar:
        section = None
        for spec in PAGES:
            if spec.section != section:
                section = spec.section
                st.markdown(f"**{section}**")
            st.page_link(pages[spec.url_path], label=spec.title, icon=spec.icon,
                         query_params=url_state.carried(spec.keys))
