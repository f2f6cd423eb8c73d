""""Download these slides (PDF)" in presentation mode: the take-homes on screen as an offline 16:9 deck.

The button gets a callable (Streamlit's deferred download), so drawing it costs nothing; the PDF is
built on the first click, on Streamlit's download thread, and kept by (base version, take-homes,
app address). The build holds a lock, so a class clicking at once waits for one build, not thirty.
The deck's QR codes open the app at the address this visitor uses (`url_state.app_url()`).
"""

from __future__ import annotations

from typing import Sequence

import streamlit as st

from components import url_state
from components.base_loader import base
from components.build_cache import BuildCache
from evidence import EvidenceBase
from evidence.outputs.deck import FILE_NAME, build_deck
from evidence.model import TakeHome

LABEL = "Download these slides (PDF)"
_decks: BuildCache[bytes] = BuildCache(32, one_build_at_a_time=True)


def deck_bytes(claims: Sequence[TakeHome], evidence: EvidenceBase, app_url: str) -> bytes:
    """The deck of `claims` whose QR codes open `app_url`, built once per (version, take-homes, address)."""
    return _decks.get(evidence, (tuple(c.id for c in claims), app_url), lambda: build_deck(claims, evidence, app_url))


def deck_button(claims: Sequence[TakeHome]) -> None:
    """The download button for exactly the take-homes this view presents."""
    claims, evidence, app_url = list(claims), base(), url_state.app_url()
    st.download_button(
        LABEL,
        data=lambda: deck_bytes(claims, evidence, app_url),
        file_name=FILE_NAME,
        mime="application/pdf",
        icon=":material/slideshow:",
        on_click="ignore",
        disabled=not claims,
        help="These slides as a 16:9 PDF for a classroom without Wi-Fi: a title slide, one slide per take-home "
             "with its certainty, sources and a QR code, and the references.",
        key="deck_download",
    )
