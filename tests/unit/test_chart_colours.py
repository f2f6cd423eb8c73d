"""Every chart is white paper with readable words in both colour schemes (issue #24).

Streamlit's chart theme fills in every colour a figure leaves unset from its active theme: on its dark theme the
paper turned dark under our dark words. So each figure, as the pages draw it (components/charts.py on_paper),
sets its paper and every text colour, and each text colour has 4.5:1 on what it is drawn on.
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from components.charts import on_paper
from components.claim_check import verdict_figure
from components.evidence_map_chart import map_figure
from components.prevalence_chart import prevalence_figure
from components.timeline_chart import timeline_figure
from evidence.evidence_map import evidence_map
from evidence.palette import CHART_PAPER
from evidence.prevalence import prevalence_by_period
from evidence.verdicts import counts_by_article
from tests.shipped import shipped_base
from tests.unit.test_palette import contrast

BASE = shipped_base()
CELLS = evidence_map(BASE)
FIGURES = {
    "evidence map": lambda: map_figure(CELLS),
    "evidence map, one cell chosen": lambda: map_figure(CELLS, chosen=next(c.key for c in CELLS if not c.is_gap)),
    "claim check": lambda: verdict_figure(BASE, counts_by_article(BASE)),
    "prevalence": lambda: prevalence_figure(prevalence_by_period(BASE.prevalence.values()), BASE),
    "timeline": lambda: timeline_figure(list(BASE.studies.values())),
}
# What Streamlit's theme sets from the active theme (its PlotlyChart's template), by path in the figure's layout.
THEMED = ("paper_bgcolor", "plot_bgcolor", "font.color", "legend.font.color", "hoverlabel.bgcolor",
          "hoverlabel.font.color")


def _text_colours(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, colour) of every font colour the figure states (plotly's template: trace kinds no chart draws)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "template":
                continue
            if key in ("font", "textfont", "tickfont") and isinstance(value, dict) and value.get("color"):
                yield f"{path}.{key}", value["color"]
            yield from _text_colours(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _text_colours(value, f"{path}[{i}]")


@pytest.mark.parametrize("name", FIGURES)
def test_a_chart_states_its_paper_and_its_words_are_readable_on_it(name):
    figure = on_paper(FIGURES[name]()).to_plotly_json()
    layout = figure["layout"]
    unset = [path for path in THEMED if _get(layout, path) is None]
    assert not unset, f"{name}: left to Streamlit's theme, so dark on its dark theme: {unset}"
    assert layout["paper_bgcolor"] == layout["plot_bgcolor"] == CHART_PAPER
    for axis in (k for k in layout if k.startswith(("xaxis", "yaxis"))):
        assert _get(layout, f"{axis}.tickfont.color") and _get(layout, f"{axis}.title.font.color"), (name, axis)
    low = []
    for trace in figure["data"]:
        # Words inside a bar sit on the bar's fill; every other word on the paper.
        on = trace["marker"]["color"] if trace["type"] == "bar" else CHART_PAPER
        low += [(f"trace {trace.get('name')}{path}", colour, on) for path, colour in _text_colours(trace)
                if contrast(colour, on) < 4.5]
    low += [(f"layout{path}", colour, CHART_PAPER) for path, colour in _text_colours(layout)
            if contrast(colour, CHART_PAPER) < 4.5]
    assert not low, f"{name}: words below 4.5:1 on what they are drawn on: {low}"


def _get(node: dict, path: str) -> Any:
    for key in path.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node
