"""Filter widgets kept in step with the URL. Each draws one facet (evidence/facets.py): the facet's key is
the widget's key and its query parameter, its options are slugs shown by their labels."""

from __future__ import annotations

from typing import Iterable

import streamlit as st

from components import url_state
from evidence.facets import FINDINGS_FACETS, MULTI, SEARCH, SINGLE, SORT, TEXT, YEAR_RANGE, YEARS, Facet
from evidence.findings import FindingsQuery

# Changing what is shown starts again at page 1.
_RESET_PAGE = {"on_change": url_state.write, "args": ("page", None)}


def multi(facet: Facet, container=st) -> list[str]:
    """A multiselect synced to ?key=<slug>&key=<slug>."""
    url_state.seed(facet.key, url_state.choices(facet.key, facet.options, facet.label.lower()))
    chosen = container.multiselect(facet.label, list(facet.options), format_func=facet.options.__getitem__,
                                   key=facet.key, placeholder="Any", **_RESET_PAGE)
    url_state.write(facet.key, chosen)
    return chosen


def _whole(years: tuple[int, int]) -> tuple[int, int]:
    return years[0], max(years[1], years[0] + 1)  # a slider needs two distinct ends


def year_range(years: tuple[int, int], container=st) -> tuple[int, int]:
    """A range slider synced to ?years=<from>&years=<to>; the whole span leaves the URL clean."""
    lo, hi = _whole(years)
    given = url_state.values(YEARS.key)
    valid = len(given) == 2 and all(v.isdigit() and lo <= int(v) <= hi for v in given)
    if given and not valid:
        url_state.note(f"Ignored the year range {'–'.join(given)}; the base covers {lo}–{hi}.")
    url_state.seed(YEARS.key, (int(given[0]), int(given[1])) if valid else (lo, hi))
    span = container.slider(YEARS.label, lo, hi, key=YEARS.key, **_RESET_PAGE)
    url_state.write(YEARS.key, None if span == (lo, hi) else [str(span[0]), str(span[1])])
    return span


def search(container=st, placeholder: str = "e.g. disc, marathon, Belavý") -> str:
    """A text box synced to ?q=<words>."""
    url_state.seed(SEARCH.key, url_state.value(SEARCH.key, ""))
    text = container.text_input(SEARCH.label, key=SEARCH.key, placeholder=placeholder, **_RESET_PAGE) or ""
    url_state.write(SEARCH.key, text)
    return text


def single(facet: Facet, container=st, *, widget=None, **kwargs) -> str:
    """One choice, synced to ?key=<slug>; the first option is the default and leaves the URL clean."""
    default = next(iter(facet.options))
    given = url_state.choices(facet.key, facet.options, facet.label.lower())
    url_state.seed(facet.key, given[0] if given else default)
    draw = widget or container.selectbox
    chosen = draw(facet.label, list(facet.options), format_func=facet.options.__getitem__, key=facet.key, **kwargs)
    url_state.write(facet.key, None if chosen == default else chosen)
    return chosen


def facet_widget(facet: Facet, container, years: tuple[int, int]):
    """The widget for any facet, by its kind."""
    if facet.kind == MULTI:
        return multi(facet, container)
    if facet.kind == YEAR_RANGE:
        return year_range(years, container)
    if facet.kind == TEXT:
        return search(container)
    assert facet.kind == SINGLE, facet
    return single(facet, container, **(_RESET_PAGE if facet is SORT else {}))


def clear_button(keys: Iterable[str]) -> None:
    st.button("Clear all filters", icon=":material/filter_alt_off:", on_click=url_state.clear,
              args=((*keys, "page"),))


def filter_panel(keys: Iterable[str]):
    """An expander for filters: open on a bare page, closed when a shared link already filters,
    so the recipient sees the results first. Decided once per session so it never jumps shut."""
    keys = tuple(keys)
    remembered = "_filters_open:" + ",".join(keys)  # one memory per page's set of filters
    st.session_state.setdefault(remembered, not url_state.given(keys))
    return st.expander("Filters", icon=":material/tune:", expanded=st.session_state[remembered])


def findings_filters(years: tuple[int, int]) -> FindingsQuery:
    """Every findings facet, three to a row (search and sort share the last), read into a query."""
    with filter_panel(f.key for f in FINDINGS_FACETS):
        places = [*st.columns(3), *st.columns(3), *st.columns([2, 1])]
        chosen = {f.key: facet_widget(f, place, years) for f, place in zip(FINDINGS_FACETS, places)}
    return FindingsQuery.from_values(chosen, years)
