"""Small tables as plain HTML, the one way the explorer draws a table that is not a data grid.

`st.table` makes a first visit load Streamlit's Arrow reader for a few dozen short text cells
(docs/decisions.md, Plain tables). HTML is read as a table by screen readers, prints, and a wide one scrolls
sideways inside its own keyboard-reachable box on a phone.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd
import streamlit as st

# Read by the app tests (tests/app/apptest_helpers.py) and the browser tests to find the tables; styled by
# assets/table.css.
CLASS = "plain-table"

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
