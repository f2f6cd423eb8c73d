"""The 'Share this view' panel is on every page, and its link, QR code and citation describe the view on screen."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from components.site import BY_PATH, PAGES
from evidence import load_base
from evidence.links import DEFAULT_ORIGIN

from .apptest_helpers import APP, open_view, share_panel


def _panel(at: AppTest):
    return share_panel(at)


def _link(at: AppTest) -> str:
    return _panel(at).code[0].value


def _citation(at: AppTest) -> str:
    return _panel(at).code[1].value


def _query(url: str) -> dict[str, list[str]]:
    """The view's parameters; the release version every link carries (v=) is checked in test_living_links.py."""
    query = parse_qs(urlsplit(url).query)
    query.pop("v", None)
    return query


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_has_the_share_panel(spec):
    at = open_view(spec.url_path)
    assert not at.exception, [e.value for e in at.exception]
    panel = _panel(at)
    expected = f"{DEFAULT_ORIGIN}/" + ("" if spec.default else spec.url_path)
    assert _link(at).split("?")[0] == expected
    assert len(panel.image) == 1 and panel.image[0].proto.imgs[0].alt.startswith("QR code")
    assert f"{spec.title} view. {_link(at)}." in _citation(at)
    assert any("@media print" in h.value for h in at.html), "the print stylesheet is missing"


def test_link_carries_the_current_filters():
    at = open_view("findings", topic=["pain"])
    assert not at.exception
    assert "topic=pain" in _link(at)
    assert _query(_link(at)) == {"topic": ["pain"]}


def test_lists_are_repeated_keys_and_round_trip():
    at = open_view("findings", topic=["pain", "disability"], design=["rct"])
    assert not at.exception
    query = _query(_link(at))
    assert sorted(query["topic"]) == ["disability", "pain"] and query["design"] == ["rct"]
    # Opening the shared link gives the same link back.
    again = open_view("findings", **query)
    assert _query(_link(again)) == query


def test_a_value_the_page_drops_is_not_shared():
    # The panel is redrawn after the page, so it shares the query string the page settled on.
    at = open_view("findings", topic=["pain", "no-such-topic"])
    assert not at.exception
    assert _query(_link(at)) == {"topic": ["pain"]}


def test_presentation_mode_has_the_panel_with_the_slide_in_the_link():
    at = open_view("take-homes", present="1", slide="2")
    assert not at.exception
    query = _query(_link(at))
    assert query["present"] == ["1"] and query["slide"] == ["2"]


def test_uses_the_browser_address_when_there_is_one():
    at = AppTest.from_file(APP, default_timeout=60)
    at.context["url"] = "https://evidence.example/base/findings"
    at.query_params["topic"] = ["pain"]
    at.run()
    at.switch_page(BY_PATH["findings"].file)
    at.run()
    # Every shared link ends with the release it was made with (v=, see test_living_links.py).
    version = load_base().meta.version
    assert _link(at) == f"https://evidence.example/base/findings?topic=pain&v={version}"


def _page_with_studies(ids: list[str]) -> None:
    from components import share

    share.begin_run()
    share.shows_studies(ids)
    share.shows_studies(ids[:1])  # naming a study twice lists it once
    share.share_panel()  # drawn once, after the page named its studies


def test_cite_this_view_lists_the_studies_the_page_names():
    from evidence.outputs.export import vancouver
    from tests.shipped import shipped_base

    evidence = shipped_base()
    ids = [s.id for s in evidence.studies.values() if s.doi][:2] + ["not-a-study"]
    at = AppTest.from_function(_page_with_studies, args=(ids,), default_timeout=30)
    at.run()
    assert not at.exception
    citation = _citation(at)
    assert "Studies shown in this view:" in citation
    for n, sid in enumerate(ids[:2], start=1):
        study = evidence.studies[sid]
        assert f"{n}. {vancouver(study)} doi:{study.doi}" in citation
    assert "3." not in citation.split("Studies shown in this view:")[1]



def _download_buttons() -> None:
    import pandas as pd
    import plotly.graph_objects as go

    from components.chart_export import chart_downloads
    from components.base_loader import base
    from components.handout import handout_button
    from evidence.selections import take_homes

    handout_button(take_homes(base(), ["pain"]))
    handout_button([], key="no_handout")
    chart_downloads(go.Figure(go.Bar(x=["a"], y=[1])), "demo-chart", "Source: a test.", pd.DataFrame({"a": [1]}))


def test_downloads_are_built_on_click_not_on_every_run():
    from components import chart_export, handout

    handout._cache.clear()
    chart_export._cache.clear()
    at = AppTest.from_function(_download_buttons, default_timeout=30)
    at.run()
    assert not at.exception
    buttons = {b.proto.label: b.proto for b in at.get("download_button") if not b.proto.disabled}
    assert set(buttons) == {handout.LABEL, "Chart as PNG", "Chart as SVG", "Data as CSV"}
    for label in (handout.LABEL, "Chart as PNG", "Chart as SVG"):
        assert buttons[label].deferred_file_id, f"{label!r} should be built when clicked (deferred)"
    assert not handout._cache and not chart_export._cache, "a download was built while drawing the page"
    disabled = [b.proto for b in at.get("download_button") if b.proto.disabled]
    assert [b.label for b in disabled] == [handout.LABEL], "with no take-homes the handout button is disabled"
