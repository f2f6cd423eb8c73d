"""What's new's "Corrected after a reader's report": the reports a curator resolved (`python -m evidence reports
resolve`), each with its record, the date, the release and the curator's note. Never the reader's words or
contact: only what the curator wrote for publication, shown escaped (it cannot become a link, HTML or a formula).

Read from the reports database (evidence/reports/store.py) at most once a minute per process; if the database
does not answer, the page says so in one line and shows everything else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from components.prose import prose
from evidence.changes import record_href
from evidence.kinds import LABELS
from evidence.reports.draft import markdown_text

HEADING = "Corrected after a reader's report"


@dataclass(frozen=True)
class Correction:
    kind: str
    record_id: str
    record_title: str
    resolved_at: dt.datetime | None
    release: str | None
    note: str


@st.cache_data(ttl=60, show_spinner=False)
def _corrections(version: str, database: str) -> tuple[Correction, ...] | None:
    """The resolved reports in `database`, newest first; None if it could not be read (kept a minute too, so a
    database that is down does not make every visit wait for it). Keyed on the base's version, as every cache."""
    # Imported here, not at the top: SQLAlchemy costs every server start half a second (evidence/reports/__init__.py).
    from evidence.reports.store import Unavailable, store_for
    try:
        return tuple(Correction(r.kind, r.record_id, r.record_title, r.resolved_at, r.resolved_release,
                                r.resolution_note or "") for r in store_for(database).corrections())
    except Unavailable:
        return None


def _line(correction: Correction, known: set[tuple[str, str]]) -> str:
    when = f"**{correction.resolved_at:%d %B %Y}** · " if correction.resolved_at else ""
    title = markdown_text(correction.record_title)
    record = (f"[{title}]({record_href(correction.kind, correction.record_id)})"
              if (correction.kind, correction.record_id) in known else title)
    release = f" · corrected in version {markdown_text(correction.release)}" if correction.release else ""
    label = LABELS.get(correction.kind, correction.kind)
    return "\n\n".join([f"{when}:blue-badge[{label}] {record}{release}",
                        f"*What was done:* {markdown_text(correction.note)}" if correction.note else ""])


def corrections_view(version: str, known: set[tuple[str, str]], kinds: list[str], record: str | None) -> None:
    """The section, with What's new's filters (kinds, one record) applied; `known` are the (kind, id) of the records
    in the base now (a correction about a record since removed is listed without a link)."""
    from evidence.reports.store import database_url
    st.header(HEADING, anchor="reader-reports")
    found = _corrections(version, database_url())
    if found is None:
        st.caption("The corrections made after readers' reports cannot be listed just now; please look again later.")
        return
    shown = [c for c in found if (not kinds or c.kind in kinds) and (not record or c.record_id == record)]
    st.caption(f"{len(shown)} correction(s) after a reader's report. Every record has a “Report a problem with this "
               "record” link; a curator reads each report.")
    if shown:
        with st.container(border=True):
            prose("\n\n---\n\n".join(_line(c, known) for c in shown))
