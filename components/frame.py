"""What every page shares, around the page: the sidebar (navigation, disclaimer), the data-problem banner, the
stylesheets, then (once the page has run) the notices about the link and the share panel, both shown above the
page; in a view embedded in another site (?embed=true), also a link to the same view in the explorer.

A run flows app.py → `page_frame(spec)` (this) → the page script → back here: the share panel is
drawn once, after the page, so it shares the query string the page settled on (filters written
back, stale values dropped) and cites the studies the page named.
"""

from __future__ import annotations

import runpy
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

import streamlit as st

from components import base_loader, change_notice, embed, present, report_form, share, theme, url_state
from components.base_loader import base
from components.nav import sidebar_html
from components.site import PageSpec

APP = Path(__file__).resolve().parents[1] / "app.py"
# True while page_frame draws a page: a page file run outside it is Streamlit's legacy first pass (see enter()).
_IN_FRAME: ContextVar[bool] = ContextVar("in_frame", default=False)


def enter() -> None:
    """The first call of every page file. A fresh process routes its first request by file name (Streamlit's
    legacy pages/ discovery) and runs pages/<url_path>.py bare; then this runs app.py, which draws the same page
    inside the frame, and ends the bare run. Inside the frame it does nothing (docs/decisions.md, Cold start)."""
    if not _IN_FRAME.get():
        runpy.run_path(str(APP))
        st.stop()


def _problems_banner() -> None:
    evidence = base()
    if evidence.problems:
        st.error(
            f"**Some records are held back.** {len(evidence.problems)} problem(s) were found in the evidence files, "
            f"so {len(evidence.held_back)} record(s) are not shown until a curator fixes them. "
            "Everything else is shown as normal.",
            icon=":material/warning:",
        )
        with st.expander("What is wrong (for curators)"):
            st.code("\n".join(str(p) for p in evidence.problems), language=None)


def _sidebar(spec: PageSpec) -> None:
    """The navigation, the disclaimer and the site script as one element: nothing in the sidebar is pushed down
    when the navigation replaces its placeholder (docs/decisions.md, Nothing jumps)."""
    meta = base().meta
    disclaimer = meta.disclaimer if meta else "This site is not medical advice."
    st.sidebar.html(sidebar_html(spec, url_state.carried, disclaimer) + theme.SITE_JS, unsafe_allow_javascript=True)


@contextmanager
def page_frame(spec: PageSpec) -> Iterator[None]:
    base_loader.new_run()  # the files are looked at once a run, at its start
    url_state.begin_run("" if spec.default else spec.url_path, spec.keys)
    share.begin_run()
    _sidebar(spec)
    _problems_banner()
    theme.apply(share.PRINT_CSS)
    presenting = present.apply_style(spec)
    # Above the page, filled once it has run: a link with an older v= (what on this page changed since),
    # notices about the link, the share panel's body (its button is drawn now, so the page never moves down).
    change_slot, notices_slot, share_panel = change_notice.begin_run(), st.empty(), share.share_button()
    # Inside another site's <iframe> (?embed=true): a way out to the full explorer, above the page.
    explorer_slot = st.empty() if url_state.embedded() else None
    token = _IN_FRAME.set(True)
    try:
        yield
    finally:
        _IN_FRAME.reset(token)
    if explorer_slot is not None:
        embed.explorer_link(explorer_slot)
    report_form.open_if_asked(spec)  # ?report=<kind>:<id>: the report form over the page (any page)
    change_notice.draw(change_slot)
    share.share_body(share_panel, spec, presenting=presenting)
    if not presenting and explorer_slot is None:
        share.plain_page_link()
    if notices := url_state.notices():
        notices_slot.info("**About this link:** " + " ".join(notices), icon=":material/link_off:")
