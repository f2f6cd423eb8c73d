"""Long static text drawn as HTML made on the server, not as markdown the browser parses.

Streamlit renders `st.markdown` in the browser on every first visit, even inside a closed expander; long blocks
are rendered here once per text (CommonMark) and sent with `st.html`. Only where a late block moves nothing: at a
page's end or inside a layer (`layer`), as st.html starts as a placeholder (docs/decisions.md, Server-made prose).

The text stays markdown, written as for `st.markdown`: the same escapes (components/change_notice.md), the
same badges (`:blue-badge[...]`, drawn with our palette) and Material icons (`:material/flag:`, drawn with the
icon font Streamlit already serves). Raw HTML in the text is shown as text, never run. A link to one of our
pages (a relative address) is marked like the sidebar's, so a plain click stays inside the app
(components/theme.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import streamlit as st
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from components.nav import IN_APP
from evidence.palette import BADGE

CLASS = "prose"  # styled by assets/prose.css, a badge colour of palette.BADGE by a rule there
ICON = "icon"
_BADGE_START = re.compile(r":([a-z]+)-badge\[")
_ICON = re.compile(r":material/([a-z0-9_]+):")


def _badge(state: StateInline, silent: bool) -> bool:
    """`:blue-badge[label]`, as Streamlit's markdown writes a badge; the label may hold inline markdown."""
    found = _BADGE_START.match(state.src, state.pos)
    if not found:
        return False
    if found[1] not in BADGE:  # it would show as ':colour-badge[...]' on the page
        raise ValueError(f"no colour for a {found[1]} badge in components/palette.BADGE")
    start = found.end() - 1  # the '['
    end = state.md.helpers.parseLinkLabel(state, start, True)
    if end < 0:
        return False
    if not silent:
        state.push("badge_open", "span", 1).attrs = {"class": f"badge badge-{found[1]}"}
        old_max, state.pos, state.posMax = state.posMax, start + 1, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("badge_close", "span", -1)
    state.pos = end + 1
    return True


def _icon(state: StateInline, silent: bool) -> bool:
    """`:material/flag:`: the icon's name, which the font draws as its glyph. Hidden from screen readers, as
    the words beside every icon say the same."""
    found = _ICON.match(state.src, state.pos)
    if not found:
        return False
    if not silent:
        state.push("icon_open", "span", 1).attrs = {"class": ICON, "aria-hidden": "true", "translate": "no"}
        state.push("text", "", 0).content = found[1]
        state.push("icon_close", "span", -1)
    state.pos = found.end()
    return True


def _link_open(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if not urlsplit(href).scheme and not href.startswith(("#", "//")):
        token.attrSet(IN_APP, "")
    return renderer.renderToken(tokens, idx, options, env)


# CommonMark, raw HTML off: curated text is shown, never run.
_PARSER = MarkdownIt("commonmark", {"html": False})
_PARSER.inline.ruler.before("link", "badge", _badge)
_PARSER.inline.ruler.before("link", "icon", _icon)
_PARSER.add_render_rule("link_open", _link_open)


@lru_cache(maxsize=4096)
def inner_html(text: str) -> str:
    """`text` (markdown, as for st.markdown) as HTML without the wrapper; the same text is parsed once."""
    return _PARSER.render(text)


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
