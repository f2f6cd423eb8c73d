"""What's new: every change to the evidence since it was first published, newest first."""

import streamlit as st

from components.frame import enter
from components import filters, url_state
from components.change_log import change_log_view
from components.reader_corrections import corrections_view
from evidence.wording.citations import study_href
from components.change_notice import releases
from components.base_loader import base
from evidence.changes import base_records, change_log, record_title
from evidence.searches import added_by_search
from evidence.facets import KIND, RECORD
from evidence.links import Page

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
records = base_records(evidence)
with_history = {rid: record_title(r) for (_, rid), r in records.items() if r.history}
chosen = url_state.selected_for_widget("record", with_history, "record with recorded changes")

st.title("What's new")
meta = evidence.meta
if meta and meta.version and meta.released:
    st.markdown(f"**Current version: {meta.version}**, published {meta.released:%d %B %Y}. Links shared from "
                "this site say which version they showed, so a link made before a change tells its reader what "
                "changed since.")
st.markdown("Every change to a take-home's wording or certainty, a claim's verdict or a study's numbers is listed "
            "here, newest first, with the reason for it.")

added = added_by_search(evidence)
if added:
    st.header("Added by the literature search", anchor="added-by-search")
    st.markdown(f"{len(added)} studies found by the documented search (see [Methods]({url_state.link(Page.METHODS)}"
                "#search-log)), not cited by any of the five articles:\n\n" + "\n".join(
                    f"- [{evidence.studies[sid].short_citation}]({study_href(sid)}): "
                    f"{evidence.studies[sid].title} (searched {search.date:%d %B %Y})" for sid, search in added))
    st.header("Changes to existing records", anchor="changes")

left, right = st.columns(2)
kinds = filters.multi(KIND, left)
record = filters.single(RECORD.with_options({"": "All records", **with_history}), right) or None
entries = change_log(records, kinds, record)
st.caption(f"{len(entries)} change(s) listed")
change_log_view(entries, releases())
if not entries:
    st.info("No change matches this filter." if kinds or record else
            "Nothing has changed since the evidence was first published.", icon=":material/history:")
corrections_view(evidence.version, set(records), kinds, record)
