"""The URL is the state, and this is the only module that reads or writes it (`st.query_params`).

Conventions (decided once, here; tests/unit/test_architecture.py fails if another module
touches `st.query_params`):
- A widget's key is its query parameter's name. A widget takes its first value from the URL
  (`seed`) and writes its value back after it is drawn (`write`): one mechanism for every widget.
  (Streamlit's `bind="query-params"` is not used: it writes the *label* of a widget with a
  format_func, and a second mechanism would be one more thing to keep in step; docs/decisions.md,
  URL state.)
- Values are stable slugs (?topic=disc-hydration), never display labels, so renaming a label
  breaks no shared link. Lists are repeated keys: ?topic=pain&topic=disability.
- Selections that are not widgets (a study, a claim, a slide) are single string parameters.
- A value the page does not know is dropped with a short notice (`note`), never an error; the
  frame draws the notices above the page once the page has run.
- Every link is built by `evidence.links`; `link()` here is that builder, and `current_url()` is
  the link this view gives out (share panel, QR code, citation, handout).

API in one glance:
  read   values(key) · value(key) · given(keys) · choices(key, allowed, label) · selected(key, known, label)
         selected_for_widget(key, known, label)
  write  write(key, value) · clear(keys) · seed(key, value)
  links  link(page, **params) · carried(keys) · current_params() · page_address() · current_url() · app_url()
  frame  link_version() · embedded() · report_request() · report_link(target) · close_report()
         (global flags the frame reads on every page, not a page's parameters)
  run    begin_run(url_path, keys) · note(message) · notices()
"""

from __future__ import annotations

from typing import Iterable, Mapping

import streamlit as st

from components.base_loader import base
from evidence.site.addresses import SERVED_AT, plain_page
from evidence.links import REPORT_KEY, VERSION_KEY, app_root, link, page_url, same_page, view_url, with_version

__all__ = ["app_url", "begin_run", "carried", "choices", "clear", "current_params", "current_url", "embedded",
           "given", "link", "link_version", "note", "page_address", "report_request", "report_link", "close_report",
           "notices", "seed", "selected", "selected_for_widget", "value", "values", "write"]

# What this run learned about the URL: its page, its notices, and the keys it read (which
# tests/app/test_page_parameters.py holds to the PageSpec and so to the README).
_RUN = "_url_run"


def _run() -> dict:
    return st.session_state.setdefault(_RUN, {"page": "", "notices": [], "read": set()})


def begin_run(url_path: str, keys: Iterable[str] = ()) -> None:
    """Start a run of the page at `url_path` ("" for home), whose parameters are `keys`: no notices yet, no
    keys read.

    Arriving from another page, the address is the whole truth about this one: a widget that shares a key with
    a widget of the last page (Findings and References both filter by ?topic=) would otherwise keep that
    widget's state, which Streamlit does not carry to a widget of another page, and come up empty; the link's
    values are then lost. So each of the page's keys is seeded afresh from the address (`seed`).
    """
    last = st.session_state.get(_RUN)
    if last is not None and last["page"] != url_path:
        for key in keys:
            st.session_state.pop(key, None)
    st.session_state[_RUN] = {"page": url_path, "notices": [], "read": set()}


# ---- reading ----------------------------------------------------------------------------

def values(key: str) -> list[str]:
    """Every value of `key` in the URL (repeated keys), in order."""
    _run()["read"].add(key)
    return st.query_params.get_all(key)


def value(key: str, default: str | None = None) -> str | None:
    """The single value of `key`, or `default` when the URL does not have it."""
    _run()["read"].add(key)
    return st.query_params.get(key, default)


def given(keys: Iterable[str]) -> bool:
    """Does the URL set any of `keys`?"""
    keys = tuple(keys)
    _run()["read"].update(keys)
    return any(k in st.query_params for k in keys)


def choices(key: str, allowed: Iterable[str], label: str) -> list[str]:
    """The URL's values for `key` that the page knows; each other value gets a notice."""
    known = set(allowed)
    given_values = values(key)
    for unknown in dict.fromkeys(v for v in given_values if v and v not in known):
        note(f"Ignored “{key}={unknown}”: it is not one of the {label} options here.")
    return list(dict.fromkeys(v for v in given_values if v in known))


