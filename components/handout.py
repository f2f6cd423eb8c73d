"""The patient-handout download button. The PDF is built only when someone clicks it.

`handout_button(claims, url)` passes Streamlit a callable (deferred download), so drawing the
button costs nothing; the bytes are built on the first click and kept for later clicks with
the same take-homes, link and date.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

import streamlit as st

from components import url_state
from components.base_loader import base
from components.build_cache import BuildCache
from evidence import EvidenceBase
from evidence.outputs.handout import COMPACT, FILE_NAME, REGULAR, SHEET_FILE_NAME, Layout, build_handout, sheet_claims
from evidence.model import TakeHome

LABEL = "Download the full handout (PDF)"
SHEET_LABEL = "Download a one-sheet handout (PDF)"
_cache: BuildCache[bytes] = BuildCache(64)


def handout_bytes(claims: Sequence[TakeHome], evidence: EvidenceBase, url: str, today: dt.date | None = None,
                  layout: Layout = REGULAR) -> bytes:
    """The handout PDF, cached by (claim ids, url, date, layout, base version)."""
    today = today or dt.date.today()
    key = (tuple(c.id for c in claims), url, today, layout)
    return _cache.get(evidence, key, lambda: build_handout(claims, evidence, url, today=today, layout=layout))


def _deferred(claims: Sequence[TakeHome], evidence: EvidenceBase, url: str, layout: Layout) -> Callable[[], bytes]:
    claims = list(claims)
    return lambda: handout_bytes(claims, evidence, url, layout=layout)


def handout_buttons(claims: Sequence[TakeHome]) -> None:
    """The one-sheet handout (the bottom-line take-homes among `claims`, and the warning signs), then the full one."""
    with st.container(horizontal=True, gap="small"):  # one row that wraps on a phone; one element, not three
        handout_button(sheet_claims(claims), key="handout_sheet", layout=COMPACT)
        handout_button(claims)


def handout_button(claims: Sequence[TakeHome], url: str | None = None, key: str = "handout_download",
                   layout: Layout = REGULAR) -> None:
    """A download button for the handout of `claims`; `url` (default: this view's link) is what its QR code opens.
    `layout=COMPACT` is the one-sheet version."""
    if url is None:
        url = url_state.current_url()
    sheet = layout is COMPACT
    st.download_button(
        SHEET_LABEL if sheet else LABEL,
        data=_deferred(claims, base(), url, layout),
        file_name=SHEET_FILE_NAME if sheet else FILE_NAME,
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        disabled=not claims,
        help=("One A4 sheet, printed on both sides: the main take-homes shown here, the warning signs, the "
              "references and a QR code back to this page." if sheet else
              "A printable A4 summary of all the take-homes shown here, with their certainty, the warning signs "
              "to watch for, the references and a QR code back to this page."),
        key=key,
    )
