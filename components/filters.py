"""Filter widgets kept in step with the URL. Each draws one facet (evidence/facets.py): the facet's key is
the widget's key and its query parameter, its options are slugs shown by their labels.

A widget in a closed filter panel is not drawn at all (`HIDDEN`): its value is the URL's, checked the same way.
The panel opens closed when a link already filters, and Streamlit would build its widgets on every first visit
all the same, for nobody to see (docs/decisions.md, Closed panels).
"""

from __future__ import annotations

from typing import Callable, Iterable

import streamlit as st

from components import url_state
from evidence.facets import FINDINGS_FACETS, MULTI, SEARCH, SINGLE, SORT, TEXT, YEAR_RANGE, YEARS, Facet
from evidence.findings import FindingsQuery

# Changing what is shown starts again at page 1.
_RESET_PAGE = {"on_change": url_state.write, "args": ("page", None)}

HIDDEN = None  # as a widget's container: its panel is closed, so it is not drawn and its value is the URL's


def _value(container, key: str, initial, draw: Callable):
    """The widget's value: drawn in `container`, taking its first value from the URL; or, hidden, the URL's."""
    if container is HIDDEN:
        return initial
    url_state.seed(key, initial)
    return draw(container)


def multi(facet: Facet, container=st) -> list[str]:
    """A multiselect synced to ?key=<slug>&key=<slug>."""
    chosen = _value(container, facet.key, url_state.choices(facet.key, facet.options, facet.label.lower()),
                    lambda c: c.multiselect(facet.label, list(facet.options), format_func=facet.options.__getitem__,
                                            key=facet.key, placeholder="Any", **_RESET_PAGE))
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
    span = _value(container, YEARS.key, (int(given[0]), int(given[1])) if valid else (lo, hi),
                  lambda c: c.slider(YEARS.label, lo, hi, key=YEARS.key, **_RESET_PAGE))
    url_state.write(YEARS.key, None if span == (lo, hi) else [str(span[0]), str(span[1])])
    return span


def search(container=st, placeholder: str = "e.g. disc, marathon, Belavý") -> str:
    """A text box synced to ?q=<words>."""
    text = _value(container, SEARCH.key, url_state.value(SEARCH.key, ""),
                  lambda c: c.text_input(SEARCH.label, key=SEARCH.key, placeholder=placeholder, **_RESET_PAGE)) or ""
    url_state.write(SEARCH.key, text)
    return text


def single(facet: Facet, container=st, *, widget: str = "selectbox", **kwargs) -> str:
    """One choice, synced to ?key=<slug>, drawn as a selectbox or (`widget="radio"`) radio buttons; the first
    option is the default and leaves the URL clean."""
    default = next(iter(facet.options))
    given = url_state.choices(facet.key, facet.options, facet.label.lower())
    chosen = _value(container, facet.key, given[0] if given else default,
                    lambda c: getattr(c, widget)(facet.label, list(facet.options), format_func=facet.options.__getitem__,
                                                 key=facet.key, **kwargs))
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


class FilterPanel:
    """The Filters expander: open on a bare page, closed when a shared link already filters, so the recipient
    sees the results first (decided once per session, so it never jumps shut). Opening or closing it reruns
    the page; while it is closed its widgets are not drawn (`here` and `columns` give `HIDDEN`)."""

    def __init__(self, keys: Iterable[str]) -> None:
        keys = tuple(keys)
        remembered = "_filters_open:" + ",".join(keys)  # one memory per page's set of filters
        st.session_state.setdefault(remembered, not url_state.given(keys))
        # Keyed and stateful, with the first state fixed for the session: its identity must not change.
        self._expander = st.expander("Filters", icon=":material/tune:", expanded=st.session_state[remembered],
                                     key=panel_key(keys), on_change="rerun")
        self.open = bool(self._expander.open)
        self.here = st if self.open else HIDDEN

    def columns(self, spec: int | list[int]) -> list:
        return st.columns(spec) if self.open else [HIDDEN] * (spec if isinstance(spec, int) else len(spec))

    def __enter__(self) -> "FilterPanel":
        if self.open:
            self._expander.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.open:
            self._expander.__exit__(*exc)


PANEL_KEY = "filters_panel:"


def panel_key(keys: Iterable[str]) -> str:
    """The session-state key of a filter panel's open state (True: open)."""
    return PANEL_KEY + ",".join(keys)


def findings_filters(years: tuple[int, int]) -> FindingsQuery:
    """Every findings facet, three to a row (search and sort share the last), read into a query."""
    with FilterPanel(f.key for f in FINDINGS_FACETS) as panel:
        places = [*panel.columns(3), *panel.columns(3), *panel.columns([2, 1])]
        chosen = {f.key: facet_widget(f, place, years) for f, place in zip(FINDINGS_FACETS, places)}
    return FindingsQuery.from_values(chosen, years)


def nothing_to_show(message: str) -> None:
    """What a page says when there is nothing to list: the base has none yet, or no record matches."""
    st.info(message, icon=":material/search_off:")


def show_all_button(noun: str, on_click: Callable[[], None]) -> None:
    """'Showing one take-home: show them all', above a view a link narrowed to one record."""
    st.button(f"Showing one {noun}: show them all", icon=":material/list:", on_click=on_click)
