"""Share this view: its exact link (with a copy button), a QR code of it, and how to cite it.

The panel is a "Share this view" button at the top right of every page. The frame draws the button
above the page (`share_button`) and fills it once, after the page (`share_body`), so the panel has
what the page settled on: the query string after filters were written back and stale values
dropped, and the studies it named with `shows_studies(ids)` (in on-screen order).

The link is `url_state.current_url()`; the QR code and citation text come from evidence/share.py.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import embed, url_state
from components.base_loader import base
from components.site import HOME, PageSpec
from evidence.share import SITE_TITLE, citation_text, qr_png

_STUDIES = "_share_studies"
LABEL = "Share this view"
OPEN_KEY = "share_panel_open"  # the popover's open state: Streamlit reruns when it is opened or closed
QR_WIDTH = 320  # CSS pixels; about 45 cm wide on a 2 m projected screen
QR_WIDTH_PRESENTING = 440

# Printing a page gives the content, black on white: no sidebar, toolbar, widgets or share panel.
PRINT_CSS = """
<style>
@media print {
  @page { margin: 15mm; }
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] {
    position: static !important; overflow: visible !important; height: auto !important;
    background: #fff !important; color: #000 !important;
  }
  [data-testid="stMainBlockContainer"] { max-width: none !important; padding: 0 !important; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stBottom"], [data-testid="stElementToolbar"],
  [data-testid="stPopover"], [data-testid="stButton"], [data-testid="stDownloadButton"],
  [data-testid="stFormSubmitButton"], [data-testid="stLinkButton"], [data-testid="stBaseButton-secondary"],
  [data-testid="stTextInput"], [data-testid="stTextArea"], [data-testid="stNumberInput"],
  [data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stSlider"],
  [data-testid="stSelectSlider"], [data-testid="stRadio"], [data-testid="stCheckbox"],
  [data-testid="stToggle"], [data-testid="stButtonGroup"], [data-testid="stPills"],
  [data-testid="stSegmentedControl"], [data-testid="stDateInput"], [data-testid="stFileUploader"],
  button, input, select, textarea, iframe[title="streamlit_components"] {
    display: none !important;
  }
  [data-testid="stMain"] *:not(svg):not(svg *) {
    color: #000 !important; background-color: transparent !important; box-shadow: none !important;
    text-shadow: none !important;
  }
  /* Expanders print as plain sections: no border, no chevron; the label stays as a heading. */
  [data-testid="stExpander"] details, [data-testid="stExpander"] summary { border: none !important; }
  [data-testid="stExpander"] summary svg, [data-testid="stExpanderToggleIcon"],
  [data-testid="stExpander"] summary [data-testid="stIconMaterial"] { display: none !important; }
  [data-testid="stExpander"] summary { padding-left: 0 !important; font-weight: 700 !important; }
  /* Chrome ignores break-inside inside flex columns: stack blocks plainly so a card is not cut in two. */
  [data-testid="stVerticalBlock"] { display: block !important; }
  [data-testid="stVerticalBlock"] > * { margin-bottom: 0.75rem; }
  [data-testid="stLayoutWrapper"], [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stExpander"],
  [data-testid="stElementContainer"] {
    break-inside: avoid;
  }
  h1, h2, h3, h4 { break-after: avoid; }
  /* A chart keeps the pixel width it had on screen: shrink it to fit an A4 column. */
  [data-testid="stPlotlyChart"] { zoom: 0.75; overflow: hidden; }
  /* A printed link keeps its address. */
  [data-testid="stMain"] a[href^="http"]::after {
    content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all;
  }
  [data-testid="stMain"] a { text-decoration: underline !important; }
}
</style>
"""


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


def _citation(spec: PageSpec, url: str) -> str:
    return _cited(base().version, spec.title, url, dt.date.today(), tuple(shown_studies()))


# Formatting every shown study's reference is most of the panel's cost; a class opening one link pays it once.
@lru_cache(maxsize=256)
def _cited(version: str, title: str, url: str, accessed: dt.date, study_ids: tuple[str, ...]) -> str:
    evidence = base()
    studies = [evidence.studies[s] for s in study_ids if s in evidence.studies]
    meta = evidence.meta
    return citation_text(title, url, accessed, studies, site_title=meta.title if meta else SITE_TITLE,
                         last_reviewed=meta.last_reviewed if meta else None)


def share_button() -> DeltaGenerator:
    """The 'Share this view' popover itself, drawn before the page: drawn after it, it appeared above a page
    already on screen and pushed it down (a layout shift on every first visit). Fill it with `share_body`."""
    with st.container(horizontal=True, horizontal_alignment="right"):
        return st.popover(LABEL, icon=":material/share:", key=OPEN_KEY, on_change="rerun")


def share_panel(spec: PageSpec = HOME, *, presenting: bool = False) -> None:
    """The popover and its body at once, for a page drawn without the frame."""
    share_body(share_button(), spec, presenting=presenting)


def share_body(panel: DeltaGenerator, spec: PageSpec = HOME, *, presenting: bool = False) -> None:
    """The popover's body: link, QR code, citation, with the query string the page settled on.

    Built only while it is open: most visits never open it, and a closed body would still cost every run a QR
    image, a formatted citation and half a dozen elements for the browser to draw.
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
