"""Pages that start somewhere (issue #11, item 8: the Study page's list) and every chart's downloads (item 5)."""

from __future__ import annotations

import re

import pytest

from evidence.model import Verification
from evidence.selections import STUDY_ORDERS, studies_in_order
from tests.app.apptest_helpers import open_view, texts
from tests.shipped import shipped_base

STUDY_LINK = re.compile(r"^- \[(.+)\]\(study\?study=([a-z0-9-]+)\)", re.M)


@pytest.fixture(scope="module")
def base():
    return shipped_base()


def _listed(at) -> list[str]:
    text = next((t for t in texts(at) if STUDY_LINK.search(t)), "")
    return [m.group(2) for m in STUDY_LINK.finditer(text)]


def test_study_page_without_a_study_lists_every_study_newest_first(base):
    """Regression: with no study chosen the page was an empty selectbox."""
    at = open_view("study")
    assert not at.exception
    listed = _listed(at)
    assert sorted(listed) == sorted(base.studies)
    years = [base.studies[s].year for s in listed]
    assert years == sorted(years, reverse=True)
    text = next(t for t in texts(at) if STUDY_LINK.search(t))
    for study in base.studies.values():  # design, year, n and verification, in words
        line = text[text.index(f"(study?study={study.id})"):].split("\n- ")[0]
        assert f"[{study.short_citation}: " in text, study.id
        assert study.design.label in line and str(study.year) in line and study.verified.label in line, study.id
        people = f"{study.sample_size:,} participants" if study.sample_size else "participants not reported"
        assert people in line, study.id
    assert {s.verified for s in base.studies.values()} == set(Verification), "the base should show both statuses"


@pytest.mark.parametrize("order", list(STUDY_ORDERS))
def test_the_list_sorts_by_the_url(base, order):
    at = open_view("study", order=order)
    assert at.radio(key="order").value == order
    assert _listed(at) == [s.id for s in studies_in_order(base, order)]


def test_sorting_writes_the_url_and_reorders(base):
    at = open_view("study")
    at.radio(key="order").set_value("size").run()
    assert at.query_params["order"] == "size"
    sizes = [base.studies[s].sample_size or -1 for s in _listed(at)]
    assert sizes == sorted(sizes, reverse=True)


def test_a_chosen_study_shows_no_list(base):
    at = open_view("study", study="belavy-2017-running-discs")
    assert _listed(at) == [] and not any(r.key == "order" for r in at.radio)


# ---- every chart downloadable --------------------------------------------------------------

CHART_BUTTONS = ("Chart as PNG", "Chart as SVG", "Data as CSV")


def _files(at) -> list[tuple[str, str]]:
    """(label, chart name) of each chart download button (its widget key is chart-<name>-<format>)."""
    out = []
    for b in at.get("download_button"):
        if b.proto.label in CHART_BUTTONS:
            name = re.search(r"chart-(.+)-(png|svg|csv)$", b.proto.id)
            out.append((b.proto.label, name.group(1) if name else b.proto.id))
    return out


@pytest.mark.parametrize("path, params, charts", [
    ("evidence-map", {}, ["evidence-map", "evidence-timeline"]),
    ("claim-check", {}, ["claim-check-verdicts-by-article"]),
    ("claim-check", {"claims": "all"}, ["claim-check-verdicts-by-article"]),
    ("prevalence", {}, ["back-pain-prevalence"]),
])
def test_each_chart_page_has_png_svg_and_csv_downloads(path, params, charts):
    at = open_view(path, **params)
    assert not at.exception
    found = _files(at)
    for chart in charts:
        assert sorted(label for label, name in found if name == chart) == sorted(CHART_BUTTONS), (chart, found)
    assert len(found) == 3 * len(charts), found


MANAGERS: list = []  # the media file manager of each run of _reference_exports, so its files can be read back


def _reference_exports() -> None:
    import sys

    from streamlit.runtime import Runtime

    from components.base_loader import base
    from components.reference_export import export_buttons
    from evidence.selections import filter_studies

    sys.modules["tests.app.test_landing_and_downloads"].MANAGERS.append(Runtime.instance().media_file_mgr)
    evidence = base()
    export_buttons(filter_studies(evidence, ["pain"], [], [], 0, 9999, ""), evidence)


def test_references_exports_are_built_on_click_and_hold_exactly_the_filtered_studies(base):
    from streamlit.testing.v1 import AppTest

    from evidence.outputs.export import export
    from evidence.selections import filter_studies

    at = open_view("references", topic="pain")
    buttons = [b.proto for b in at.get("download_button")]
    assert [b.label for b in buttons] == ["CSV", "BibTeX", "RIS (EndNote, Zotero)", "CSL-JSON"]
    assert all(b.deferred_file_id and not b.url for b in buttons), "an export was built while drawing the page"
    assert all(b.disabled for b in open_view("references", q="no study says this").get("download_button"))

    MANAGERS.clear()
    at = AppTest.from_function(_reference_exports, default_timeout=30)
    at.run()
    assert not at.exception
    studies = filter_studies(base, ["pain"], [], [], 0, 9999, "")
    assert 0 < len(studies) < len(base.studies)
    for button, fmt in zip((b.proto for b in at.get("download_button")), ("csv", "bibtex", "ris", "csljson")):
        url = MANAGERS[-1].execute_deferred(button.deferred_file_id)
        content = MANAGERS[-1].read_file(url.rsplit("/", 1)[1].split(".")[0]).content
        assert content.decode("utf-8") == export(base, fmt, "studies", studies), fmt
