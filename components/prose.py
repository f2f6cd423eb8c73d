"""Long static text drawn as HTML made on the server, not as markdown the browser parses.

Streamlit renders `st.markdown` in the browser, on its main thread, on every first visit, even inside a closed
expander. The change log (17,000 characters) as markdown costs a bare page 11-19% more time to rendered; as HTML,
0-3% (benchmarks/element_cost_app.py, `long_*`). So long blocks are rendered here, once per text, with a
CommonMark parser, and sent with `st.html`.

The text stays markdown, written as for `st.markdown`: the same escapes (components/change_notice.md), the
same badges (`:blue-badge[...]`, drawn with our palette). Two differences are deliberate: raw HTML in the text
is shown as text, never run, and Material icons (`:material/name:`) are refused, as their font is Streamlit's
to load; keep icons to `st.markdown`. A link to one of our pages (a relative address) is marked like the
sidebar's, so a plain click stays inside the app (components/theme.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import streamlit as st
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from components.nav import IN_APP
from components.palette import BADGE, LINK, RULE

CLASS = "prose"
_BADGE_START = re.compile(r":([a-z]+)-badge\[")

CSS = f"""
<style>
.{CLASS} > :last-child {{ margin-bottom: 0; }}
.{CLASS} a {{ color: {LINK}; text-decoration: underline; }}
.{CLASS} ol, .{CLASS} ul {{ padding-left: 1.6rem; }}
.{CLASS} li {{ margin: 0.35rem 0; }}
.{CLASS} hr {{ border: 0; border-top: 1px solid {RULE}; margin: 1.5rem 0; }}
.{CLASS} .badge {{ display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; font-size: 0.875rem;
  line-height: 1.5; white-space: nowrap; }}
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


def _link_open(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if not urlsplit(href).scheme and not href.startswith(("#", "//")):
        token.attrSet(IN_APP, "")
    return renderer.renderToken(tokens, idx, options, env)


# CommonMark, raw HTML off: curated text is shown, never run.
_PARSER = MarkdownIt("commonmark", {"html": False})
_PARSER.inline.ruler.before("link", "badge", _badge)
_PARSER.add_render_rule("link_open", _link_open)


@lru_cache(maxsize=2048)
def to_html(text: str) -> str:
    """`text` (markdown, as for st.markdown) as the HTML `prose` sends; the same text is parsed once."""
    if ":material/" in text:
        raise ValueError("prose cannot draw Material icons; use st.markdown for text with icons")
    return f'<div class="{CLASS}">{_PARSER.render(text)}</div>'


def prose(text: str) -> None:
    """Draw `text` (markdown) where st.markdown would, at a fraction of the browser's work."""
    st.html(to_html(text))
