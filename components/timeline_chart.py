"""The timeline of studies: year published by design, bubble area by participants, with its summary and table."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import cached_figure, cached_table, downloads, source_line, wrap
from evidence.palette import BLUE, CHART_CONFIG, GRID, INK, WHITE
from components.plain_table import plain_table
from evidence import EvidenceBase
from evidence.evidence_map import timeline_summary
from evidence.model import Design, Study


def _timeline_rows(studies: list[Study]) -> list[tuple[Study, float]]:
    """Each study with its y position: its design's row, nudged apart when several share a year."""
    designs = [d for d in Design if any(s.design is d for s in studies)]
    row = {d: i for i, d in enumerate(designs)}
    seen: dict[tuple[Design, int], int] = {}
    placed = []
    for s in sorted(studies, key=lambda s: (s.year, s.id)):
        k = (s.design, s.year)
        same = sum(1 for t in studies if (t.design, t.year) == k)
        i = seen.get(k, 0)
        seen[k] = i + 1
        offset = 0.0 if same == 1 else (i - (same - 1) / 2) * 0.22
        placed.append((s, row[s.design] + offset))
    return placed


def timeline_figure(studies: list[Study]) -> go.Figure:
    designs = [d for d in Design if any(s.design is d for s in studies)]
    placed = _timeline_rows(studies)
    fig = go.Figure()
    for reported in (True, False):
        chosen = [(s, y) for s, y in placed if bool(s.sample_size) is reported]
        if not chosen:
            continue
        fig.add_trace(go.Scatter(
            x=[s.year for s, _ in chosen], y=[y for _, y in chosen], mode="markers",
            name="Bubble area: participants" if reported else "Participants not reported",
            marker=dict(size=[8 + 4.5 * math.log10(s.sample_size) if reported else 10 for s, _ in chosen],
                        symbol="circle" if reported else "circle-open", color=BLUE,
                        line=dict(color=INK if reported else BLUE, width=1 if reported else 2), opacity=0.85),
            customdata=[s.id for s, _ in chosen],
            hovertext=[f"<b>{s.short_citation}</b><br>{wrap(s.title, 60)}<br>{s.design.label}, "
                       + (f"{s.sample_size:,} participants" if s.sample_size else "participants not reported")
                       for s, _ in chosen],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    years = [s.year for s in studies]
    fig.update_xaxes(range=[min(years) - 1.5, max(years) + 1.5], dtick=2, gridcolor=GRID,
                     title_text="Year published",
                     tickfont=dict(color=INK), title_font=dict(color=INK))
    fig.update_yaxes(tickvals=list(range(len(designs))), ticktext=[wrap(d.label, 22) for d in designs],
                     range=[len(designs) - 0.5, -0.5], gridcolor=GRID, automargin=True, zeroline=False,
                     tickfont=dict(color=INK))
    fig.update_layout(height=120 + 48 * len(designs), margin=dict(l=10, r=10, t=20, b=40), plot_bgcolor=WHITE,
                      font=dict(size=13, color=INK), dragmode=False,
                      legend=dict(orientation="h", y=-0.18, yanchor="top"))
    return fig


def timeline_table(studies: list[Study]) -> pd.DataFrame:
    return pd.DataFrame([{"Year": s.year, "Study": s.short_citation, "Design": s.design.label,
                          "Participants": f"{s.sample_size:,}" if s.sample_size else "not reported", "Title": s.title}
                         for s in sorted(studies, key=lambda s: (s.year, s.short_citation))])


def draw_timeline(evidence: EvidenceBase, *, with_table: bool = True) -> None:
    studies = list(evidence.studies.values())
    if not studies:
        st.info("There are no studies in the base yet.")
        return
    designs = {s.design for s in studies}
    figure = cached_figure(evidence, ("timeline",), lambda: timeline_figure(studies))
    st.plotly_chart(figure, config=CHART_CONFIG,
                    alt=f"Timeline of {len(studies)} studies by year published ({min(s.year for s in studies)} to "
                        f"{max(s.year for s in studies)}) and design ({len(designs)} designs); bubble area shows "
                        "participants. The same data is in the table below.")
    caption = (source_line(evidence) + " Bubble area grows with the logarithm of participants; hollow circles "
               "did not report a number of people (most reviews).")
    st.caption(caption)
    st.markdown("\n".join(f"- {line}" for line in timeline_summary(studies)))
    if with_table:
        table = cached_table(evidence, ("timeline",), lambda: timeline_table(studies))
        with st.expander(f"The timeline as a table ({len(studies)} studies)"):
            plain_table(table, "The timeline as a table")
        downloads(evidence, figure, "evidence-timeline", "Timeline of the studies by year published and design",
                  caption, table)
