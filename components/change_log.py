"""The change log as the What's new page draws it: releases newest first, one card per change."""

from __future__ import annotations

import streamlit as st

from components.change_notice import md
from components.url_state import link
from evidence.changes import KIND_LABELS, LogEntry, Release, before_text, grouped_by_release


def _heading(release: Release | None, newest: Release | None) -> str:
    if release is None:
        return f"Since version {newest.version} (in the next version)" if newest else "Not yet released"
    return f"Version {release.label}"


def entry_card(entry: LogEntry) -> None:
    with st.container(border=True):
        st.markdown(f"**{entry.date:%d %B %Y}** · :blue-badge[{KIND_LABELS[entry.kind]}] "
                    f"[{md(entry.title)}]({entry.href})")
        st.markdown(md(entry.entry.change))
        st.markdown(f"*Why:* {md(entry.entry.reason)}")
        if before := before_text(entry.entry):
            st.markdown(f"*Before:* {md(before)}" + ("" if before.endswith("”") else "."))
        st.markdown(f"[All changes to this record]({link('whats-new', record=entry.id)})")


def change_log_view(entries: list[LogEntry], releases: list[Release]) -> None:
    for release, group in grouped_by_release(entries, releases):
        st.subheader(_heading(release, releases[-1] if releases else None), anchor=False)
        for entry in group:
            entry_card(entry)
