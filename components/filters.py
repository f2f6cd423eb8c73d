"""Filter widgets bound to the URL. The key of each widget is its query parameter."""

from __future__ import annotations

from typing import Iterable

import streamlit as st

from components import url_state
from evidence.model import Design, Direction, PopulationTag, Topic
from evidence.query import CERTAINTY_FILTER_LABELS, SORTS, FindingsQuery

VOCAB: dict[str, tuple[str, dict[str, str]]] = {
    "topic": ("Topic", {t.value: t.label for t in Topic}),
    "population": ("Population", {p.value: p.label for p in PopulationTag}),
    "design": ("Study design", {d.value: d.label for d in Design}),
    "direction": ("Direction", {d.value: d.label for d in Direction}),
    "certainty": ("Certainty", CERTAINTY_FILTER_LABELS),
}
# Changing what is shown starts again at page 1.
_RESET_PAGE = {"on_change": url_state.select, "args": ("page", None)}


def multi(key: str, container=st) -> list[str]:
    label, options = VOCAB[key]
    url_state.seed(key, url_state.choices(key, options, label.lower()))
    chosen = container.multiselect(label, list(options), format_func=options.__getitem__, key=key,
                                   placeholder="Any", **_RESET_PAGE)
    url_state.write(key, chosen)
    return chosen


def year_range(years: tuple[int, int], container=st) -> tuple[int, int]:
    lo, hi = years[0], max(years[1], years[0] + 1)
    given = url_state.raw("years")
    if given and not (len(given) == 2 and all(v.isdigit() and lo <= int(v) <= hi for v in given)):
        url_state.note(f"Ignored the year range {'–'.join(given)}; the base covers {lo}–{hi}.")
    return container.slider("Years published", lo, hi, (lo, hi), key="years", bind="query-params", **_RESET_PAGE)


def search(container=st, placeholder: str = "e.g. disc, marathon, Belavý") -> str:
    return container.text_input("Search words", key="q", bind="query-params", placeholder=placeholder,
                                **_RESET_PAGE) or ""


def sort(container=st) -> str:
    given = url_state.choices("sort", SORTS, "sort order")
    url_state.seed("sort", given[0] if given else next(iter(SORTS)))
    order = container.selectbox("Sort by", list(SORTS), format_func=SORTS.__getitem__, key="sort", **_RESET_PAGE)
    url_state.write("sort", None if order == next(iter(SORTS)) else order)
    return order


def clear_button(keys: Iterable[str]) -> None:
    def clear() -> None:
        for key in keys:
            st.session_state.pop(key, None)
        for key in list(st.query_params):
            if key in keys or key == "page":
                del st.query_params[key]

    st.button("Clear all filters", icon=":material/filter_alt_off:", on_click=clear)


def findings_filters(years: tuple[int, int]) -> FindingsQuery:
    with st.container(border=True):
        top = st.columns(3)
        topics, populations, designs = multi("topic", top[0]), multi("population", top[1]), multi("design", top[2])
        middle = st.columns(3)
        directions, certainties = multi("direction", middle[0]), multi("certainty", middle[1])
        span = year_range(years, middle[2])
        bottom = st.columns([2, 1])
        text, order = search(bottom[0]), sort(bottom[1])
    whole = span == (years[0], max(years[1], years[0] + 1))
    return FindingsQuery(frozenset(topics), frozenset(populations), frozenset(designs), frozenset(directions),
                         frozenset(certainties), None if whole else span[0], None if whole else span[1], text, order)
