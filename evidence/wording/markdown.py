"""Markdown, written as for Streamlit's `st.markdown`, as HTML: CommonMark with raw HTML off (curated text is shown,
never run), Streamlit's badges (`:blue-badge[...]`) and Material icons (`:material/flag:`).

One renderer for the app (components/prose.py, which marks links to our own pages as in-app) and the plain pages
(evidence/site/, which send those links to the plain page or the explorer and leave the icons out: they would need
Streamlit's icon font).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from evidence.palette import BADGE

ICON = "icon"
_BADGE_START = re.compile(r":([a-z]+)-badge\[")
_ICON = re.compile(r":material/([a-z0-9_]+):")

# What a renderer does with a link: its new address and any attributes to add.
LinkRule = Callable[[str], tuple[str, Mapping[str, str]]]


def _badge(state: StateInline, silent: bool) -> bool:
    """`:blue-badge[label]`, as Streamlit's markdown writes a badge; the label may hold inline markdown."""
    found = _BADGE_START.match(state.src, state.pos)
    if not found:
        return False
    if found[1] not in BADGE:  # it would show as ':colour-badge[...]' on the page
        raise ValueError(f"no colour for a {found[1]} badge in evidence/palette.BADGE")
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
    the words beside every icon say the same; left out where there is no icon font (env["icons"] False)."""
    found = _ICON.match(state.src, state.pos)
    if not found:
        return False
    if not silent and state.env.get("icons", True):
        state.push("icon_open", "span", 1).attrs = {"class": ICON, "aria-hidden": "true", "translate": "no"}
        state.push("text", "", 0).content = found[1]
        state.push("icon_close", "span", -1)
    state.pos = found.end()
    return True


def _link_open(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if rule := env.get("link"):
        href, attrs = rule(str(token.attrGet("href") or ""))
        token.attrSet("href", href)
        for name, value in attrs.items():
            token.attrSet(name, value)
    return renderer.renderToken(tokens, idx, options, env)


_PARSER = MarkdownIt("commonmark", {"html": False})
_PARSER.inline.ruler.before("link", "badge", _badge)
_PARSER.inline.ruler.before("link", "icon", _icon)
_PARSER.add_render_rule("link_open", _link_open)


def render(text: str, *, link: LinkRule | None = None, icons: bool = True) -> str:
    """`text` as HTML (no wrapper); `link` rewrites each link's address, `icons` False leaves the icons out."""
    return _PARSER.render(text, {"link": link, "icons": icons})
