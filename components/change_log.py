"""The change log as the What's new page draws it: releases newest first, each a box of its changes."""

from __future__ import annotations

import streamlit as st

from components.change_notice import md
from components.prose import prose
from components.url_state import link
from evidence.changes import LogEntry, Release, before_text, grouped_by_release
from evidence.kinds import LABELS
from evidence.links import Page


def _heading(release: Release | None, newest: Release | None) -> str:
    if release is None:
        return f"Since version {newest.version} (in the next version)" if newest else "Not yet released"
    return f"Version {release.label}"


def entry_markdown(entry: LogEntry) -> str:
    """One change: date, kind and record; what changed; why; what it said before; its record's history."""
    lines = [f"**{entry.date:%d %B %Y}** · :blue-badge[{LABELS[entry.kind]}] [{md(entry.title)}]({entry.href})",
             md(entry.entry.change), f"*Why:* {md(entry.entry.reason)}"]
    if before := before_text(entry.entry):
        lines.append(f"*Before:* {md(before)}" + ("" if before.endswith("”") else "."))
    lines.append(f"[All changes to this record]({link(Page.WHATS_NEW, record=entry.id)})")
    return "\n\n".join(lines)


def change_log_view(entries: list[LogEntry], releases: list[Release]) -> None:
    for release, group in grouped_by_release(entries, releases):
        st.header(_heading(release, releases[-1] if releases else None), anchor=False)  # h2 under the title
        # One box and one block of server-made HTML per release (components/prose.py), the changes divided by
        # rules: the log grows with every release, and the browser would otherwise parse it all as markdown.
        with st.container(border=True):
            prose("\n\n---\n\n".join(entry_markdown(entry) for entry in group))
