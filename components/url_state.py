"""The URL is the state. One module decides how views map to query strings.

Conventions (decided once, here):
- A widget's key is its query parameter's name.
- Values are stable slugs (?topic=disc-hydration), never display labels, so renaming a label
  breaks no shared link. Streamlit's `bind="query-params"` writes the *label* of a widget with
  a format_func, so choice widgets are synced here by slug (`seed` + `write`); `bind` is used
  only where the value is its own text (the year slider, the search box).
- Lists are repeated keys: ?topic=pain&topic=disability.
- Selections that are not widgets (a study, a claim, a slide) are single string parameters.
- A value the page does not know is dropped with a short notice, never an error.
"""

from __future__ import annotations

from typing import Iterable, Mapping

import streamlit as st

_NOTICES = "_url_notices"
_SLOT = "_url_notice_slot"


def begin_run() -> None:
    """Reserve the place above the page where notices about the link appear."""
    st.session_state[_NOTICES] = []
    st.session_state[_SLOT] = st.empty()


def note(message: str) -> None:
    """Tell the reader part of their link was ignored. Drawn at once, so st.stop() cannot lose it."""
    notices = st.session_state.setdefault(_NOTICES, [])
    if message in notices:
        return
    notices.append(message)
    slot = st.session_state.get(_SLOT)
    if slot is not None:
        slot.info("**About this link:** " + " ".join(notices), icon=":material/link_off:")


def raw(key: str) -> list[str]:
    return st.query_params.get_all(key)


def check_values(key: str, allowed: Iterable[str], label: str) -> None:
    """Before a bound widget strips unknown values, say which ones were ignored."""
    allowed = set(allowed)
    unknown = [v for v in raw(key) if v and v not in allowed]
    for value in unknown:
        note(f"Ignored “{key}={value}”: it is not one of the {label} options here.")


def selected(key: str, known: Mapping[str, object], label: str) -> str | None:
    """A single selection such as ?study=<id>; stale ids give a notice and None."""
    value = st.query_params.get(key)
    if not value:
        return None
    if value not in known:
        note(f"No {label} called '{value}' exists (it may have been renamed or removed), so it is not shown.")
        del st.query_params[key]
        return None
    return value


def seed(key: str, value: object) -> None:
    """Give a widget its value from the URL the first time it is drawn in this session.

    Streamlit drops a widget's state when a run does not draw it, so arriving on a page
    from another one (with the parameters carried along) seeds it afresh.
    """
    if key not in st.session_state:
        st.session_state[key] = value


def write(key: str, values: str | list[str] | None) -> None:
    """Mirror a widget's value into the URL; an empty value removes the parameter."""
    if values:
        if st.query_params.get_all(key) != (values if isinstance(values, list) else [values]):
            st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]


def choices(key: str, allowed: Iterable[str], label: str) -> list[str]:
    """The URL's values for `key` that the page knows; the rest get a notice."""
    check_values(key, allowed, label)
    known = set(allowed)
    return list(dict.fromkeys(v for v in raw(key) if v in known))


def select(key: str, value: str | None) -> None:
    if value:
        st.query_params[key] = value
    elif key in st.query_params:
        del st.query_params[key]


def carried(keys: Iterable[str]) -> dict[str, list[str]]:
    """The current parameters that also mean something on another page."""
    return {k: st.query_params.get_all(k) for k in keys if k in st.query_params}
