"""Findings can be taken away: a table view kept in the URL, and what is filtered as CSV (issue 25, part 5)."""

from __future__ import annotations

import csv
import io

import pytest

from evidence import load_base
from evidence.findings import FindingsIndex, FindingsQuery, finding_rows
from tests.app.apptest_helpers import open_view, plain_tables

MANAGERS: list = []  # the media file manager of each run of _findings_csv, so its file can be read back
QUERY = FindingsQuery(topics=frozenset({"pain"}))


@pytest.fixture(scope="module")
def base():
    return load_base()


def test_the_table_view_has_one_row_per_finding_shown_and_stays_in_the_url(base):
    at = open_view("findings", topic="pain", display="table")
    assert not at.exception
    (table,) = [t for t in plain_tables(at) if "Finding" in t.columns]
    expected = FindingsIndex.build(base).select(QUERY)[:20]
    assert list(table.columns) == ["Finding", "Effect", "Certainty", "Topic", "Population", "Design", "Study"]
    assert len(table) == len(expected)
    assert list(table["Finding"]) == [r["Finding"] for r in finding_rows(expected, base)]
    assert at.query_params["display"] == "table"
    # The cards view is the default and leaves the URL clean.
    cards = open_view("findings", topic="pain")
    assert "display" not in cards.query_params
    assert not [t for t in plain_tables(cards) if "Finding" in t.columns]


def test_an_unknown_display_is_dropped_with_a_notice():
    at = open_view("findings", display="spreadsheet")
    assert not at.exception and "display" not in at.query_params


def _findings_csv() -> None:
    import sys

    from streamlit.runtime import Runtime

    from components.base_loader import base, findings_index
    from components.findings_export import csv_button
    from evidence.findings import FindingsQuery

    sys.modules["tests.app.test_findings_export"].MANAGERS.append(Runtime.instance().media_file_mgr)
    csv_button(findings_index().select(FindingsQuery(topics=frozenset({"pain"}))), base())


def test_the_csv_holds_exactly_the_filtered_findings_with_citation_and_link(base):
    from streamlit.testing.v1 import AppTest

    (button,) = [b.proto for b in open_view("findings", topic="pain").get("download_button")]
    assert button.deferred_file_id and not button.url, "the CSV was built while drawing the page"
    MANAGERS.clear()
    at = AppTest.from_function(_findings_csv, default_timeout=30)
    at.run()
    assert not at.exception
    (button,) = [b.proto for b in at.get("download_button")]
    url = MANAGERS[-1].execute_deferred(button.deferred_file_id)
    text = MANAGERS[-1].read_file(url.rsplit("/", 1)[1].split(".")[0]).content.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = FindingsIndex.build(base).select(QUERY)
    assert 20 < len(rows) == len(expected), "every page of matches, not only the one on screen"
    assert [r["Finding"] for r in rows] == [r["Finding"] for r in finding_rows(expected, base)]
    assert {"Kind", "Effect", "Certainty", "Topic", "Population", "Design", "Study", "Citation", "Link"} <= set(rows[0])
    assert all(r["Citation"] and r["Link"].startswith("http") for r in rows if r["Kind"] == "Study result")
    assert all("Pain" in r["Topic"] for r in rows)
