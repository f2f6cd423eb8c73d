"""The evidence-map page under AppTest: the map, its table, picking a cell, gaps, timeline, slides."""

from __future__ import annotations

import json
import re

import pytest

from evidence.evidence_map import cell_name, evidence_map
from tests.app.apptest_helpers import open_view, plain_tables, texts
from tests.shipped import shipped_base

STUDY_LINK = re.compile(r"\(study\?study=([a-z0-9-]+)\)")


@pytest.fixture(scope="module")
def base():
    return shipped_base()


@pytest.fixture(scope="module")
def cells(base):
    return evidence_map(base)


def _no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _linked_studies(at) -> list[str]:
    return [sid for t in texts(at) for sid in STUDY_LINK.findall(t)]


def _chart(at, n: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[n].proto.spec)


def _map_table(at):
    expander = next(e for e in at.expander if e.label.startswith("The map as a table"))
    return plain_tables(expander)[0]


def test_page_runs_with_map_and_timeline(base, cells):
    at = open_view("evidence-map")
    _no_exception(at)
    assert at.title[0].value == "Evidence map"
    charts = at.get("plotly_chart")
    assert len(charts) == 2, "the map and the timeline"
    assert all(c.proto.alt for c in charts), "every chart needs alt text"
    assert _linked_studies(at) == [], "no cell is chosen, so no study is listed"
    assert all("selectedpoints" not in t for t in _chart(at)["data"]), "nothing is highlighted without ?cell="


def test_table_has_one_row_per_non_empty_cell(cells):
    at = open_view("evidence-map")
    table = _map_table(at)
    filled = [c for c in cells if not c.is_gap]
    assert len(table) == len(filled)
    assert list(zip(table["Topic"], table["Population"])) == [(c.topic.label, c.population.label) for c in filled]
    assert list(table["Studies"]) == [len(c.study_ids) for c in filled]


def test_chart_points_carry_their_cell_keys(cells):
    at = open_view("evidence-map")
    spec = _chart(at)
    gap_traces = [t for t in spec["data"] if t["mode"] == "text"]
    bubble_keys = [k for t in spec["data"] if t["mode"] != "text" for k in t["customdata"]]
    assert sorted(bubble_keys) == sorted(c.key for c in cells if not c.is_gap)
    assert len(gap_traces) == 1 and sorted(gap_traces[0]["customdata"]) == sorted(c.key for c in cells if c.is_gap)
    assert set(gap_traces[0]["text"]) == {"gap"}


def test_real_cell_lists_exactly_its_studies(base, cells):
    cell = max((c for c in cells if not c.is_gap), key=lambda c: len(c.study_ids))
    at = open_view("evidence-map", cell=cell.key)
    _no_exception(at)
    assert sorted(_linked_studies(at)) == sorted(cell.study_ids)
    assert at.selectbox(key="cell").value == cell.key
    assert cell_name(cell) in [h.value for h in at.header]
    for claim_id in cell.claim_ids:
        assert any(base.take_homes[claim_id].statement in t for t in texts(at))
    # The chart highlights the same cell, so a shared link shows it on the map too.
    highlighted = [t["customdata"][i] for t in _chart(at)["data"] for i in t.get("selectedpoints") or []]
    assert highlighted == [cell.key]


def test_bogus_cell_gives_a_notice(cells):
    at = open_view("evidence-map", cell="bogus")
    _no_exception(at)
    assert any("bogus" in i.value for i in at.info)
    assert _linked_studies(at) == []
    assert at.selectbox(key="cell").value == ""


def test_gap_cell_says_it_is_a_gap(cells):
    gap = next(c for c in cells if c.is_gap)
    at = open_view("evidence-map", cell=gap.key)
    _no_exception(at)
    assert any("gap" in i.value and cell_name(gap).lower() in i.value for i in at.info)


def test_size_from_the_url_sets_the_toggle_and_the_bubbles(cells):
    at = open_view("evidence-map", size="studies")
    _no_exception(at)
    assert at.radio(key="size").value == "studies"
    spec = _chart(at)
    by_key = {c.key: c for c in cells}
    for trace in spec["data"]:
        if trace["mode"] == "text":
            continue
        assert trace["marker"]["size"] == [8 + 5 * len(by_key[k].study_ids) for k in trace["customdata"]]

    default = open_view("evidence-map")
    assert default.radio(key="size").value == "participants"
    assert "size" not in default.query_params
    # Sized by participants, a cell whose studies report no head count is marked (a dot), not drawn tiny.
    for trace in _chart(default)["data"]:
        if trace["mode"] == "text":
            continue
        for key, symbol in zip(trace["customdata"], trace["marker"]["symbol"]):
            assert symbol.endswith("-dot") == (by_key[key].participants == 0), key


def test_choosing_a_cell_writes_the_url(cells):
    cell = next(c for c in cells if not c.is_gap and len(c.study_ids) == 1)
    at = open_view("evidence-map")
    at.selectbox(key="cell").set_value(cell.key).run()
    _no_exception(at)
    value = at.query_params["cell"]
    assert (value if isinstance(value, list) else [value]) == [cell.key]
    assert _linked_studies(at) == list(cell.study_ids)


def test_gaps_are_listed_in_words(cells):
    at = open_view("evidence-map")
    gaps = [c for c in cells if c.is_gap]
    assert any(f"({len(gaps)} gaps on the map)" in t for t in texts(at))
    listing = next(t for t in texts(at) if t.startswith("- **"))
    for gap in gaps:
        line = next(line for line in listing.splitlines() if line.startswith(f"- **{gap.topic.label}**"))
        assert gap.population.label.lower() in line.split(": ", 1)[1].split(" · ")
    assert sum(len(line.split(" · ")) for line in listing.splitlines()) == len(gaps)


def test_timeline_summary_comes_from_the_data(base):
    at = open_view("evidence-map")
    years = [s.year for s in base.studies.values()]
    assert any(f"{len(base.studies)} studies published from {min(years)} to {max(years)}" in t
               for t in texts(at))
    spec = _chart(at, 1)
    assert sorted(i for t in spec["data"] for i in t["customdata"]) == sorted(base.studies)
    assert any(f"{len(base.studies)} studies, last reviewed" in c.value for c in at.caption)


def test_presentation_slide_two_is_the_timeline():
    at = open_view("evidence-map", present="1", slide="2")
    _no_exception(at)
    assert any(m.value == "**Slide 2 of 3**" for m in at.markdown)
    assert at.title[0].value == "How the evidence grew"
    assert len(at.get("plotly_chart")) == 1


def test_presentation_slide_three_lists_the_gaps(cells):
    at = open_view("evidence-map", present="1", slide="3")
    assert at.title[0].value == "Evidence gaps"
    assert any(f"({sum(c.is_gap for c in cells)} gaps on the map)" in t for t in texts(at))
