"""The evidence map chart (topic × population bubbles), its table, caption and gaps list, and its slides.

Colours never work alone (evidence/palette.py): each direction also has its own marker shape and
its word in the legend and hover, certainty is written under each bubble, and gaps are marked with
the word "gap".
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import cached_figure, cached_table, downloads, source_line, wrap
from evidence.palette import CHART_CONFIG, DIRECTION_STYLE, FADED_INK, GAP_INK, GRID, INK, WHITE
from components.plain_table import plain_table
from components.present import Slide
from components.timeline_chart import draw_timeline
from evidence import EvidenceBase
from evidence.evidence_map import MapCell, cell_name, map_gaps
from evidence.facets import SIZE
from evidence.grade import symbol_and_label
from evidence.model import PopulationTag, Topic

SIZES = SIZE.options  # evidence/facets.py declares them


def certainty_text(cell: MapCell) -> str:
    """The word under a bubble: short enough for a 40 px column on a phone."""
    return cell.best_certainty.label.lower() if cell.best_certainty else "—"


def best_certainty(cell: MapCell) -> str:
    """'⊕⊕◯◯ Low', the best certainty of a take-home covering the cell, for the hover and table."""
    return symbol_and_label(cell.best_certainty) if cell.best_certainty else "No take-home"


def participants_text(cell: MapCell) -> str:
    return f"{cell.participants:,}" if cell.participants else "not reported"


# Column heads short enough for a phone; the table and the hover use the full labels.
_COLUMN = {PopulationTag.CHRONIC_LBP: "Chronic back pain", PopulationTag.CHILDREN: "Children, teens",
           PopulationTag.GENERAL_POPULATION: "General population", PopulationTag.MIDDLE_AGED: "Middle-aged"}


def _column(population: PopulationTag) -> str:
    return wrap(_COLUMN.get(population, population.label), 10)


def _unsized(cell: MapCell, size: str) -> bool:
    """Sized by participants, but none of the cell's studies says how many people took part (most reviews)."""
    return size == "participants" and not cell.participants


def _bubble(cell: MapCell, size: str) -> float:
    if size == "studies":
        return 8 + 5 * len(cell.study_ids)
    if _unsized(cell, size):
        return 20  # a fixed middling size, marked with a dot, rather than a misleadingly tiny bubble
    return 8 + 4.5 * math.log10(cell.participants + 1)


def _symbol(symbol: str, cell: MapCell, size: str) -> str:
    return f"{symbol}-dot" if _unsized(cell, size) else symbol


# When one cell is chosen the others fade, but their words stay readable.
_FADED = dict(marker=dict(opacity=0.35), textfont=dict(color=FADED_INK))


def _selected(keys: list[str], chosen: str | None) -> list[int] | None:
    """Plotly's selectedpoints for a trace: the chosen cell's index, [] (all faded), or None (no selection)."""
    return None if chosen is None else [i for i, k in enumerate(keys) if k == chosen]


