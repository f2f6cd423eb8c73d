"""Long static text drawn as HTML made on the server, not as markdown the browser parses.

Streamlit renders `st.markdown` in the browser on every first visit, even inside a closed expander; long blocks
are rendered here once per text (CommonMark) and sent with `st.html`. Only where a late block moves nothing: at a
page's end or inside a layer (`layer`), as st.html starts as a placeholder (docs/decisions.md, Server-made prose).

The text stays markdown, written as for `st.markdown`, rendered by evidence/wording/markdown.py (the plain pages'
renderer too): the same escapes, badges drawn with our palette, Material icons drawn with the icon font Streamlit
already serves; raw HTML shown as text, never run. A link to one of our pages (a relative address) is marked like
the sidebar's, so a plain click stays inside the app (components/theme.py).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import streamlit as st

from components.nav import IN_APP
from evidence.wording.markdown import render

CLASS = "prose"  # styled by assets/prose.css, a badge colour of palette.BADGE by a rule there


def _in_app(href: str) -> tuple[str, dict[str, str]]:
    """A link to one of our pages (a relative address) is marked like the sidebar's, so a click stays in the app."""
    return href, ({IN_APP: ""} if not urlsplit(href).scheme and not href.startswith(("#", "//")) else {})


@lru_cache(maxsize=4096)
def inner_html(text: str) -> str:
    """`text` (markdown, as for st.markdown) as HTML without the wrapper; the same text is parsed once."""
    return render(text, link=_in_app)


def to_html(text: str) -> str:
    """`text` (markdown, as for st.markdown) as HTML, in the class our styles address."""
    return f'<div class="{CLASS}">{inner_html(text)}</div>'


def prose(text: str) -> None:
    """Draw `text` (markdown) as st.markdown would, at a fraction of the browser's work: at the end of a page."""
    st.html(to_html(text))


def layer(label: str, text: str, *, expanded: bool = False) -> None:
    """An expander holding `text` (markdown): a layer one click away, built on a first visit even while closed."""
    with st.expander(label, expanded=expanded):
        prose(text)
