"""What every chart shares: its source line, text wrapping, a cache keyed on the base's version, and downloads."""

from __future__ import annotations

import textwrap
from typing import Callable, Hashable, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import url_state
from components.chart_export import chart_downloads
from evidence import EvidenceBase
from evidence.outputs.share import SITE_TITLE
from evidence.palette import CHART_PAPER, GRID, INK

T = TypeVar("T")


def source_line(evidence: EvidenceBase, what: str = "") -> str:
    """'Source: evidence base, 28 studies, last reviewed 22 Nov 2026.' for the caption under a chart."""
    reviewed = f", last reviewed {evidence.meta.last_reviewed:%-d %b %Y}" if evidence.meta else ""
    extra = f", {what}" if what else ""
    return f"Source: evidence base, {len(evidence.studies)} studies{extra}{reviewed}."


def wrap(text: str, width: int) -> str:
    """Plotly breaks lines only at <br>."""
    return "<br>".join(textwrap.wrap(text, width)) or text


# Building a plotly figure validates every property (~50 ms); the figures and the tables beside them only change
# with the base, so they are cached per version of the base (arguments starting with _ are not hashed). Nothing
# changes a cached figure or table after it is built: pages draw them and the downloads read them.
@st.cache_resource(show_spinner=False, max_entries=256)
def _cached(version: str, key: tuple[Hashable, ...], _build: Callable[[], T]) -> T:
    return _build()


def cached_figure(evidence: EvidenceBase, key: tuple[Hashable, ...], build: Callable[[], go.Figure]) -> go.Figure:
    """`build()` on white paper, once per version of the base and `key` (what else, besides the base, the figure
    shows)."""
    return _cached(evidence.version, ("figure", *key), lambda: on_paper(build()))


def on_paper(figure: go.Figure) -> go.Figure:
    """The figure on white paper with dark words in both colour schemes, as its downloads are.

    Streamlit's chart theme fills in, from its active theme, every colour a figure leaves unset: on its dark theme
    our dark words sat on a dark page. The server cannot know the reader's theme (docs/decisions.md, Colours that
    follow the theme), so the figure sets them all; unset grid lines get the palette's grey."""
    figure.update_layout(paper_bgcolor=CHART_PAPER, plot_bgcolor=CHART_PAPER, font_color=INK, title_font_color=INK,
                         legend=dict(font_color=INK, title_font_color=INK),
                         hoverlabel=dict(bgcolor=CHART_PAPER, bordercolor=INK, font_color=INK))
    for axis in [*figure.select_xaxes(), *figure.select_yaxes()]:
        axis.update(tickfont_color=INK, title_font_color=INK, tickcolor=INK, zerolinecolor=GRID,
                    gridcolor=axis.gridcolor or GRID, minor_gridcolor=GRID)
    return figure


def cached_table(evidence: EvidenceBase, key: tuple[Hashable, ...], build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """The table shown beside a chart, once per version of the base and `key`."""
    return _cached(evidence.version, ("table", *key), build)


def release_line(evidence: EvidenceBase, what: str, link: str) -> str:
    """'Evidence map of outcomes by group. Running and your lower back — evidence explorer, release 2026.11.30,
    last reviewed 22 Nov 2026: <link>': the line each downloaded image carries under its caption."""
    meta = evidence.meta
    release = f", release {meta.version}" if meta and meta.version else ""
    reviewed = f", last reviewed {meta.last_reviewed:%-d %b %Y}" if meta else ""
    return f"{what}. {SITE_TITLE}{release}{reviewed}: {link}"


def downloads(evidence: EvidenceBase, figure: go.Figure, name: str, what: str, caption: str,
              table: pd.DataFrame | Callable[[], pd.DataFrame]) -> None:
    """PNG, SVG and CSV buttons for a chart: the image carries `caption`, then the release line for `what` with the
    link to this view (the same link the share panel gives out)."""
    link = url_state.current_url()
    chart_downloads(figure, name, caption, table, site=release_line(evidence, what, link), href=link)
