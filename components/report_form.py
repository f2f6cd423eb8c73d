"""The report form: "Report a problem with this record" opens it over the page, and a curator reads what it stores.

How it opens: the report line's link (components/report_problem.py) is the same view plus ?report=<kind>:<id>. The
frame calls `open_if_asked` after every page; with that parameter it opens `st.dialog` about the record, and only
then are the form's widgets built (a first visit pays for one line of markdown per record). Closing the form (its
Done button, the X, Escape, a click beside it) takes ?report= off the address.

What it captures without asking: the record and its kind, the page, the view's link (`url_state.current_url`, which
leaves ?report= out) and the release (meta.version). No IP address, no browser details.

Nothing lost: a report is acknowledged (its reference shown, the form cleared) only once the database has committed
it (evidence/reports/store.py). If it could not be stored, the reader's text stays in the form, with a calm
message and, where the curator set meta.report_to, a link that sends the same text by e-mail. The same filled-in
form sent twice (a retry after a lost answer) is one report: it carries one submission id until it is stored.

Nothing dangerous, each limit told to the reader when hit (evidence/reports/draft.py): a size cap per box (the box
also counts), no control or binary characters, at most RATE_LIMIT reports per visit in RATE_WINDOW_S, and a trap
box for simple bots, hidden by assets/report.css (a keyed container, `display: none`).
"""

from __future__ import annotations

import logging
import time
import uuid

import streamlit as st

from components import url_state
from components.base_loader import base
from components.change_notice import md
from components.site import PageSpec
from components.stylesheets import stylesheet
from evidence.changes import base_records, record_href, record_title
from evidence.kinds import LABELS as KIND_LABELS
from evidence.links import sibling_url
from evidence.model import Record
from evidence.report import report_href
from evidence.reports.draft import (CONTACT, LABELS, LIMITS, RATE_LIMIT, RATE_WINDOW_S, SHOULD_SAY, SOURCE, TRAP,
                                    WHAT_IS_WRONG, Captured, Draft, problems, rate_message, wait_seconds)

log = logging.getLogger(__name__)

TITLE = "Report a problem with this record"
SEND = "Send report"
FORM = "report_form"
TRAP_BOX = "report_trap_box"  # the container assets/report.css hides
FIELDS = (WHAT_IS_WRONG, SHOULD_SAY, SOURCE, CONTACT, TRAP)
KEYS = {name: f"report_{name}" for name in FIELDS}  # the widgets' keys (no URL parameter is named like these)
# Session state: the last outcome shown under the form, the stored report's confirmation, when this visit sent
# its reports (for the rate limit), and the submission id of the form being filled in.
OUTCOME, SENT, SENT_AT, SUBMISSION = "_report_outcome", "_report_sent", "_report_sent_at", "_report_submission"

LIMITS_NOTE = (f"Plain text, up to {LIMITS[WHAT_IS_WRONG]:,} characters in each of these two boxes "
               f"(about {LIMITS[WHAT_IS_WRONG] // 6:,} words).")
CONTACT_NOTE = ("Only if you would like an answer: a curator uses it to ask about this report or to tell you when "
                "the record is corrected, and for nothing else. It is never shown on the site or shared.")
CAPTURED_NOTE = (f"Sent with your words: which record this is, this page's link and the version of the evidence you "
                 f"are reading. Not your IP address. At most {RATE_LIMIT} reports per visit in "
                 f"{RATE_WINDOW_S // 60} minutes.")
NOT_STORED = ("**Your report could not be saved just now.** The reports database did not answer, so nothing was "
              "sent; your text is still in the form. Please try again in a minute.")


def _record(target: str) -> tuple[str, Record] | None:
    kind, _, rid = target.partition(":")
    record = base_records(base()).get((kind, rid))
    return (kind, record) if record is not None else None


def open_if_asked(spec: PageSpec) -> None:
    """After the page: open the form if the address asks for it (?report=<kind>:<id>). An unknown record is
    dropped with a notice above the page, like any stale value in a link."""
    target = url_state.report_request()
    if not target:
        return
    if _record(target) is None:
        url_state.note(f"No record called “{target}” can be reported here (it may have been renamed or removed), "
                       "so the report form is not opened.")
        url_state.close_report()
        return
    st.html(stylesheet("report"))  # styles alone go to Streamlit's event container, outside the page's flow
    _dialog(target, str(spec.url_path))


def _closed() -> None:
    """The reader closed the form: the address loses ?report=, and a stored report's confirmation is done."""
    url_state.close_report()
    st.session_state.pop(SENT, None)
    st.session_state.pop(OUTCOME, None)


@st.dialog(TITLE, width="medium", on_dismiss=_closed)
def _dialog(target: str, page: str) -> None:
    found = _record(target)
    if found is None:  # the base changed under an open form
        st.warning("This record is no longer in the evidence base.", icon=":material/info:")
        return
    kind, record = found
    st.markdown(f"**{KIND_LABELS[kind]}:** {md(record_title(record))}")
    sent = st.session_state.get(SENT)
    if sent and sent["target"] == target:
        _confirmation(sent)
    else:
        _form(target, kind, record, page)


