"""Long static text drawn as HTML made on the server, not as markdown the browser parses.

Streamlit renders `st.markdown` in the browser, on its main thread, on every first visit, even inside a closed
expander. The change log (17,000 characters) as markdown costs a bare page 11-19% more time to rendered; as HTML,
0-3% (benchmarks/element_cost_app.py, `long_*`). So long blocks are rendered here, once per text, with a
CommonMark parser, and sent with `st.html`.

Only where a late block moves nothing: at the end of a page, or inside a layer (`layer`, an expander). Streamlit
loads st.html's code on first use, and until it arrives each st.html is a 40 px placeholder; a visible block
that then grows pushes everything below it down. Cards drawn this way, one HTML element each, were cheaper still
(`cards_8_html`) but made Home jump on a phone (cumulative layout shift 0.84, Lighthouse performance 55 to 31).
The same HTML through `st.markdown(unsafe_allow_html=True)` jumps as much: Streamlit loads the HTML parser it
needs for that the same way, behind the same placeholder (0.51 for eight cards at 412 px).

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
from components.palette import BADGE, CAPTION_INK, LINK, RULE

CLASS = "prose"
ICON = "icon"
_BADGE_START = re.compile(r":([a-z]+)-badge\[")
_ICON = re.compile(r":material/([a-z0-9_]+):")

CSS = f"""
<style>
.{CLASS} > :last-child {{ margin-bottom: 0; }}
.{CLASS} a {{ color: {LINK}; text-decoration: underline; }}
.{CLASS} ol, .{CLASS} ul {{ padding-left: 1.6rem; }}
.{CLASS} li {{ margin: 0.35rem 0; }}
.{CLASS} hr {{ border: 0; border-top: 1px solid {RULE}; margin: 1.5rem 0; }}
/* Boxed entries of a long list (the glossary, the take-homes), each with a details layer. */
.{CLASS} .entry {{ border: 1px solid {RULE}; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }}
.{CLASS} .entry > :last-child {{ margin-bottom: 0; }}
.{CLASS} .entry > h2 {{ font-size: 1rem; font-weight: 600; margin: 0 0 0.25rem; padding: 0; }}
.{CLASS} details {{ margin: 0.5rem 0; }}
.{CLASS} summary {{ cursor: pointer; }}
.{CLASS} .note {{ font-size: 0.875rem; color: {CAPTION_INK}; }}
.{CLASS} .badge {{ display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; font-size: 0.875rem;
  line-height: 1.5; white-space: nowrap; }}
/* Streamlit's own icon font (its @font-face), as its markdown draws :material/...: icons. */
.{CLASS} .{ICON} {{ font-family: "Material Symbols Rounded"; font-weight: 400; font-style: normal;
  font-size: 1.15em; line-height: 1; vertical-align: -0.2em; display: inline-block; letter-spacing: normal;
  text-transform: none; white-space: nowrap; direction: ltr; font-feature-settings: "liga";
  -webkit-font-smoothing: antialiased; user-select: none; }}
""" + "".join(f".{CLASS} .badge-{name} {{ background: {fill}; color: {ink}; }}\n"
              for name, (fill, ink) in BADGE.items()) + "</style>\n"


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
