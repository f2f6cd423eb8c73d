"""What every chart shares: its source line, text wrapping, and a figure cache keyed on the base's version."""

from __future__ import annotations

import textwrap
from typing import Callable, Hashable

import plotly.graph_objects as go
import streamlit as st

from evidence import EvidenceBase


def source_line(evidence: EvidenceBase, what: str = "") -> str:
    """'Source: evidence base, 28 studies, last reviewed 22 Nov 2026.' for the caption under a chart."""
    reviewed = f", last reviewed {evidence.meta.last_reviewed:%-d %b %Y}" if evidence.meta else ""
    extra = f", {what}" if what else ""
    return f"Source: evidence base, {len(evidence.studies)} studies{extra}{reviewed}."


def wrap(text: str, width: int) -> str:
    """Plotly breaks lines only at <br>."""
    return "<br>".join(textwrap.wrap(text, width)) or text


# Building a plotly figure validates every property (~50 ms); the figures only change with the base,
# so they are cached per version of the base (arguments starting with _ are not hashed).
@st.cache_resource(show_spinner=False, max_entries=256)
def _cached(version: str, key: tuple[Hashable, ...], _build: Callable[[], go.Figure]) -> go.Figure:
    return _build()


def cached_figure(evidence: EvidenceBase, key: tuple[Hashable, ...], build: Callable[[], go.Figure]) -> go.Figure:
    """`build()`, once per version of the base and `key` (what else, besides the base, the figure shows)."""
    return _cached(evidence.version, key, build)
