"""How common is back pain? Figures grouped by recall period, so only like is compared with like."""

import streamlit as st

from components import filters, present, url_state
from components.data import base
from components.prevalence_view import (comparability_panel, icon_arrays, mix_up_link, prevalence_chart,
                                        prevalence_slides)
from components.prevalence_chart import row_label
from evidence.query import prevalence_by_period, select_prevalence

evidence = base()
figure_names = {f.id: row_label(f, evidence) for f in evidence.prevalence.values()}
VIEWS = {"chart": "Chart of ranges", "icons": "Out of 100 people"}

if present.active():
    chosen = select_prevalence(evidence, url_state.choices("period", filters.VOCAB["period"][1], "period"),
                               url_state.choices("population", filters.VOCAB["population"][1], "population"),
                               url_state.choices("figure", figure_names, "figure"))
    present.deck(prevalence_slides(prevalence_by_period(chosen), evidence))
    st.stop()

st.title("How common is back pain?")
st.markdown("Studies count back pain over different time windows: on the day people were asked, over the past "
            "month or year, or ever in their life. A longer window always gives a bigger number, so this page "
            "only draws figures with the same window side by side.")
with filters.filter_panel(("period", "population", "figure")):
    left, middle = st.columns(2)
    periods = filters.multi("period", left)
    populations = filters.multi("population", middle)
    picked = filters.multi("figure", label="Pick figures to compare", options=figure_names)
    view = filters.single("view", "Show as", VIEWS, widget=st.radio, horizontal=True)
chosen = select_prevalence(evidence, periods, populations, picked)
groups = prevalence_by_period(chosen)

comparability_panel(chosen, evidence)
if view == "icons":
    icon_arrays(groups)
else:
    prevalence_chart(groups, evidence)
mix_up_link(evidence)
present.enter_button("Present by recall period")
