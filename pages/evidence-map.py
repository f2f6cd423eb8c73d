"""Evidence map: which outcomes have been studied in which people, how many, which way, and where the gaps are."""

import streamlit as st

from components.frame import enter
from components import filters, present, url_state
from components.base_loader import base
from components.cell_picker import cell_listing, cell_picker, pick_cell
from components.evidence_map_chart import draw_gaps, draw_map, map_slides, map_table_expander
from components.timeline_chart import draw_timeline
from evidence.evidence_map import cell_name, evidence_map
from evidence.facets import SIZE

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
cells = evidence_map(evidence)
by_key = {c.key: c for c in cells}

if present.active():
    given = url_state.choices(SIZE.key, SIZE.options, "bubble size")
    present.deck(map_slides(cells, evidence, given[0] if given else "participants"))
else:
    st.title("Evidence map")
    st.markdown("Each row is something studies measured; each column is a group of people. A bubble means at "
                "least one study measured that outcome in that group. An empty cell, marked **gap**, means no study "
                "in this base has looked at it yet. Click a bubble, or choose one under **Show a cell**, to list "
                "its studies.")
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    size = filters.single(SIZE, left, widget="radio", horizontal=True)
    chosen = cell_picker(cells, right)
    if chosen:
        st.markdown(f":material/arrow_downward: [The studies for {cell_name(by_key[chosen]).lower()}](#cell) "
                    "are listed under the map.")
    draw_map(cells, evidence, size, on_pick=pick_cell, chosen=chosen, with_downloads=True)
    if chosen:
        cell_listing(by_key[chosen], evidence)
    map_table_expander(cells, evidence)

    st.header("Evidence gaps")
    draw_gaps(cells)

    st.header("How the evidence grew")
    draw_timeline(evidence)
    present.enter_button("Present the map, timeline and gaps")
