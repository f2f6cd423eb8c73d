"""A freshly started `streamlit run app.py` (no warm-up, no request before) serves the right page to the
first visitor of a deep link, and never shows Streamlit's file-named menu.

Guarded bug (issue #8): with the top-level pages/ folder, a fresh process routes its first request by
pages/ file names, so the first visitor of /findings?topic=pain got a "Page not found" dialog, the main
page and a menu of file names until app.py had run once. The fix is `enter()` in components/frame.py
(every page file calls it first) and .streamlit/config.toml; docs/decisions.md says why. Each case here starts its own server: only the very
first request of a process shows the bug.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from evidence import load_base

from .conftest import streamlit_server
from .helpers import assert_no_exception, findings_count, new_context, wait_idle

BASE = load_base()
STUDY = sorted(BASE.studies.values(), key=lambda s: s.id)[0]
TERM = sorted(BASE.glossary.values(), key=lambda t: t.id)[0]
FIRST_REQUEST_SECONDS: dict[str, float] = {}


def _file_named_menu_seen(page) -> list[str]:
    """Streamlit's own page menu (stSidebarNav) is never drawn by our app: it only appears when
    Streamlit routes by file names. Polled while the first run is under way."""
    return page.locator('[data-testid="stSidebarNav"]').all_inner_texts()


def _check_findings(page):
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Findings")
    n, m = findings_count(page)
    assert 0 < n < m, f"topic=pain should filter the findings, got {n} of {m}"


def _check_study(page):
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Study")
    expect(page.get_by_text(STUDY.title).first).to_be_visible()


def _check_glossary(page):
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Glossary")
    expect(page.get_by_text(f"1 of {len(BASE.glossary)} terms")).to_be_visible()


CASES = {
    "/findings?topic=pain": _check_findings,
    f"/study?study={STUDY.id}": _check_study,
    f"/glossary?term={TERM.id}": _check_glossary,
}


@pytest.mark.parametrize("path", list(CASES))
def test_first_request_to_a_fresh_server_gets_the_deep_linked_page(browser, path):
    with streamlit_server() as server:
        context = new_context(browser, server.url)
        try:
            page = context.new_page()
            started = time.monotonic()
            page.goto(path, wait_until="domcontentloaded")
            page.wait_for_selector('[data-testid="stApp"]', state="attached")
            menus = []
            deadline = time.monotonic() + 90
            while page.locator('[data-testid="stApp"]').get_attribute("data-test-script-state") != "notRunning":
                menus += _file_named_menu_seen(page)
                assert time.monotonic() < deadline, "the first run did not finish in 90 s"
                page.wait_for_timeout(50)
            wait_idle(page)
            FIRST_REQUEST_SECONDS[path] = time.monotonic() - started
            menus += _file_named_menu_seen(page)

            not_found = page.get_by_role("dialog").filter(has_text="Page not found")
            assert not_found.count() == 0, f"first visitor of {path}: {not_found.first.inner_text()!r}"
            assert not menus, f"Streamlit's file-named menu was shown: {menus[0]!r}"
            assert page.url == server.url + path, "the deep link was not kept in the address bar"
            assert_no_exception(page, path)
            CASES[path](page)
            print(f"cold start, first request {path}: {FIRST_REQUEST_SECONDS[path]:.1f}s")
        finally:
            context.close()
