"""'Report a problem with this record': a line under a record whose link opens the report form over the page.

The link is this same view plus ?report=<kind>:<id> (evidence/links.py `REPORT_KEY`); the frame reads it on every
page and opens the form (components/report_form.py). A plain link, so the line costs a first visit what any line of
markdown does, and it works where a card is server-made HTML (components/cards.py): a plain click stays in the app
(components/theme.py, the site script), and the form's widgets are built only once a reader opens it.
"""

from __future__ import annotations

import streamlit as st

from components.url_state import report_link as report_href
from evidence.links import report_value
from evidence.model import Record

LABEL = "Report a problem with this record"


def report_markdown(kind: str, record: Record) -> str:
    """The link's line as markdown."""
    # What the link does is said beside it, not in a help tooltip: a tooltip is hidden from touch screens and
    # costs a first visit (docs/decisions.md, Report lines without tooltips).
    return (f":material/flag: [{LABEL}]({report_href(report_value(kind, record.id))}) · opens a short form; "
            "nothing is sent until you send it")


def report_link(kind: str, record: Record) -> None:
    """A small link under the record."""
    st.markdown(report_markdown(kind, record))
