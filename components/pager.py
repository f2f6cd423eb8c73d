"""Previous / next paging with the page number in the URL (?page=3)."""

from __future__ import annotations

import streamlit as st

from components import url_state
from evidence.findings import PAGE_SIZE, page_of
from evidence.links import Page


def requested_page() -> int:
    value = url_state.value("page", "1")
    if not value.isdigit() or int(value) < 1:
        url_state.note(f"Ignored page '{value}'; showing page 1.")
        url_state.write("page", None)
        return 1
    return int(value)


def paged(items: list, size: int = PAGE_SIZE) -> tuple[list, int, int]:
    wanted = requested_page()
    shown, page, pages = page_of(items, wanted, size)
    if page != wanted:
        url_state.note(f"There is no page {wanted}; showing page {page} of {pages}.")
        url_state.write("page", str(page) if page > 1 else None)
    return shown, page, pages


def pager(page: int, pages: int) -> None:
    if pages <= 1:
        return
    left, middle, right = st.columns([1, 2, 1])
    left.button("Previous", icon=":material/chevron_left:", disabled=page <= 1, key="page_prev",
                on_click=url_state.write, args=("page", str(page - 1) if page > 2 else None))
    middle.markdown(f"<p style='text-align:center'>Page {page} of {pages}</p>", unsafe_allow_html=True)
    right.button("Next", icon=":material/chevron_right:", disabled=page >= pages, key="page_next",
                 on_click=url_state.write, args=("page", str(page + 1)))


def next_page_link(url_path: Page, page: int, pages: int) -> str:
    """'Page 2 of 6 · Next page' as markdown, for the end of a list drawn as one block (components/cards.py)."""
    if page >= pages:
        return f"Page {page} of {pages}." if pages > 1 else ""
    params = {**url_state.current_params(), "page": [str(page + 1)]}
    return f"Page {page} of {pages} · [Next page: {page + 1}]({url_state.link(url_path, params)})"
