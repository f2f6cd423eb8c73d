"""The prevalence chart: one panel per recall period and measure, so only like is drawn beside like.

New cases (incidence) answer a different question from existing cases (prevalence): they never share
a panel or an axis, even when their recall periods match.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from evidence.palette import INK, POPULATION_STYLE, RANGE_GRID, WHITE
from evidence import EvidenceBase
from evidence.model import PopulationTag, PrevalenceFigure, RecallPeriod

def row_label(figure: PrevalenceFigure, evidence: EvidenceBase) -> str:
    """Short enough for a chart axis on a phone: who, source, and incidence when it is not prevalence."""
    source = evidence.studies.get(figure.source)
    cited = f", {source.short_citation}" if source else ""
    return f"{figure.population_tag.label}{cited}" + (" (new cases)" if figure.measure == "incidence" else "")


def prevalence_table(groups: dict[RecallPeriod, list[PrevalenceFigure]], evidence: EvidenceBase) -> pd.DataFrame:
    """Exactly what the chart shows, for screen readers and the CSV download."""
    rows = []
    for period, figures in groups.items():
        for f in figures:
            source = evidence.studies.get(f.source)
            rows.append({
                "Recall period": period.label, "Population": f.population, "Region": f.region,
                "Measure": f.measure, "Figure (%)": f.display,
                "Uncertainty": (f"{f.uncertainty_low:g}–{f.uncertainty_high:g}% ({f.uncertainty_label})"
                                if f.uncertainty_low is not None else ""),
                "What counted as back pain": f.case_definition,
                "Source": source.short_citation if source else f.source, "Compare with": f.comparability,
            })
    return pd.DataFrame(rows)


MEASURE_AXIS = {"prevalence": "Share of people with back pain (existing cases)",
                "incidence": "Share who got new back pain (incidence)"}


def panels(groups: dict[RecallPeriod, list[PrevalenceFigure]]) -> list[tuple[RecallPeriod, str, list[PrevalenceFigure]]]:
    """(recall period, measure, figures): prevalence panels first, each incidence panel after its period's."""
    return [(period, measure, fs) for period, figures in groups.items() for measure in ("prevalence", "incidence")
            if (fs := [f for f in figures if f.measure == measure])]


def _panel_title(period: RecallPeriod, measure: str) -> str:
    return f"<b>{period.label}</b>" + (" — <b>new cases (incidence)</b>" if measure == "incidence" else "")


def prevalence_figure(groups: dict[RecallPeriod, list[PrevalenceFigure]], evidence: EvidenceBase) -> go.Figure:
    shown = panels(groups)
    heights = [max(1, len(fs)) for _, _, fs in shown]
    # Sized in pixels per row and per gap, so one figure or twelve both look evenly spaced.
    height = 130 + 58 * sum(heights) + 62 * len(shown)
    # Axes are not shared: an incidence panel gets its own axis, titled for what it counts.
    fig = make_subplots(rows=len(shown), cols=1, shared_xaxes=False, row_heights=heights,
                        vertical_spacing=min(0.3, 62 / height) if len(shown) > 1 else 0,
                        subplot_titles=[_panel_title(p, m) for p, m, _ in shown])
    shown_in_legend: set[PopulationTag] = set()
    for row, (period, measure, figures) in enumerate(shown, start=1):
        for f in figures:
            colour, symbol = POPULATION_STYLE[f.population_tag]
            low, high = f.span
            source = evidence.studies.get(f.source)
            hover = (f"<b>{f.population}</b><br>{f.display} ({f.measure}, {period.label.lower()})<br>"
                     f"Counted as back pain: {f.case_definition}<br>"
                     f"Source: {source.short_citation if source else f.source}<extra></extra>")
            label = row_label(f, evidence)
            error = None
            if f.uncertainty_low is not None and f.value is not None:
                error = dict(type="data", symmetric=False, array=[f.uncertainty_high - f.value],
                             arrayminus=[f.value - f.uncertainty_low], color=colour, thickness=2, width=6)
            fig.add_trace(go.Scatter(
                x=[low, high] if high != low else [low], y=[label] * (2 if high != low else 1),
                mode="lines+markers+text", line=dict(color=colour, width=8),
                marker=dict(color=colour, symbol=symbol, size=13, line=dict(color=INK, width=1)),
                text=[f"{low:g}%", f"{high:g}%"] if high != low else [f"{low:g}%"],
                textposition="top center", textfont=dict(size=12, color=INK), error_x=error, cliponaxis=False,
                name=f.population_tag.label, legendgroup=f.population_tag.value,
                showlegend=f.population_tag not in shown_in_legend, hovertemplate=hover,
            ), row=row, col=1)
            shown_in_legend.add(f.population_tag)
        fig.update_yaxes(automargin=True, tickfont=dict(color=INK), row=row, col=1)
        last_of_measure = all(m != measure for _, m, _ in shown[row:])
        fig.update_xaxes(range=[0, 100], ticksuffix="%", gridcolor=RANGE_GRID, row=row, col=1,
                         title_text=MEASURE_AXIS[measure] if measure == "incidence" or last_of_measure else None)
    # The legend sits 75 px under the plot, below the axis title, whatever the figure's height.
    fig.update_layout(height=height + 60, margin=dict(l=10, r=24, t=50, b=110),
                      legend=dict(orientation="h", yanchor="top", y=-75 / (height - 100), x=0, title_text="Who:"),
                      plot_bgcolor=WHITE,
                      font=dict(size=14, color=INK))
    return fig
