"""Share this view: its exact link (with a copy button), a QR code of it, and how to cite it.

The panel is a "Share this view" button at the top right of every page. The frame draws the button
above the page (`share_button`) and fills it once, after the page (`share_body`), so the panel has
what the page settled on: the query string after filters were written back and stale values
dropped, and the studies it named with `shows_studies(ids)` (in on-screen order).

The link is `url_state.current_url()`; the QR code and citation text come from evidence/outputs/share.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import embed, url_state
from components.base_loader import base
from components.build_cache import BuildCache
from components.site import HOME, PageSpec
from components.stylesheets import stylesheet
from evidence import EvidenceBase
from evidence.outputs.share import SITE_TITLE, citation_text, qr_png

_STUDIES = "_share_studies"
LABEL = "Share this view"
OPEN_KEY = "share_panel_open"  # the popover's open state: Streamlit reruns when it is opened or closed
QR_WIDTH = 320  # CSS pixels; about 45 cm wide on a 2 m projected screen
QR_WIDTH_PRESENTING = 440

# Printing a page gives the content, black on white: no sidebar, toolbar, widgets or share panel.
PRINT_CSS = stylesheet("print")


def begin_run() -> None:
    """Before the page: no studies named yet."""
    st.session_state[_STUDIES] = []


def shows_studies(ids: Iterable[str]) -> None:
    """Name studies this view shows (in on-screen order); 'Cite this view' lists them."""
    shown = st.session_state.setdefault(_STUDIES, [])
    for sid in ids:
        if sid not in shown:
            shown.append(sid)


def shown_studies() -> list[str]:
    return list(st.session_state.get(_STUDIES, []))


# Formatting every shown study's reference is most of the panel's cost; a class opening one link pays it once.
_citations: BuildCache[str] = BuildCache(256)


def _citation(spec: PageSpec, url: str) -> str:
    evidence, key = base(), (spec.title, url, dt.date.today(), tuple(shown_studies()))
    return _citations.get(evidence, key, lambda: _cited(evidence, *key))


def _cited(evidence: EvidenceBase, title: str, url: str, accessed: dt.date, study_ids: tuple[str, ...]) -> str:
    studies = [evidence.studies[s] for s in study_ids if s in evidence.studies]
    meta = evidence.meta
    return citation_text(title, url, accessed, studies, site_title=meta.title if meta else SITE_TITLE,
                         last_reviewed=meta.last_reviewed if meta else None)


def share_button() -> DeltaGenerator:
    """The 'Share this view' popover itself, drawn before the page, so it never pushes a page already on screen
    down (docs/decisions.md, Nothing jumps). Fill it with `share_body`."""
    with st.container(horizontal=True, horizontal_alignment="right"):
        return st.popover(LABEL, icon=":material/share:", key=OPEN_KEY, on_change="rerun")


def share_panel(spec: PageSpec = HOME, *, presenting: bool = False) -> None:
    """The popover and its body at once, for a page drawn without the frame."""
    share_body(share_button(), spec, presenting=presenting)


def plain_page_link() -> None:
    """At the page's end: the plain page of this view, where it has one (evidence/site/)."""
    if plain := url_state.plain_url():
        st.caption(f"[Plain page of this view]({plain}): the same words, quick to open on any phone, and easy to "
                   "print.")


def share_body(panel: DeltaGenerator, spec: PageSpec = HOME, *, presenting: bool = False) -> None:
    """The popover's body: link, QR code, citation, with the query string the page settled on.

    Built only while it is open: most visits never open it, and Streamlit builds a closed popover's body on every
    run all the same (docs/decisions.md, Closed panels).
    """
    if not panel.open:
        return
    url = url_state.current_url()
    with panel:
        # Markdown, not st.caption: the caption grey is below 4.5:1 on the popover's white.
        st.markdown("**Copy link**\n\nThis link opens exactly this view, with its filters. "
                    "Use the copy button on the right.")
        st.code(url, language=None, wrap_lines=True)
        width = QR_WIDTH_PRESENTING if presenting else QR_WIDTH
        st.image(qr_png(url, width), width=width, output_format="PNG",
                 alt="QR code of the link above. Scan it with a phone camera to open this view.")
        st.markdown("Scan with a phone camera to open this view, for example from a projected slide.\n\n"
                    "**Cite this view**")
        st.code(_citation(spec, url), language=None, wrap_lines=True)
        embed.snippet_section(spec, url)
        # Last, so the link, citation and embed code keep their places (tests/app/test_share_panel.py).
        if plain := url_state.plain_url():
            st.markdown("**Link for a patient's phone**\n\nThe same words as a plain page: it opens in about a "
                        "second on a slow connection, works without JavaScript and prints cleanly.")
            st.code(plain, language=None, wrap_lines=True)
