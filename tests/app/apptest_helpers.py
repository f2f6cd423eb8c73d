"""Open a page of the real app under AppTest, the way a pasted link would."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.share import LABEL as SHARE_LABEL, OPEN_KEY as SHARE_OPEN
from components.site import BY_PATH

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_view(url_path: str, **params: str | list[str]) -> AppTest:
    """Run app.py, then the page at `url_path`, with `params` in the query string.

    The parameters are set before the first run and kept through the page switch:
    AppTest can only target a url_path page after one run, and bound widgets read the
    URL when they are first created, which is what a browser opening a shared link does.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if not BY_PATH[url_path].default:
        at.switch_page(BY_PATH[url_path].file)
        at.run()
    return at


def share_panel(at: AppTest):
    """The page's one 'Share this view' popover, opened first if it is closed, as a visitor would: its body
    is built only while it is open."""
    def panels():
        found = [p for p in at.get("popover") if p.proto.popover.label == SHARE_LABEL]
        assert len(found) == 1, f"expected one '{SHARE_LABEL}' panel, found {len(found)}"
        return found[0]

    if not panels().children:
        at.session_state[SHARE_OPEN] = True
        at.run()
    return panels()
