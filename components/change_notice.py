"""The notice for a link made with an older release: what changed, on this page, since then.

The frame calls `begin_run()` before the page (it reserves the place above the content and
fills it from the records the URL selects, so a slide deck that st.stop()s still has it) and
`draw(slot)` after it, when the page has named what it showed: take-home, article-claim and
study views call `shows(kind, ids)`, and `share.shows_studies` lists cited studies.
Pure logic: evidence/changes.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import share, url_state
from components.base_loader import base, base_dir
from evidence.changes import (RELEASES, Key, Release, SinceRelease, base_records, before_text,
                              read_releases, since_release)
from evidence.kinds import KINDS, LABELS
from evidence.links import Page
from evidence.model import HistoryEntry

_SHOWN = "_change_notice_shown"
# Which kinds a selection in the URL can name (?claim= is a take-home or an article claim, by page).
URL_KINDS: dict[str, tuple[str, ...]] = {key: tuple(k.slug for k in KINDS if k.url_key == key)
                                         for key in dict.fromkeys(k.url_key for k in KINDS)}


@st.cache_resource(show_spinner=False, max_entries=4)
def _releases(version: str, directory: str) -> list[Release]:
    return read_releases(Path(directory))


def releases() -> list[Release]:
    """The base's release snapshots, oldest first; the base's version covers them (evidence/load.py)."""
    return _releases(base().version, str(base_dir()))


def shows(kind: str, ids: Iterable[str]) -> None:
    """Name records this view shows, so a notice for an older link can say which of them changed."""
    shown = st.session_state.setdefault(_SHOWN, [])
    shown.extend((kind, rid) for rid in ids if (kind, rid) not in shown)


def _shown_keys() -> list[Key]:
    params = url_state.current_params()
    from_url = [(kind, params[key][0]) for key, kinds in URL_KINDS.items() if params.get(key) for kind in kinds]
    return [*from_url, *st.session_state.get(_SHOWN, []), *(("study", s) for s in share.shown_studies())]


def current_since() -> SinceRelease | None:
    evidence = base()
    current = evidence.meta.version if evidence.meta else None
    asked = url_state.link_version()
    if not asked or asked == current:  # most visits: nothing to look up
        return None
    return since_release(asked, current, releases(), base_records(evidence), _shown_keys())


def md(text: str) -> str:
    """Curated text as literal markdown: '$' would start a formula, '[' a link."""
    return text.replace("$", "\\$").replace("[", "\\[").replace("]", "\\]")


def entry_line(entry: HistoryEntry) -> str:
    """'25 Nov 2026: what changed. *Why:* why. Before: certainty was moderate.' as markdown."""
    before = before_text(entry)
    return md(f"{entry.date:%d %b %Y}: {entry.change} *Why:* {entry.reason}"
            + (f" Before: {before}" + ("" if before.endswith("”") else ".") if before else ""))


def _shown_version(asked: str) -> str:
    # Only a plausible version is echoed back: the URL is the visitor's input, not ours to render.
    return f" (v={asked})" if re.fullmatch(r"[\w.-]{1,20}", asked) else ""


def notice(since: SinceRelease) -> None:
    made = (f"Your link was made with version {since.baseline.label} of the evidence." if since.known else
            f"Your link names a version we do not recognise{_shown_version(since.asked)}, so this lists every "
            "change since "
            f"the first version, {since.baseline.label}.")
    n = len(since.changes)
    lines = [f"**Updated since your link was made.** {made} Since then, "
             + ("this item on the page changed; it is shown as it is now." if n == 1 else
                f"{n} items on this page changed; they are shown as they are now.")]
    for change in since.changes:
        lines.append(f"- **{LABELS[change.kind]}:** [{md(change.title)}]({change.href})")
        lines += [f"    - {entry_line(e)}" for e in change.entries]
    lines.append(f"\n[Every change, newest first: What's new]({url_state.link(Page.WHATS_NEW)})")
    st.info("\n".join(lines), icon=":material/update:")


def draw(slot: DeltaGenerator) -> None:
    """Fill `slot` with the notice, or leave it empty when there is nothing to tell."""
    since = current_since()
    if since is None:
        slot.empty()
        return
    with slot.container():
        notice(since)


def begin_run() -> DeltaGenerator:
    st.session_state[_SHOWN] = []
    slot = st.empty()
    draw(slot)
    return slot