def selected(key: str, known: Mapping[str, object] | Iterable[str], label: str) -> str | None:
    """A single selection such as ?study=<id>; a stale id gives a notice, leaves the URL and returns None."""
    chosen = value(key)
    if not chosen:
        return None
    if chosen not in known:
        note(f"No {label} called '{chosen}' exists (it may have been renamed or removed), so it is not shown.")
        write(key, None)
        return None
    return chosen


def selected_for_widget(key: str, known: Mapping[str, object] | Iterable[str], label: str) -> str | None:
    """`selected`, and the widget of the same key opens on it (a select box that shows the chosen record)."""
    chosen = selected(key, known, label)
    if chosen:
        seed(key, chosen)
    return chosen


# ---- writing ----------------------------------------------------------------------------

def write(key: str, new: str | list[str] | None) -> None:
    """Set `key` to `new` (a list becomes repeated keys); an empty value removes the parameter."""
    if new:
        if st.query_params.get_all(key) != (new if isinstance(new, list) else [new]):
            st.query_params[key] = new
    elif key in st.query_params:
        del st.query_params[key]


def clear(keys: Iterable[str]) -> None:
    """Remove `keys` from the URL and forget their widgets' values."""
    for key in keys:
        st.session_state.pop(key, None)
        write(key, None)


def seed(key: str, initial: object) -> None:
    """Give a widget its value from the URL the first time it is drawn in this session.

    Streamlit drops a widget's state when a run does not draw it, so arriving on a page
    from another one (with the parameters carried along) seeds it afresh.
    """
    if key not in st.session_state:
        st.session_state[key] = initial


# ---- notices ----------------------------------------------------------------------------

def note(message: str) -> None:
    """Tell the reader part of their link was ignored; the frame shows it above the page."""
    found = _run()["notices"]
    if message not in found:
        found.append(message)


def notices() -> list[str]:
    return list(_run()["notices"])


# ---- links ------------------------------------------------------------------------------

def carried(keys: Iterable[str]) -> dict[str, list[str]]:
    """The current parameters that also mean something on another page (for links to it)."""
    return {k: st.query_params.get_all(k) for k in keys if k in st.query_params}


def current_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def page_address() -> str:
    """The absolute address of the page being viewed, without its query string."""
    return page_url(st.context.url, _run()["page"])


def current_url() -> str:
    """The full link to this view: the browser's address for the page plus the query string the page settled
    on. Everything the app gives out (share panel, QR code, citation, handout) uses this link."""
    meta = base().meta  # v=<release>: a reader of an old link is told what changed (components/change_notice.py)
    shown = {key: values for key, values in current_params().items() if key != REPORT_KEY}  # not the open form
    params = with_version(shown, meta.version if meta else None)
    return view_url(page_address(), params)


def plain_url() -> str | None:
    """The plain page of this view (evidence/site/addresses.py), as this visitor reaches the app; None if it has
    none. Static HTML served beside the app: what to send to a patient's phone."""
    params = {key: values[0] for key, values in current_params().items() if values}
    found = plain_page(_run()["page"], params)
    return app_url() + SERVED_AT + found if found else None


def app_url() -> str:
    """The app's address as this visitor reaches it (origin and base path): what an offline deck links back to."""
    return app_root(page_address())


def link_version() -> str | None:
    """The release the visitor's link was made with (?v=), read by the frame on every page, not by a page."""
    return st.query_params.get(VERSION_KEY)


def report_request() -> str | None:
    """The record whose report form is open (?report=<kind>:<id>), read by the frame on every page, not by a page
    (components/report_form.py)."""
    return st.query_params.get(REPORT_KEY)


def report_link(target: str) -> str:
    """A link to this same view with the report form open about `target` (evidence.links.report_value)."""
    return same_page({**current_params(), REPORT_KEY: target})


def close_report() -> None:
    """The report form is closed: the address loses ?report=."""
    write(REPORT_KEY, None)


def embedded() -> bool:
    """Is this view shown inside another site's <iframe> (?embed=true)? Streamlit keeps `embed` out of
    st.query_params (and in the address bar when the query string is rewritten); st.context reports it."""
    return bool(st.context.is_embedded)
