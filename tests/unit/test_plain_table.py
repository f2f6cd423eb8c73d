"""Tables as plain HTML: what the reader sees, escaped, in a box a keyboard can reach."""

from __future__ import annotations

import math

import pandas as pd

from components.plain_table import CLASS, LONG, table_html
from tests.app.apptest_helpers import TableReader


def _read(html: str) -> list[list[str]]:
    reader = TableReader()
    reader.feed(html)
    (table,) = reader.tables
    return table


def test_cells_read_back_as_shown_with_numbers_in_short_form():
    frame = pd.DataFrame({"Outcome": ["Pain", "Function"], "Estimate": [1.5, -0.25], "n": [40, 38],
                          "Note": [None, math.nan]})
    assert _read(table_html(frame, "Results")) == [
        ["Outcome", "Estimate", "n", "Note"], ["Pain", "1.5", "40", ""], ["Function", "-0.25", "38", ""]]


def test_text_from_the_records_is_escaped_not_run_as_markup():
    html = table_html(pd.DataFrame({"<b>Column</b>": ['<script>alert("x")</script> & more']}), 'A "label"')
    assert "<script>" not in html and "<b>" not in html
    assert _read(html) == [["<b>Column</b>"], ['<script>alert("x")</script> & more']]
    assert 'aria-label="A &quot;label&quot;"' in html


def test_the_box_is_a_named_region_a_keyboard_can_reach_with_column_and_row_headers():
    html = table_html(pd.DataFrame({"A": ["first", "second"], "B": [2, 3]}), "Two columns")
    assert html.startswith(f'<div class="{CLASS}" role="region" tabindex="0" aria-label="Two columns">')
    assert html.count('<th scope="col">') == 2
    assert '<th scope="row">first</th><td>2</td>' in html and '<th scope="row">second</th><td>3</td>' in html


def test_a_sentence_long_cell_gets_a_wider_column():
    html = table_html(pd.DataFrame({"Outcome": ["Pain", "Function"], "Note": ["short", "x" * LONG]}), "Notes")
    assert html.count('<td class="long">') == 1 and "<td>short</td>" in html
