"""Every registered page runs through the real entrypoint (app.py) with no exception."""

import pytest

from components.site import PAGES
from tests.app.apptest_helpers import open_view


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_page_runs_through_entrypoint(spec):
    at = open_view(spec.url_path)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{spec.url_path} draws no title"
    # The frame ran: the sidebar carries the disclaimer on every page.
    assert any("not medical advice" in h.proto.body for h in at.sidebar.get("html"))


def test_legacy_pages_folder_cannot_bypass_the_frame():
    """Regression: with pages/findings.py, Streamlit's legacy pages/ discovery ran that file for /findings
    without app.py, so the page had no navigation, frame or notices. Each page file now calls enter() first,
    which hands such a run to app.py (components/frame.py); this asserts the frame's disclaimer appears on a
    non-default page."""
    at = open_view("findings")
    assert any("not medical advice" in h.proto.body for h in at.sidebar.get("html"))


def test_the_sidebar_is_one_element_the_navigation_then_the_disclaimer():
    """Anything drawn under the navigation was pushed down when the navigation replaced its placeholder (a
    layout shift on every desktop visit): the sidebar is one element, navigation first, the disclaimer under it."""
    at = open_view("glossary")
    (only,) = at.sidebar.children.values()
    body = only.proto.body
    assert body.startswith("<nav") and body.index("</nav>") < body.index("not medical advice")
    assert only.proto.unsafe_allow_javascript and "<script>" in body  # the site script travels with it
