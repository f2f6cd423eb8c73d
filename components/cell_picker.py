"""Picking one cell of the evidence map (a bubble click or the selectbox, both kept in ?cell=) and the
listing of its studies and take-homes."""

from __future__ import annotations

import streamlit as st

from components import url_state
from evidence.wording import badges
from evidence.wording.citations import study_href
from components.evidence_map_chart import participants_text
from components.url_state import link
from evidence import EvidenceBase
from evidence.evidence_map import MapCell, cell_name
from evidence.links import Page


CELL_KEY = "cell"
_NO_CELL = ""


def cell_options(cells: list[MapCell]) -> dict[str, str]:
    options = {_NO_CELL: "Choose a cell…"}
    options.update({c.key: f"{cell_name(c)} ({len(c.study_ids)} stud{'y' if len(c.study_ids) == 1 else 'ies'})"
                    for c in cells if not c.is_gap})
    return options


def requested_cell(cells: list[MapCell]) -> str | None:
    """?cell=<topic>.<population>: a known cell with studies, or None with a notice."""
    value = url_state.value(CELL_KEY)
    by_key = {c.key: c for c in cells}
    if value and value in by_key and by_key[value].is_gap:
        url_state.note(f"There is nothing to list for {cell_name(by_key[value]).lower()}: no study in the base "
                       "has measured it yet (it is one of the gaps).")
        url_state.write(CELL_KEY, None)
        return None
    return url_state.selected(CELL_KEY, {c.key for c in cells if not c.is_gap}, "cell on the map")


def pick_cell(key: str) -> None:
    """Chart click → the selectbox and the URL, so the listing and a shared link agree."""
    st.session_state[CELL_KEY] = key
    url_state.write(CELL_KEY, key)


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
        lines = []
        for sid in cell.study_ids:
            s = evidence.studies[sid]
            n = f", {s.sample_size:,} people" if s.sample_size else ", sample size not reported"
            lines.append(f"- [{s.short_citation}]({study_href(s.id)}): {s.design.label.lower()}{n}")
        # As few markdown elements as the caption between them allows: each is one more for the browser to build.
        st.markdown(f"{len(cell.study_ids)} stud{'y' if len(cell.study_ids) == 1 else 'ies'} · "
                    f"participants: {participants_text(cell)}{direction}\n\n**Studies**\n\n" + "\n".join(lines))
        claims = [evidence.take_homes[c] for c in cell.claim_ids if c in evidence.take_homes]
        cell_link = f"[Link to this cell]({link(Page.EVIDENCE_MAP, cell=cell.key)})"
        if claims:
            st.markdown("**Take-homes for this cell**\n\n"
                        + "\n".join(f"- {badges.certainty(c.certainty.value)} {c.statement} "
                                     f"([take-home]({link(Page.TAKE_HOMES, claim=c.id)}))" for c in claims)
                        + f"\n\n{cell_link}")
        else:
            st.markdown("**Take-homes for this cell**")
            st.caption("No take-home is written for this cell yet; the studies are listed as they are.")
            st.markdown(cell_link)
