"""The patient-handout download button. The PDF is built only when someone clicks it.

`handout_button(claims, url)` passes Streamlit a callable (deferred download), so drawing the
button costs nothing; the bytes are built on the first click and kept for later clicks with
the same take-homes, link and date.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from typing import Callable, Sequence

import streamlit as st

from components import url_state
from components.base_loader import base
from evidence import EvidenceBase
from evidence.handout import FILE_NAME, build_handout
from evidence.model import Claim

LABEL = "Download a patient handout (PDF)"
_CACHE_SIZE = 64
_cache: OrderedDict[tuple, bytes] = OrderedDict()
_lock = threading.Lock()


def handout_bytes(claims: Sequence[Claim], evidence: EvidenceBase, url: str, today: dt.date | None = None) -> bytes:
    """The handout PDF, cached by (claim ids, url, date, base version)."""
    today = today or dt.date.today()
    key = (tuple(c.id for c in claims), url, today, evidence.version)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    pdf = build_handout(claims, evidence, url, today=today)
    with _lock:
        _cache[key] = pdf
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return pdf


def _deferred(claims: Sequence[Claim], evidence: EvidenceBase, url: str) -> Callable[[], bytes]:
    claims = list(claims)
    return lambda: handout_bytes(claims, evidence, url)


def handout_button(claims: Sequence[Claim], url: str | None = None, key: str = "handout_download") -> None:
    """A download button for the handout of `claims`; `url` (default: this view's link) is what its QR code opens."""
    if url is None:
        url = url_state.current_url()
    st.download_button(
        LABEL,
        data=_deferred(claims, base(), url),
        file_name=FILE_NAME,
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        disabled=not claims,
        help="A printable A4 summary of the take-homes shown here, with their certainty, the warning signs to "
             "watch for, the references and a QR code back to this page.",
        key=key,
    )
