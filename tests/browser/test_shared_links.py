"""The URL is the state: a shared link reproduces the view in a fresh browser, a stale link
degrades to a notice, and changing a filter in the UI is reflected in the URL."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .helpers import assert_no_exception, findings_count, open_view, rerun

SHARED = "/findings?topic=pain&design=rct"


def _multiselect(page, label: str):
    """The st.multiselect whose accessible name (its label) is exactly `label`."""
    return page.get_by_test_id("stMultiSelect").filter(has=_combobox(page, label))


def _topic_filter(page):
    """The Topic multiselect (widget key "topic"), opening the Filters panel first if it is closed (a link that
    already filters opens it closed, and its widgets are drawn only once it is opened)."""
    panel = page.get_by_test_id("stExpander").filter(has=page.locator("summary", has_text="Filters"))
    expect(panel).to_have_count(1)
    if panel.locator("details").first.get_attribute("open") is None:
        panel.locator("summary").first.click()
    multiselect = _multiselect(page, "Topic")
    expect(multiselect).to_be_visible()
    return multiselect


def _combobox(page, label: str):
    return page.get_by_role("combobox", name=label, exact=True)


def _chip(multiselect, text: str):
    """A selected value shown in the multiselect."""
    return multiselect.get_by_role("group", name="Selected values").get_by_text(text, exact=True)


def test_shared_findings_link_reproduces_the_view(new_page):
    first = open_view(new_page(), SHARED)
    assert_no_exception(first)
    n, m = findings_count(first)

    fresh = open_view(new_page(), SHARED)  # another browser context: no cookies, no session
    assert_no_exception(fresh)
    assert findings_count(fresh) == (n, m), "the same link showed a different result in a fresh browser"
    assert n < m, f"{SHARED} should filter something out, but {n} of {m} findings match"
    expect(_chip(_topic_filter(fresh), "Pain")).to_be_visible()


def test_stale_study_link_gives_a_notice_not_an_error(new_page):
    page = open_view(new_page(), "/study?study=no-such-study")
    assert_no_exception(page)
    expect(page.get_by_text("No study called 'no-such-study'")).to_be_visible()


def test_changing_a_filter_updates_the_url(new_page):
    page = open_view(new_page(), "/findings")
    _, total = findings_count(page)
    topic = _topic_filter(page)
    with rerun(page):
        _combobox(page, "Topic").click()
        page.get_by_role("option", name="Pain", exact=True).click()
    page.keyboard.press("Escape")
    expect(_chip(topic, "Pain")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]topic=pain(&|$)"))
    n, m = findings_count(page)
    assert m == total and n < m, f"picking Topic=Pain should narrow {total} findings, got {n} of {m}"

    fresh = open_view(new_page(), page.url)
    assert_no_exception(fresh)
    assert findings_count(fresh) == (n, m), f"{page.url} showed a different result in a fresh browser"


def test_a_sidebar_link_moves_inside_the_app_and_keeps_the_filters(new_page):
    page = open_view(new_page(), SHARED)
    page.evaluate("window.__sameDocument = true")  # gone if the link reloaded the page
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="References", exact=True).click()
    page.wait_for_url(re.compile(r"/references\?topic=pain&design=rct$"))
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="References", level=1)).to_be_visible()
    expect(sidebar.locator('a[aria-current="page"]')).to_have_text("References")
    assert page.evaluate("window.__sameDocument") is True, "the sidebar link reloaded the page"
    assert_no_exception(page)

    page.go_back()  # Streamlit follows the address back, as for any page change
    page.wait_for_url(re.compile(re.escape(SHARED) + "$"))
    expect(main.get_by_role("heading", name="Findings", level=1)).to_be_visible()
    expect(sidebar.locator('a[aria-current="page"]')).to_have_text("Findings")
    assert page.evaluate("window.__sameDocument") is True


def test_a_references_export_saves_exactly_the_filtered_studies(new_page):
    """The export buttons are built on click (deferred): a real click still saves the file, with the filter's
    studies only."""
    from evidence.outputs.export import export
    from evidence.selections import filter_studies
    from tests.shipped import shipped_base

    base = shipped_base()
    page = open_view(new_page(), "/references?topic=pain")
    assert_no_exception(page)
    with page.expect_download(timeout=60_000) as info:
        page.locator(".st-key-export_bibtex").get_by_role("button", name="BibTeX").click()
    download = info.value
    assert download.suggested_filename == "running-back-studies.bib"
    studies = filter_studies(base, ["pain"], [], [], 0, 9999, "")
    assert open(download.path(), encoding="utf-8").read() == export(base, "bibtex", "studies", studies)
