"""Small tables as plain HTML, the one way the explorer draws a table that is not a data grid.

`st.table` sends the frame as Apache Arrow, so the browser first loads and compiles Streamlit's Arrow
reader (about 1 MB of JavaScript) and every page with a table paid that on its first visit. Our tables
are a few dozen short text cells: HTML is what the browser shows anyway, screen readers read it as a
table, it prints, and a wide one scrolls sideways inside its own keyboard-reachable box on a phone.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd
import streamlit as st

from components.palette import LINK, RULE

# Read by the app tests (tests/app/apptest_helpers.py) and the browser tests to find the tables.
CLASS = "plain-table"

CSS = f"""
<style>
.{CLASS} {{ overflow-x: auto; margin-bottom: 1rem; }}
.{CLASS}:focus-visible {{ outline: 2px solid {LINK}; outline-offset: 2px; }}
.{CLASS} table {{ border-collapse: collapse; width: 100%; font-size: 0.95rem; }}
.{CLASS} th, .{CLASS} td {{ text-align: left; vertical-align: top; padding: 0.4rem 0.75rem;
  border-bottom: 1px solid {RULE}; }}
.{CLASS} thead th {{ font-weight: 600; border-bottom-width: 2px; }}
.{CLASS} tbody th {{ font-weight: 400; }}  /* the row's name */
/* On a phone, squeezed to the screen, a column would get one word a line and a note a row a screen tall:
   give columns a readable width and let the box scroll sideways instead. */
@media (max-width: 640px) {{
  .{CLASS} th, .{CLASS} td {{ min-width: 4rem; }}
  .{CLASS} tbody th {{ min-width: 8rem; }}
  .{CLASS} .long {{ min-width: 14rem; }}
}}
</style>
"""

LONG = 40  # characters: a cell this long reads as a sentence and gets a wider column


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _cell(value: object, tag: str = "td") -> str:
    text = _text(value)
    attributes = (' scope="row"' if tag == "th" else "") + (' class="long"' if len(text) >= LONG else "")
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def table_html(frame: pd.DataFrame, label: str) -> str:
    """The frame as a table inside a box that scrolls sideways when it must; `label` names that box."""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in frame.columns)
    # The first column names the row (the outcome, the article, the level): a row header for screen readers.
    body = "".join("<tr>" + _cell(first, "th") + "".join(_cell(v) for v in rest) + "</tr>"
                   for first, *rest in frame.itertuples(index=False, name=None))
    # tabindex: a box that scrolls must be reachable by keyboard (WCAG 2.1.1), the way a sighted
    # visitor on a phone reaches the columns off screen.
    return (f'<div class="{CLASS}" role="region" tabindex="0" aria-label="{escape(label)}">'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def plain_table(frame: pd.DataFrame, label: str) -> None:
    st.html(table_html(frame, label))
