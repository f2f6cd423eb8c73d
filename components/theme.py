"""Site-wide readability fixes on top of Streamlit's theme.

Streamlit draws captions in a grey at 60% opacity (about 3:1 on white), below WCAG AA's 4.5:1
for small text; we make them opaque and darker, links inside them too. Colour is never the only signal here,
but text still has to be readable.
"""

from __future__ import annotations

import streamlit as st

READABLE_CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }  /* Streamlit fades captions to 0.6 */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #4a4f59 !important; }
[data-testid="stCaptionContainer"] a { color: #0b57a4 !important; }
</style>
"""


def apply() -> None:
    st.html(READABLE_CSS)
