"""The evidence map (topic × population bubbles), the timeline of studies, and what goes with them.

Colours are Okabe-Ito (distinct for the common colour-vision deficiencies) and never work alone:
each direction also has its own marker shape and its word in the legend and hover, certainty is
written beside each bubble in GRADE symbols, and gaps are marked with the word "gap".
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import badges, url_state
from components.data import BASE_DIR
from components.citations import href, study_href
from components.present import Slide
from evidence import EvidenceBase, fingerprint
from evidence.model import Design, Direction, PopulationTag, Study, Topic
from evidence.query import MapCell, cell_name, map_gaps, timeline_summary

INK = "#1b1b1b"
GAP_INK = "#6b6b6b"  # 5.3:1 on white: faint, still readable
DIRECTION_STYLE: dict[Direction, tuple[str, str]] = {
    Direction.BENEFIT: ("#0072B2", "circle"),
    Direction.NO_CLEAR_EFFECT: ("#999999", "square"),
    Direction.HARM: ("#D55E00", "triangle-up"),
    Direction.MIXED: ("#CC79A7", "diamond"),
    Direction.DESCRIPTIVE: ("#F0E442", "hexagon"),
}
SIZES = {"participants": "Participants", "studies": "Number of studies"}
# No mode bar: at 390 px it sits on top of the data, and zooming a 6 × 11 grid helps nobody.
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False}


# Building a plotly figure validates every property (~50 ms); the figures only change with the base,
# so they are cached per version of the YAML files, like the base itself (arguments starting with _ are not hashed).
@st.cache_resource(show_spinner=False, max_entries=128)
def _map_figure_cached(stamp: str, size: str, big: bool, chosen: str | None, _cells: tuple[MapCell, ...]) -> go.Figure:
    return map_figure(list(_cells), size, big=big, chosen=chosen)


@st.cache_resource(show_spinner=False, max_entries=4)
def _timeline_cached(stamp: str, _studies: tuple[Study, ...]) -> go.Figure:
    return timeline_figure(list(_studies))


def base_stamp() -> str:
    return fingerprint(BASE_DIR)


def source_line(evidence: EvidenceBase, what: str = "") -> str:
    """'Source: evidence base, 28 studies, last reviewed 22 Nov 2026.' for the caption under a chart."""
    reviewed = f", last reviewed {evidence.meta.last_reviewed:%-d %b %Y}" if evidence.meta else ""
    extra = f", {what}" if what else ""
    return f"Source: evidence base, {len(evidence.studies)} studies{extra}{reviewed}."


def certainty_text(cell: MapCell) -> str:
    """The word under a bubble: short enough for a 40 px column on a phone."""
    return cell.best_certainty.label.lower() if cell.best_certainty else "—"


def certainty_words(cell: MapCell) -> str:
    if cell.best_certainty is None:
        return "No take-home"
    return f"{badges.CERTAINTY_SYMBOL[cell.best_certainty]} {cell.best_certainty.label}"


def participants_text(cell: MapCell) -> str:
    return f"{cell.participants:,}" if cell.participants else "not reported"


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


# Column heads short enough for a phone; the table and the hover use the full labels.
_COLUMN = {PopulationTag.CHRONIC_LBP: "Chronic back pain", PopulationTag.CHILDREN: "Children, teens",
           PopulationTag.GENERAL_POPULATION: "General population", PopulationTag.MIDDLE_AGED: "Middle-aged"}


def _column(population: PopulationTag) -> str:
    return _wrap(_COLUMN.get(population, population.label), 10)


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


# ---- the map ---------------------------------------------------------------------------

# When one cell is chosen the others fade, but their words stay readable.
_FADED = dict(marker=dict(opacity=0.35), textfont=dict(color="#595959"))


def _selected(keys: list[str], chosen: str | None) -> list[int] | None:
    """Plotly's selectedpoints for a trace: the chosen cell's index, [] (all faded), or None (no selection)."""
    return None if chosen is None else [i for i, k in enumerate(keys) if k == chosen]


def map_figure(cells: list[MapCell], size: str = "participants", *, big: bool = False,
               chosen: str | None = None) -> go.Figure:
    """`big` is for a projector: larger type, same encodings. `chosen` highlights that cell (from ?cell=)."""
    grow = 1.35 if big else 1.0
    topics = [_wrap(t.label, 16) for t in Topic]
    populations = [_column(p) for p in PopulationTag]
    fig = go.Figure()
    for direction, (colour, symbol) in DIRECTION_STYLE.items():
        shown = [c for c in cells if not c.is_gap and c.direction is direction]
        if not shown:
            continue
        fig.add_trace(go.Scatter(
            x=[_column(c.population) for c in shown], y=[_wrap(c.topic.label, 16) for c in shown],
            mode="markers+text", name=direction.label, customdata=[c.key for c in shown],
            text=[certainty_text(c) for c in shown], textposition="bottom center",
            textfont=dict(size=round(11 * grow), color=INK),
            marker=dict(color=colour, symbol=[_symbol(symbol, c, size) for c in shown],
                        size=[_bubble(c, size) for c in shown], opacity=0.9, line=dict(color=INK, width=1)),
            hovertext=[f"<b>{cell_name(c)}</b><br>{len(c.study_ids)} stud{'y' if len(c.study_ids) == 1 else 'ies'}, "
                       f"participants: {participants_text(c)}<br>Direction: {direction.label}<br>"
                       f"Best certainty: {certainty_words(c)}<br>Click to list the studies" for c in shown],
            hovertemplate="%{hovertext}<extra></extra>",
            selectedpoints=_selected([c.key for c in shown], chosen), unselected=_FADED,
        ))
    gaps = [c for c in cells if c.is_gap]
    if gaps:
        fig.add_trace(go.Scatter(
            x=[_column(c.population) for c in gaps], y=[_wrap(c.topic.label, 16) for c in gaps],
            mode="text", text=["gap"] * len(gaps), textfont=dict(size=round(11 * grow), color=GAP_INK, style="italic"),
            name="gap: no studies yet", customdata=[c.key for c in gaps],
            hovertext=[f"No studies yet: {cell_name(c)}" for c in gaps], hovertemplate="%{hovertext}<extra></extra>",
            selectedpoints=_selected([], chosen), unselected=dict(textfont=dict(color=GAP_INK)),
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=populations, side="top", showgrid=True,
                     gridcolor="#e5e5e5", tickfont=dict(size=round(12 * grow), color=INK), autotickangles=[0, 90])
    fig.update_yaxes(categoryorder="array", categoryarray=topics, autorange="reversed", showgrid=True,
                     gridcolor="#e5e5e5", automargin=True, tickfont=dict(size=round(12 * grow), color=INK))
    fig.update_layout(height=80 + 62 * len(Topic), margin=dict(l=10, r=10, t=70, b=10), plot_bgcolor="white",
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
             "Best certainty": certainty_words(c)} for c in cells if not c.is_gap]
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
             chosen: str | None = None) -> None:
    """The map chart and its caption. `on_pick(cell_key)` runs when a bubble is clicked."""
    figure = _map_figure_cached(base_stamp(), size, big, chosen, tuple(cells))
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
    st.caption(map_caption(evidence, size))


def map_table_expander(cells: list[MapCell]) -> None:
    filled = [c for c in cells if not c.is_gap]
    with st.expander(f"The map as a table ({len(filled)} cells with studies)"):
        st.table(map_table(cells), hide_index=True)


# ---- picking a cell --------------------------------------------------------------------

CELL_KEY = "cell"
_NO_CELL = ""


def cell_options(cells: list[MapCell]) -> dict[str, str]:
    options = {_NO_CELL: "Choose a cell…"}
    options.update({c.key: f"{cell_name(c)} ({len(c.study_ids)} stud{'y' if len(c.study_ids) == 1 else 'ies'})"
                    for c in cells if not c.is_gap})
    return options


def requested_cell(cells: list[MapCell]) -> str | None:
    """?cell=<topic>.<population>: a known cell with studies, or None with a notice."""
    value = st.query_params.get(CELL_KEY)
    by_key = {c.key: c for c in cells}
    if value and value in by_key and by_key[value].is_gap:
        url_state.note(f"There is nothing to list for {cell_name(by_key[value]).lower()}: no study in the base "
                       "has measured it yet (it is one of the gaps).")
        url_state.select(CELL_KEY, None)
        return None
    return url_state.selected(CELL_KEY, {c.key for c in cells if not c.is_gap}, "cell on the map")


def pick_cell(key: str) -> None:
    """Chart click → the selectbox and the URL, so the listing and a shared link agree."""
    st.session_state[CELL_KEY] = key
    url_state.select(CELL_KEY, key)


def cell_picker(cells: list[MapCell], container=st) -> str | None:
    options = cell_options(cells)
    url_state.seed(CELL_KEY, requested_cell(cells) or _NO_CELL)
    if st.session_state.get(CELL_KEY) not in options:
        st.session_state[CELL_KEY] = _NO_CELL
    value = container.selectbox("Show a cell", list(options), format_func=options.__getitem__, key=CELL_KEY,
                         help="Or click a bubble on the map.")
    url_state.write(CELL_KEY, value or None)
    return value or None


def cell_listing(cell: MapCell, evidence: EvidenceBase) -> None:
    """The studies and take-homes behind one cell."""
    with st.container(border=True):
        st.header(cell_name(cell), anchor="cell")
        direction = f" · {badges.direction(cell.direction)}" if cell.direction else ""
        st.markdown(f"{len(cell.study_ids)} stud{'y' if len(cell.study_ids) == 1 else 'ies'} · "
                    f"participants: {participants_text(cell)}{direction}")
        st.markdown("**Studies**")
        lines = []
        for sid in cell.study_ids:
            s = evidence.studies[sid]
            n = f", {s.sample_size:,} people" if s.sample_size else ", sample size not reported"
            lines.append(f"- [{s.short_citation}]({study_href(s.id)}): {s.design.label.lower()}{n}")
        st.markdown("\n".join(lines))
        claims = [evidence.claims[c] for c in cell.claim_ids if c in evidence.claims]
        st.markdown("**Take-homes for this cell**")
        if claims:
            st.markdown("\n".join(f"- {badges.certainty(c.certainty.value)} {c.statement} "
                                  f"([take-home]({href('take-homes', claim=c.id)}))" for c in claims))
        else:
            st.caption("No take-home is written for this cell yet; the studies are listed as they are.")
        st.markdown(f"[Link to this cell]({href('evidence-map', cell=cell.key)})")


# ---- gaps ------------------------------------------------------------------------------

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


# ---- the timeline ----------------------------------------------------------------------

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
                        symbol="circle" if reported else "circle-open", color="#0072B2",
                        line=dict(color=INK if reported else "#0072B2", width=1 if reported else 2), opacity=0.85),
            customdata=[s.id for s, _ in chosen],
            hovertext=[f"<b>{s.short_citation}</b><br>{_wrap(s.title, 60)}<br>{s.design.label}, "
                       + (f"{s.sample_size:,} participants" if s.sample_size else "participants not reported")
                       for s, _ in chosen],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    years = [s.year for s in studies]
    fig.update_xaxes(range=[min(years) - 1.5, max(years) + 1.5], dtick=2, gridcolor="#e5e5e5",
                     title_text="Year published",
                     tickfont=dict(color=INK), title_font=dict(color=INK))
    fig.update_yaxes(tickvals=list(range(len(designs))), ticktext=[_wrap(d.label, 22) for d in designs],
                     range=[len(designs) - 0.5, -0.5], gridcolor="#e5e5e5", automargin=True, zeroline=False,
                     tickfont=dict(color=INK))
    fig.update_layout(height=120 + 48 * len(designs), margin=dict(l=10, r=10, t=20, b=40), plot_bgcolor="white",
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
    st.plotly_chart(_timeline_cached(base_stamp(), tuple(studies)), config=CHART_CONFIG,
                    alt=f"Timeline of {len(studies)} studies by year published ({min(s.year for s in studies)} to "
                        f"{max(s.year for s in studies)}) and design ({len(designs)} designs); bubble area shows "
                        "participants. The same data is in the table below.")
    st.caption(source_line(evidence) + " Bubble area grows with the logarithm of participants; hollow circles "
               "did not report a number of people (most reviews).")
    st.markdown("\n".join(f"- {line}" for line in timeline_summary(studies)))
    if with_table:
        with st.expander(f"The timeline as a table ({len(studies)} studies)"):
            st.table(timeline_table(studies), hide_index=True)


# ---- slides ----------------------------------------------------------------------------

def map_slides(cells: list[MapCell], evidence: EvidenceBase, size: str) -> list[Slide]:
    source = source_line(evidence).removeprefix("Source: ")
    return [
        Slide("Evidence map: who was studied, for what", lambda: draw_map(cells, evidence, size, big=True), source),
        Slide("How the evidence grew", lambda: draw_timeline(evidence, with_table=False), source),
        Slide("Evidence gaps", lambda: draw_gaps(cells), source),
    ]
