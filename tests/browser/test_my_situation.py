"""The "Your situation" guide, the one-sheet handouts and the accessibility statement in a real browser."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from pyzbar.pyzbar import decode

from components.handout import SHEET_LABEL
from evidence import DEFAULT_DIR, load_base
from evidence.selections import bottom_line
from tests.shipped import shipped_base

from .helpers import (
    DESKTOP, PHONE, PHONE_OPTIONS, artifact, assert_no_exception, axe, describe_violations, horizontal_overflow,
    open_view, rerun, screenshot,
)

FILLED = "/my-situation?signs=no&pain=long-lasting&running=start&age=18-45"


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_prefilled_guide_renders_accessibly_at_1280_and_390(new_page, size):
    page = new_page(**PHONE_OPTIONS) if size == "phone" else new_page(DESKTOP)
    open_view(page, FILLED)
    assert_no_exception(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="What the research says for people like you")).to_be_visible()
    text = _flat(main.inner_text())
    assert "Why it applies: it covers people with long-term back pain." in text
    assert "Low certainty" in text
    assert "What is not known for you" in text
    screenshot(page, f"my-situation-{size}")
    # Streamlit scrolls its main block, not the document: scroll to the answer for a second picture.
    main.get_by_role("heading", name="What the research says for people like you").scroll_into_view_if_needed()
    screenshot(page, f"my-situation-{size}-answer")
    blocking = [v for v in axe(page, name=f"my-situation-{size}") if v.get("impact") in ("serious", "critical")]
    assert not blocking, describe_violations(blocking)
    overflow = horizontal_overflow(page)
    assert not overflow["overflowing"], overflow


def test_answering_writes_the_url_and_a_warning_sign_routes_to_help(new_page):
    page = open_view(new_page(), "/my-situation")
    with rerun(page):
        page.get_by_text("No, none of them").click()
    assert "signs=no" in page.url
    with rerun(page):
        page.get_by_text("Yes, for 3 months or more").click()
    assert "pain=long-lasting" in page.url
    with rerun(page):
        page.get_by_text("Yes, at least one").click()
    assert "signs=yes" in page.url
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Do you run?")).to_have_count(0)  # no more questions
    link = main.get_by_role("link", name="Go to: When to get help")
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url("**/get-help**")
    expect(page.get_by_role("heading", name="When to get help", level=1)).to_be_visible()


def test_the_guide_handout_downloads_on_one_sheet(new_page):
    page = open_view(new_page(), FILLED)
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Download this guide on one sheet (PDF)").click()
    pdf = open(info.value.path(), "rb").read()
    artifact("downloads", "running-back-my-situation.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2
    text = _flat(" ".join(p.extract_text() for p in reader.pages))
    assert "Your situation" in text and "Why it applies" in text and "When to get help" in text
    codes = [d.data.decode() for p in reader.pages for image in p.images for d in decode(image.image)]
    # The QR opens exactly this guide, with the release it showed (v=, issue #12).
    assert len(codes) == 1 and codes[0].endswith(f"{FILLED}&v={shipped_base().meta.version}"), codes


def test_take_homes_offers_a_one_sheet_handout_of_the_bottom_line(new_page):
    evidence = load_base(DEFAULT_DIR)
    page = open_view(new_page(), "/take-homes")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=SHEET_LABEL).click()
    assert info.value.suggested_filename == "running-back-one-sheet.pdf"
    pdf = open(info.value.path(), "rb").read()
    artifact("downloads", "running-back-one-sheet.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2, f"the one-sheet handout has {len(reader.pages)} pages"
    text = _flat(" ".join(p.extract_text() for p in reader.pages))
    for claim in bottom_line(evidence):
        assert _flat(claim.statement) in text
    assert "When to get help" in text and "Get emergency care now" in text


def test_the_accessibility_statement_is_reachable_from_the_sidebar(new_page):
    page = open_view(new_page(), "/")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Accessibility").click()
    page.wait_for_url("**/accessibility")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Accessibility", level=1)).to_be_visible()
    expect(main).to_contain_text(f"({PHONE['width']} pixels)")  # waits for the page's run to finish
    expect(main.get_by_role("heading", name="Tell us about a barrier")).to_be_visible()


def test_trial_counts_are_drawn_with_their_numbers_as_alt_text(new_page):
    page = open_view(new_page(), "/study?study=neason-2024-asteroid-rct")
    assert_no_exception(page)
    main = page.get_by_test_id("stMain")
    heading = main.get_by_role("heading", name="The counts, as pictures")
    heading.scroll_into_view_if_needed()
    for alt in ("20 of the 20 runners stayed to the end", "9 minor problems were reported among the 20 runners",
                "On average, runners did about 7 of every 10 planned sessions"):
        expect(main.get_by_role("img", name=alt).first).to_be_visible()
    screenshot(page, "study-trial-counts")
