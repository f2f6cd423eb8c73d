"""The report form in a real Chromium against a real server (its reports go to the test run's SQLite file,
tests/conftest.py): the link on a server-made card and the one under a study open it in place, no reload; the bots'
box is hidden; a report is stored and read back; closing takes ?report= off the address; the form, its error and
its confirmation at 1280 and 390 px, screenshotted and checked with axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components.report_form import SEND
from components.report_problem import LABEL as REPORT
from evidence.reports.draft import LABELS, TRAP, WHAT_IS_WRONG
from evidence.reports.store import ReportStore, database_url

from .helpers import (AXE_JS, DESKTOP, PHONE, PHONE_OPTIONS, assert_no_exception, describe_violations, in_scheme,
                      horizontal_overflow, open_view, rerun, screenshot, wait_idle)

CLAIM = "running-may-ease-back-pain"
STUDY = "neason-2024-asteroid-rct"
REFERENCE = re.compile(r"R-\d{5}")


def _store() -> ReportStore:
    return ReportStore(database_url())  # the server's: it was started with this process's environment


def _mark_document(page) -> None:
    page.evaluate("() => { window.__sameDocument = true; }")


def _same_document(page) -> bool:
    return page.evaluate("() => window.__sameDocument === true")


def _dialog(page):
    return page.get_by_role("dialog").filter(has_text="Report a problem with this record")


def _send(page, dialog) -> None:
    with rerun(page):
        dialog.get_by_role("button", name=SEND).click()


def _axe_blocking(page) -> list[dict]:
    """axe's serious and critical findings inside the dialog, once it has settled."""
    wait_idle(page)
    page.wait_for_timeout(400)  # Streamlit's fade-in
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "() => axe.run(document.querySelector('[role=\"dialog\"]'),"
        " {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        ".then(r => r.violations)")
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def test_the_link_on_a_card_opens_the_form_in_place_and_the_report_is_stored(new_page):
    page = open_view(new_page(), "/take-homes?topic=pain")
    _mark_document(page)
    link = page.locator("a", has_text=REPORT).first  # inside the server-made block of cards
    href = link.get_attribute("href")
    assert href.startswith("?") and "report=take-home" in href and "topic=pain" in href
    with rerun(page):
        link.click()
    dialog = _dialog(page)
    expect(dialog).to_be_visible()
    assert _same_document(page), "the page reloaded: the click should stay in the app"
    assert "report=take-home" in page.url and "topic=pain" in page.url
    expect(page.get_by_label(LABELS[TRAP])).to_be_hidden()  # the bots' box: no reader sees or reaches it
    words = "Browser test: the card's figure differs from the study's table 2."
    dialog.get_by_label(LABELS[WHAT_IS_WRONG]).fill(words)
    _send(page, dialog)
    confirmation = dialog.get_by_text("Thank you: your report is saved")
    expect(confirmation).to_be_visible()
    reference = REFERENCE.search(dialog.inner_text())[0]
    stored = _store().get(reference)
    assert stored is not None and stored.what_is_wrong == words and stored.page == "take-homes"
    assert "report=" not in stored.view_url and "topic=pain" in stored.view_url
    with rerun(page):
        dialog.get_by_role("button", name="Done").click()
    expect(dialog).to_have_count(0)
    assert "report=" not in page.url and "topic=pain" in page.url and _same_document(page)
    assert_no_exception(page)


def test_the_line_under_a_study_opens_the_form_and_escape_closes_it(new_page):
    page = open_view(new_page(), f"/study?study={STUDY}")
    _mark_document(page)
    link = page.locator("a", has_text=REPORT).first  # st.markdown's link (target=_blank): the site script keeps it
    with rerun(page):
        link.click()
    dialog = _dialog(page)
    expect(dialog).to_be_visible()
    assert _same_document(page) and len(page.context.pages) == 1, "no reload, no new tab"
    assert f"report=study%3A{STUDY}" in page.url or f"report=study:{STUDY}" in page.url
    with rerun(page):
        page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert "report=" not in page.url and f"study={STUDY}" in page.url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_form_its_error_and_its_confirmation_are_readable_and_pass_axe(new_page, viewport):
    """On a phone the system is dark, at 1280 light; the confirmation is checked again in the other scheme.
    Regression (issue #24): Streamlit draws the dialog outside the element that carries its theme, and the
    dialog's captions kept their light-theme grey on its dark background."""
    options = PHONE_OPTIONS if viewport == PHONE else {"viewport": DESKTOP}
    first = "dark" if viewport == PHONE else "light"
    page = open_view(new_page(**options, color_scheme=first), f"/take-homes?claim={CLAIM}&report=take-home:{CLAIM}")
    width = viewport["width"]
    dialog = _dialog(page)
    expect(dialog).to_be_visible()
    found = {}
    screenshot(page, f"report-form-{width}")
    found["form"] = _axe_blocking(page)
    _send(page, dialog)  # nothing typed
    error = dialog.get_by_role("alert").filter(has_text="Please say what is wrong")
    expect(error).to_be_visible()  # role=alert: a screen reader reads it out
    expect(page.get_by_label(LABELS[TRAP])).to_be_hidden()  # still hidden after the form's own rerun
    screenshot(page, f"report-form-error-{width}")
    found["error"] = _axe_blocking(page)
    dialog.get_by_label(LABELS[WHAT_IS_WRONG]).fill(f"Browser test at {width} px: the wording is too strong.")
    _send(page, dialog)
    expect(dialog.get_by_text("Thank you: your report is saved")).to_be_visible()
    screenshot(page, f"report-form-sent-{width}")
    found["confirmation"] = _axe_blocking(page)
    other = "light" if first == "dark" else "dark"
    in_scheme(page, other)
    found[f"confirmation, {other}"] = _axe_blocking(page)
    assert not any(found.values()), "\n".join(f"{state}:\n{describe_violations(v)}" for state, v in found.items() if v)
    if viewport == PHONE:
        assert not horizontal_overflow(page)["overflowing"], horizontal_overflow(page)