def _confirmation(sent: dict) -> None:
    st.success(f"**Thank you: your report is saved.** Its reference is **{sent['reference']}**. A curator reads "
               "every report; a correction is listed on What's new once it is published.",
               icon=":material/check_circle:")
    if sent["contact"]:
        st.caption("We will write to you only about this report.")
    left, right = st.columns(2)
    if left.button("Done", type="primary", key="report_close"):  # not "Close": the dialog's X is named so
        _closed()
        st.rerun()  # the whole page, without ?report=: the form closes
    right.button("Report another problem", key="report_again", on_click=st.session_state.pop, args=(SENT, None))


def _form(target: str, kind: str, record: Record, page: str) -> None:
    with st.form(FORM, border=False, enter_to_submit=False):
        # No max_chars: the browser would cut a longer paste without a word; the limit is said under the boxes, and
        # a longer text gets a message and stays in the box in full, for the reader to shorten.
        st.text_area(LABELS[WHAT_IS_WRONG], key=KEYS[WHAT_IS_WRONG], height=130,
                     placeholder="For example: the take-home says 30 in 100, but the study reports 13 in 100.")
        st.text_area(LABELS[SHOULD_SAY], key=KEYS[SHOULD_SAY], height=90)
        st.caption(LIMITS_NOTE)
        st.text_input(LABELS[SOURCE], key=KEYS[SOURCE])
        st.text_input(LABELS[CONTACT], key=KEYS[CONTACT], autocomplete="email")
        st.caption(CONTACT_NOTE)
        st.caption(CAPTURED_NOTE)
        st.form_submit_button(SEND, type="primary", icon=":material/send:", on_click=_send,
                              args=(target, kind, page))
        # Last in the form: the hidden box's wrapper still takes the layout's gap, where it shows as no space.
        with st.container(key=TRAP_BOX):
            st.text_input(LABELS[TRAP], key=KEYS[TRAP], autocomplete="off")
    outcome = st.session_state.get(OUTCOME) or {}
    if outcome.get("target") == target:
        # Errors as st.error text: its words are read out, and each names the box it is about.
        for message in outcome.get("errors", []):
            st.error(message, icon=":material/error:")
        if outcome.get("not_stored"):
            st.warning(NOT_STORED, icon=":material/cloud_off:")
    if email := _email_link(kind, record, outcome.get("text", "") if outcome.get("not_stored") else ""):
        words = ("Or send the same text by e-mail instead" if outcome.get("not_stored")
                 else "Prefer to write? Send it by e-mail instead")
        st.caption(f"{words}: [write to the curators]({email}) (opens your mail program or the issue tracker, "
                   "filled in for you).")


def _email_link(kind: str, record: Record, text: str) -> str | None:
    """meta.report_to, prefilled with the record, its link and the reader's `text`; None where it is not set."""
    meta = base().meta
    if not meta or not meta.report_to:
        return None
    link = sibling_url(url_state.page_address(), record_href(kind, record.id), meta.version)
    return report_href(meta.report_to, KIND_LABELS[kind].lower(), record.id, record_title(record), link, text)


def _draft() -> Draft:
    return Draft(**{name: st.session_state.get(KEYS[name]) or "" for name in FIELDS})


def _send(target: str, kind: str, page: str) -> None:
    """The Send button's callback, run before the form is drawn again: check, store, and only once stored, clear."""
    draft = _draft()
    outcome: dict = {"target": target, "errors": [p.message for p in problems(draft)]}
    st.session_state[OUTCOME] = outcome
    if outcome["errors"]:
        return
    sent_at = [t for t in st.session_state.get(SENT_AT, []) if time.time() - t < RATE_WINDOW_S]
    if wait := wait_seconds(sent_at, time.time()):
        outcome["errors"] = [rate_message(wait)]
        return
    found = _record(target)
    if found is None:
        outcome["errors"] = ["This record is no longer in the evidence base, so the report was not sent."]
        return
    meta = base().meta
    captured = Captured(kind=kind, record_id=found[1].id, record_title=record_title(found[1]), page=page,
                        view_url=url_state.current_url(), release=meta.version if meta else None)
    submission = st.session_state.setdefault(SUBMISSION, uuid.uuid4().hex)
    # Imported here, not at the top: SQLAlchemy costs every server start half a second (evidence/reports/__init__.py).
    from evidence.reports.store import NotStored, current_store
    try:
        report = current_store().submit(captured, draft, submission)
    except NotStored as err:
        log.warning("A reader's report was not stored: %s", err)  # the reader's text stays out of the log
        outcome.update(not_stored=True, text=draft.what_is_wrong)
        return
    # Stored and committed: now, and only now, the form is cleared and the reader given the reference.
    st.session_state[SENT_AT] = [*sent_at, time.time()]
    st.session_state[SENT] = {"target": target, "reference": report.reference, "contact": bool(draft.contact)}
    for key in (*KEYS.values(), SUBMISSION, OUTCOME):
        st.session_state.pop(key, None)