def map_figure(cells: list[MapCell], size: str = "participants", *, big: bool = False,
               chosen: str | None = None) -> go.Figure:
    """`big` is for a projector: larger type, same encodings. `chosen` highlights that cell (from ?cell=)."""
    grow = 1.35 if big else 1.0
    topics = [wrap(t.label, 16) for t in Topic]
    populations = [_column(p) for p in PopulationTag]
    fig = go.Figure()
    for direction, (colour, symbol) in DIRECTION_STYLE.items():
        shown = [c for c in cells if not c.is_gap and c.direction is direction]
        if not shown:
            continue
        fig.add_trace(go.Scatter(
            x=[_column(c.population) for c in shown], y=[wrap(c.topic.label, 16) for c in shown],
            mode="markers+text", name=direction.label, customdata=[c.key for c in shown],
            text=[certainty_text(c) for c in shown], textposition="bottom center",
            textfont=dict(size=round(11 * grow), color=INK),
            marker=dict(color=colour, symbol=[_symbol(symbol, c, size) for c in shown],
                        size=[_bubble(c, size) for c in shown], opacity=0.9, line=dict(color=INK, width=1)),
            hovertext=[f"<b>{cell_name(c)}</b><br>{len(c.study_ids)} stud{'y' if len(c.study_ids) == 1 else 'ies'}, "
                       f"participants: {participants_text(c)}<br>Direction: {direction.label}<br>"
                       f"Best certainty: {best_certainty(c)}<br>Click to list the studies" for c in shown],
            hovertemplate="%{hovertext}<extra></extra>",
            selectedpoints=_selected([c.key for c in shown], chosen), unselected=_FADED,
        ))
    gaps = [c for c in cells if c.is_gap]
    if gaps:
        fig.add_trace(go.Scatter(
            x=[_column(c.population) for c in gaps], y=[wrap(c.topic.label, 16) for c in gaps],
            mode="text", text=["gap"] * len(gaps), textfont=dict(size=round(11 * grow), color=GAP_INK, style="italic"),
            name="gap: no studies yet", customdata=[c.key for c in gaps],
            hovertext=[f"No studies yet: {cell_name(c)}" for c in gaps], hovertemplate="%{hovertext}<extra></extra>",
            selectedpoints=_selected([], chosen), unselected=dict(textfont=dict(color=GAP_INK)),
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=populations, side="top", showgrid=True,
                     gridcolor=GRID, tickfont=dict(size=round(12 * grow), color=INK), autotickangles=[0, 90])
    fig.update_yaxes(categoryorder="array", categoryarray=topics, autorange="reversed", showgrid=True,
                     gridcolor=GRID, automargin=True, tickfont=dict(size=round(12 * grow), color=INK))
    fig.update_layout(height=80 + 62 * len(Topic), margin=dict(l=10, r=10, t=70, b=10), plot_bgcolor=WHITE,
                      font=dict(size=round(13 * grow), color=INK), clickmode="event+select", dragmode=False,
                      legend=dict(orientation="h", y=-0.03, yanchor="top", title_text="Which way results point:"))
    return fig


def map_alt(cells: list[MapCell], size: str) -> str:
    filled = [c for c in cells if not c.is_gap]
    return (f"Evidence map: {len(Topic)} outcome topics by {len(PopulationTag)} groups of people. "
            f"{len(filled)} cells have studies and {len(cells) - len(filled)} are gaps. Bubble size shows "
            f"{SIZES[size].lower()}; colour and shape show the direction of results. "
            "The same data is in the table below.")


def map_table(cells: list[MapCell]) -> pd.DataFrame:
    """One row per non-empty cell: exactly what the bubbles encode."""
    rows = [{"Topic": c.topic.label, "Population": c.population.label, "Studies": len(c.study_ids),
             "Participants": participants_text(c), "Direction": c.direction.label if c.direction else "",
             "Best certainty": best_certainty(c)} for c in cells if not c.is_gap]
    return pd.DataFrame(rows)


def map_caption(evidence: EvidenceBase, size: str) -> str:
    scale = ("Bubble area grows with the logarithm of participants, so a bubble a little bigger can mean many "
             "times more people; reports of the same trial count its people once. A dot in the middle of a shape: "
             "its studies do not say how many people took part, so its size means nothing."
             if size == "participants" else "Bubble size grows with the number of studies.")
    return (f"{source_line(evidence)} {scale} Colour and shape show which way the results point for whatever "
            "each study looked at (running, activity, sitting, weight...), so “harm” in a cell is not always about "
            "running: open the cell to see. Under each bubble: how sure the best take-home for that cell is "
            "(high, moderate, low or very low certainty), or “—” when no take-home covers it yet.")


def draw_map(cells: list[MapCell], evidence: EvidenceBase, size: str, *, on_pick=None, big: bool = False,
             chosen: str | None = None, with_downloads: bool = False) -> None:
    """The map chart and its caption (and its downloads). `on_pick(cell_key)` runs when a bubble is clicked."""
    figure = cached_figure(evidence, ("map", size, big, chosen),
                           lambda: map_figure(cells, size, big=big, chosen=chosen))
    if on_pick is None:
        st.plotly_chart(figure, config=CHART_CONFIG, alt=map_alt(cells, size))
    else:
        known = {c.key for c in cells if not c.is_gap}

        def picked() -> None:
            points = st.session_state["map_chart"].selection.points
            key = next((p.get("customdata") for p in points if p.get("customdata") in known), None)
            if key:
                on_pick(key)

        st.plotly_chart(figure, config=CHART_CONFIG, alt=map_alt(cells, size), key="map_chart", on_select=picked,
                        selection_mode="points")
    caption = map_caption(evidence, size)
    st.caption(caption)
    if with_downloads:
        what = f"Evidence map: outcome topics by group of people, bubble size by {SIZES[size].lower()}"
        downloads(evidence, figure, "evidence-map", what, caption, shown_map_table(cells, evidence))


def shown_map_table(cells: list[MapCell], evidence: EvidenceBase) -> pd.DataFrame:
    """The map's table as drawn (and downloaded), built once per version of the base."""
    return cached_table(evidence, ("map",), lambda: map_table(cells))


def map_table_expander(cells: list[MapCell], evidence: EvidenceBase) -> None:
    filled = [c for c in cells if not c.is_gap]
    with st.expander(f"The map as a table ({len(filled)} cells with studies)"):
        plain_table(shown_map_table(cells, evidence), "The evidence map as a table")


def gaps_markdown(cells: list[MapCell]) -> str:
    gaps = map_gaps(cells)
    if not gaps:
        return "Every topic has been studied in every group."
    return "\n".join(f"- **{topic.label}** in: " + " · ".join(p.label.lower() for p in pops)
                     for topic, pops in gaps.items())


def draw_gaps(cells: list[MapCell]) -> None:
    count = sum(c.is_gap for c in cells)
    st.markdown(f"No study in the base has measured these yet ({count} gaps on the map):")
    st.markdown(gaps_markdown(cells))


def map_slides(cells: list[MapCell], evidence: EvidenceBase, size: str) -> list[Slide]:
    source = source_line(evidence).removeprefix("Source: ")
    return [
        Slide("Evidence map: who was studied, for what", lambda: draw_map(cells, evidence, size, big=True), source),
        Slide("How the evidence grew", lambda: draw_timeline(evidence, with_table=False), source),
        Slide("Evidence gaps", lambda: draw_gaps(cells), source),
    ]
