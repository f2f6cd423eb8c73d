"""The pieces of the prevalence page: chart with its table, icon arrays, and the comparability note."""

from __future__ import annotations

import streamlit as st

from components import filters
from components.charts import cached_figure, cached_table, downloads
from components.icon_array import describe, figure_html, icon_array_svg, row_html
from components.prevalence_chart import prevalence_figure, prevalence_table
from components.present import Slide
from components.url_state import link
from evidence import EvidenceBase
from evidence.explain import why_figures_differ
from evidence.links import Page
from evidence.model import PopulationTag, PrevalenceFigure, RecallPeriod

_WHO = {PopulationTag.RUNNERS: "runners", PopulationTag.GENERAL_POPULATION: "adults"}


def comparability_panel(figures: list[PrevalenceFigure], evidence: EvidenceBase) -> None:
    """The 'why these numbers differ' note, generated from the records on screen."""
    reasons = why_figures_differ(figures, evidence.studies)
    if not evidence.prevalence:
        filters.nothing_to_show("There are no prevalence figures in the base yet.")
    elif not figures:
        filters.nothing_to_show("No figures match these filters.")
    elif reasons:
        st.warning("**Why these numbers differ: they are not like for like.**\n"
                   + "\n".join(f"- {reason}" for reason in reasons), icon=":material/compare_arrows:")
    else:
        st.success("These figures use the same time window and measure, so they can be compared.",
                   icon=":material/check_circle:")


def _source_caption(groups: dict[RecallPeriod, list[PrevalenceFigure]], evidence: EvidenceBase) -> str:
    cited = sorted({evidence.studies[f.source].short_citation for fs in groups.values() for f in fs
                    if f.source in evidence.studies})
    return ("Sources: " + "; ".join(cited) + ". Each panel is one recall period and one measure (new cases are "
            "never drawn beside existing cases); ranges run from the lowest to the highest figure reported.")


def prevalence_chart(groups: dict[RecallPeriod, list[PrevalenceFigure]], evidence: EvidenceBase) -> None:
    if not groups:
        return
    # What the chart shows besides the base: the figures in each period (the filters pick them), in order.
    shown = tuple((period.value, tuple(f.id for f in figures)) for period, figures in groups.items())
    figure = cached_figure(evidence, ("prevalence", shown), lambda: prevalence_figure(groups, evidence))
    table = cached_table(evidence, ("prevalence", shown), lambda: prevalence_table(groups, evidence))
    st.plotly_chart(figure, config={"displaylogo": False},
                    alt="Back-pain prevalence ranges grouped by recall period; the same data is in the table below.")
    caption = _source_caption(groups, evidence)
    st.caption(caption)
    st.dataframe(table, hide_index=True)
    downloads(evidence, figure, "back-pain-prevalence", "How common back pain is, by recall period", caption, table)


def icon_arrays(groups: dict[RecallPeriod, list[PrevalenceFigure]]) -> None:
    for period, figures in groups.items():
        st.subheader(period.label)
        pictures = []
        for f in figures:
            low, high = f.span
            text = describe(low, high, _WHO.get(f.population_tag, "people"))
            incidence = f.measure == "incidence"
            label = f"{text} ({period.label.lower()}{', new cases' if incidence else ''})"
            pictures.append(figure_html(f.population, icon_array_svg(low, high, label), label,
                                        f"{text}. Solid: the low end; striped: the uncertain part of the range.",
                                        " — new cases (incidence)" if incidence else ""))
        st.html(row_html(pictures))


def mix_up_link(evidence: EvidenceBase) -> None:
    """Link to the classic mix-up: runners' mixed-window range beside a lifetime figure for everyone."""
    runners = next((f for f in evidence.prevalence.values() if f.population_tag is PopulationTag.RUNNERS
                    and f.recall_period is RecallPeriod.MIXED and f.measure == "prevalence"), None)
    lifetime = next((f for f in evidence.prevalence.values() if f.population_tag is PopulationTag.GENERAL_POPULATION
                     and f.recall_period is RecallPeriod.LIFETIME), None)
    if runners and lifetime:
        st.markdown(f":material/school: **For teaching:** [see why {runners.display} in runners and "
                    f"{lifetime.display} in everyone are not a fair comparison]"
                    f"({link(Page.PREVALENCE, figure=[runners.id, lifetime.id])}).")


def prevalence_slides(groups: dict[RecallPeriod, list[PrevalenceFigure]], evidence: EvidenceBase) -> list[Slide]:
    def draw(period: RecallPeriod):
        one = {period: groups[period]}
        shown = ((period.value, tuple(f.id for f in groups[period])),)
        return lambda: st.plotly_chart(cached_figure(evidence, ("prevalence", shown),
                                                     lambda: prevalence_figure(one, evidence)),
                                       config={"displaylogo": False}, alt=f"Back-pain prevalence, {period.label}")
    return [Slide(f"Back pain: {period.label.lower()}", draw(period), _source_caption({period: fs}, evidence))
            for period, fs in groups.items()]
