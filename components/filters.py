"""Filter widgets bound to the URL. The key of each widget is its query parameter."""

from __future__ import annotations

from typing import Iterable

import streamlit as st

from components import url_state
from evidence.model import Design, Direction, PopulationTag, RecallPeriod, Topic
from evidence.query import CERTAINTY_FILTER_LABELS, SORTS, FindingsQuery

VOCAB: dict[str, tuple[str, dict[str, str]]] = {
    "topic": ("Topic", {t.value: t.label for t in Topic}),
    "population": ("Population", {p.value: p.label for p in PopulationTag}),
    "design": ("Study design", {d.value: d.label for d in Design}),
    "direction": ("Direction", {d.value: d.label for d in Direction}),
    "certainty": ("Certainty", CERTAINTY_FILTER_LABELS),
    "period": ("Recall period", {p.value: p.label for p in RecallPeriod}),
}
# Changing what is shown starts again at page 1.
_RESET_PAGE = {"on_change": url_state.select, "args": ("page", None)}


def multi(key: str, container=st, *, label: str | None = None, options: dict[str, str] | None = None) -> list[str]:
    """A multiselect synced to ?key=<slug>&key=<slug>; vocabularies default to VOCAB."""
    if options is None:
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


def single(key: str, label: str, options: dict[str, str], container=st, *, widget=None, **kwargs) -> str:
    """One choice, synced to ?key=<slug>; the first option is the default and leaves the URL clean."""
    default = next(iter(options))
    given = url_state.choices(key, options, label.lower())
    url_state.seed(key, given[0] if given else default)
    draw = widget or container.selectbox
    value = draw(label, list(options), format_func=options.__getitem__, key=key, **kwargs)
    url_state.write(key, None if value == default else value)
    return value


def sort(container=st) -> str:
    return single("sort", "Sort by", SORTS, container, **_RESET_PAGE)


def clear_button(keys: Iterable[str]) -> None:
    def clear() -> None:
        for key in keys:
            st.session_state.pop(key, None)
        for key in list(st.query_params):
            if key in keys or key == "page":
                del st.query_params[key]

    st.button("Clear all filters", icon=":material/filter_alt_off:", on_click=clear)


def filter_panel(keys: Iterable[str]):
    """An expander for filters: open on a bare page, closed when a shared link already filters,
    so the recipient sees the results first. Decided once per session so it never jumps shut."""
    keys = tuple(keys)
    remembered = "_filters_open:" + ",".join(keys)  # one memory per page's set of filters
    st.session_state.setdefault(remembered, not any(k in st.query_params for k in keys))
    return st.expander("Filters", icon=":material/tune:", expanded=st.session_state[remembered])


def findings_filters(years: tuple[int, int], keys: Iterable[str]) -> FindingsQuery:
    with filter_panel(keys):
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
