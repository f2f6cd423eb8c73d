"""Embedding a view in a course page (Moodle, Canvas, a blog): the <iframe> snippet, and the way out.

The share panel offers `snippet_section(spec, url)`: this view's link with ?embed=true (Streamlit then
hides its own header and toolbar), in a code block with a copy button. Inside an embedded view the
frame draws `explorer_link(slot)`: the same view, same parameters, without `embed`, in a new tab.
"""

from __future__ import annotations

from html import escape

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import url_state
from components.base_loader import base
from components.site import PageSpec
from evidence.links import embed_url
from evidence.outputs.share import SITE_TITLE

LABEL = "Embed on a web page"
LINK_TEXT = "Open in the explorer"
HEIGHT = 800  # CSS px: a take-home or a chart with its caption, without a scroll bar inside the frame


def snippet(url: str, title: str, height: int = HEIGHT) -> str:
    """An <iframe> of the view at `url` (its shared link), named `title` for screen readers."""
    return (f'<iframe src="{escape(embed_url(url))}" title="{escape(title)}" width="100%" height="{height}" '
            f'style="border:0" loading="lazy"></iframe>')


def frame_title(spec: PageSpec) -> str:
    meta = base().meta
    return f"{spec.title} — {meta.title if meta else SITE_TITLE}"


def snippet_section(spec: PageSpec, url: str) -> None:
    """For the share panel: the snippet with a copy button, and what it does."""
    st.markdown(f"**{LABEL}**")
    st.markdown("Paste this into a course page or a website to show this view there, with a link back here.")
    st.code(snippet(url, frame_title(spec)), language="html", wrap_lines=True)


def explorer_link(slot: DeltaGenerator) -> None:
    """In an embedded view: this view in the full explorer, in a new tab (an iframe is too small to explore in)."""
    # A Markdown link: Streamlit opens it in a new tab (target="_blank", rel="noopener noreferrer"), and its
    # accessible name is its text. The address has no `embed`: st.query_params never holds it.
    slot.markdown(f":material/open_in_new: [{LINK_TEXT} (opens in a new tab)]({url_state.current_url()})")
