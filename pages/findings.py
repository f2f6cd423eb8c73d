"""Findings: every take-home and every study result, filtered from the URL."""

import streamlit as st

from components.frame import enter
from components import filters
from components.base_loader import base, findings_index
from components.cards import finding_cards
from components.findings_export import csv_button, findings_table
from components.pager import next_page_link, paged, pager
from components.site import FILTER_KEYS
from evidence.facets import DISPLAY
from evidence.links import Page
from evidence.selections import numbered_references

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence, index = base(), findings_index()

st.title("Findings")
st.markdown("Every take-home and every study result in the base. Take-homes carry a certainty grade; "
            "a single study's result is shown as reported and is not graded on its own.")

query = filters.findings_filters(index.years)
found = index.select(query)

summary = f"**{len(found)} of {len(index.findings)} findings match**"
if query.active():
    summary += " · filtered by " + ", ".join(query.active())
st.markdown(summary)
if query.active():
    filters.clear_button(FILTER_KEYS)
as_table = filters.single(DISPLAY, widget="radio", horizontal=True) == "table"
csv_button(found, evidence)

shown, page, pages = paged(found)
numbers = numbered_references(f.study_ids for f in shown)
if not index.findings:
    filters.nothing_to_show("There are no findings in the base yet.")
elif not found:
    filters.nothing_to_show("Nothing matches these filters. Try removing one, or clear them all.")
elif as_table:
    findings_table(shown, evidence)
    pager(page, pages)
else:
    # The cards are one HTML block at the page's end (it grows when it arrives), so the pager goes above
    # them and the list closes with a plain link to the next page.
    pager(page, pages)
    finding_cards(shown, evidence, numbers, more=next_page_link(Page.FINDINGS, page, pages))
