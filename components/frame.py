"""What every page shares: the data-problem banner, notices about the link, the disclaimer."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import streamlit as st

from components import change_notice, present, share, theme, url_state
from components.data import base


@contextmanager
def page_frame() -> Iterator[None]:
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
    with st.sidebar:
        st.caption(evidence.meta.disclaimer if evidence.meta else "This site is not medical advice.")
    theme.apply()
    present.apply_style()
    url_state.begin_run()
    notice_slot = change_notice.begin_run()  # a link with an older v=: what on this page changed since
    share_slot = share.begin_run()  # print stylesheet, and the share panel now (so pages that st.stop() have it)
    yield
    change_notice.draw(notice_slot)  # now with every record the page named
    share.share_panel(share_slot)  # redrawn with the query string and studies the page settled on
