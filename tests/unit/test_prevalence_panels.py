"""Issue #13: new cases (incidence) and existing cases (prevalence) never share a panel or an axis."""

from __future__ import annotations

from components.prevalence_chart import panels, prevalence_figure
from evidence.load import load_base
from evidence.model import RecallPeriod
from evidence.prevalence import prevalence_by_period

BASE = load_base()


def test_the_shipped_base_has_incidence_and_prevalence_with_the_same_recall_period():
    """Guards the test below: it only proves something if such a pair exists."""
    mixed = [f for f in BASE.prevalence.values() if f.recall_period is RecallPeriod.MIXED]
    assert {f.measure for f in mixed} == {"prevalence", "incidence"}


def test_each_panel_holds_one_measure_and_one_recall_period():
    groups = prevalence_by_period(BASE.prevalence.values())
    shown = panels(groups)
    assert sum(len(fs) for _, _, fs in shown) == len(BASE.prevalence)
    for period, measure, figures in shown:
        assert {f.measure for f in figures} == {measure}
        assert {f.recall_period for f in figures} == {period}


def test_incidence_is_drawn_on_its_own_axis_with_its_own_title():
    groups = prevalence_by_period(BASE.prevalence.values())
    figure = prevalence_figure(groups, BASE)
    layout = figure.layout
    axes = [name for name in layout if name.startswith("xaxis")]
    assert len(axes) == len(panels(groups))
    assert all(getattr(layout, name).matches is None for name in axes), "no axis may be linked to another"
    titles = [getattr(layout, name).title.text for name in axes]
    assert any(t and "incidence" in t for t in titles) and any(t and "existing cases" in t for t in titles)
    incidence_traces = [t for t in figure.data if "new cases" in t.y[0]]
    prevalence_traces = [t for t in figure.data if "new cases" not in t.y[0]]
    assert incidence_traces and prevalence_traces
    assert {t.xaxis for t in incidence_traces}.isdisjoint({t.xaxis for t in prevalence_traces})
