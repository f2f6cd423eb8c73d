"""How common is back pain? Figures grouped by recall period, so only like is compared with like."""

import streamlit as st

from components.frame import enter
from components import filters, present, url_state
from components.base_loader import base
from components.prevalence_chart import row_label
from components.prevalence_view import (comparability_panel, icon_arrays, mix_up_link, prevalence_chart,
                                        prevalence_slides)
from evidence.facets import FIGURE, PERIOD, POPULATION, VIEW
from evidence.prevalence import prevalence_by_period, select_prevalence

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
FIGURE = FIGURE.with_options({f.id: row_label(f, evidence) for f in evidence.prevalence.values()})

if present.active():
    periods, populations, picked = (url_state.choices(f.key, f.options, f.key) for f in (PERIOD, POPULATION, FIGURE))
    chosen = select_prevalence(evidence, periods, populations, picked)
    present.deck(prevalence_slides(prevalence_by_period(chosen), evidence))
else:
    st.title("How common is back pain?")
    st.markdown("Studies count back pain over different time windows: on the day people were asked, over the past "
                "month or year, or ever in their life. A longer window always gives a bigger number, so this page "
                "only draws figures with the same window side by side.")
    with filters.FilterPanel((PERIOD.key, POPULATION.key, FIGURE.key)) as panel:
        left, middle = panel.columns(2)
        periods, populations = filters.multi(PERIOD, left), filters.multi(POPULATION, middle)
        picked = filters.multi(FIGURE, panel.here)
        view = filters.single(VIEW, panel.here, widget="radio", horizontal=True)
    chosen = select_prevalence(evidence, periods, populations, picked)
    groups = prevalence_by_period(chosen)

    comparability_panel(chosen, evidence)
    if view == "icons":
        icon_arrays(groups)
    else:
        prevalence_chart(groups, evidence)
    mix_up_link(evidence)
    present.enter_button("Present by recall period")
