"""'Report a problem with this record': a link that opens a prefilled message, never stored by the app."""

from __future__ import annotations

import streamlit as st

from components.base_loader import base
from components.url_state import page_address
from evidence.changes import KIND_LABELS, record_href, record_title
from evidence.model import Record
from evidence.report import report_href
from evidence.links import sibling_url

LABEL = "Report a problem with this record"


def report_markdown(kind: str, record: Record) -> str | None:
    """The link's line as markdown, or None if meta.report_to is not set."""
    meta = base().meta
    if not meta or not meta.report_to:
        return None
    # The record's own view, with this page's v (the version the reader is looking at now).
    link = sibling_url(page_address(), record_href(kind, record.id), meta.version)
    href = report_href(meta.report_to, KIND_LABELS[kind].lower(), record.id, record_title(record), link)
    # What the link does is said beside it, not in a help tooltip: a tooltip is hidden from touch screens, and
    # Home's four cost a first visit about 30 ms of the browser's main thread (benchmarks/element_cost_app.py).
    return (f":material/flag: [{LABEL}]({href}) · opens a message about it, filled in for you; nothing is "
            "sent until you send it")


def report_link(kind: str, record: Record) -> None:
    """A small link under the record; nothing is drawn if meta.report_to is not set."""
    if text := report_markdown(kind, record):
        st.markdown(text)
