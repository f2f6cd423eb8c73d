"""Text drawn as HTML made on the server (components/prose.py), in a real browser: a card's expert layer opens
from the keyboard and passes axe open, icons are glyphs of Streamlit's font (not their names), and a link in the
text to one of our pages moves inside the app."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .helpers import assert_no_exception, axe, describe_violations, open_view

TAKE_HOME = "running-may-ease-back-pain"


def test_a_cards_expert_layer_opens_from_the_keyboard_and_passes_axe_open(page):
    open_view(page, f"/take-homes?claim={TAKE_HOME}")
    summary = page.locator("summary", has_text="For experts: the numbers")
    layer = page.locator("details", has=summary)
    expect(layer).not_to_have_attribute("open", re.compile(".*"))
    summary.focus()
    page.keyboard.press("Enter")
    expect(layer).to_have_attribute("open", "")
    expect(layer.get_by_role("link", name="Link to this take-home")).to_be_visible()
    blocking = [v for v in axe(page, name="card-layer-open") if v.get("impact") in ("serious", "critical")]
    assert not blocking, describe_violations(blocking)


def test_icons_in_server_made_text_are_drawn_as_glyphs_not_as_their_names(page):
    open_view(page, "/study?study=belavy-2017-running-discs")  # its citing records carry verdict badges
    page.wait_for_function("document.fonts.check('16px \"Material Symbols Rounded\"')", timeout=15_000)
    sizes = page.locator(".prose .icon").evaluate_all(
        "els => els.map(e => [e.textContent, e.getBoundingClientRect().width, parseFloat(getComputedStyle(e).fontSize)])")
    assert sizes, "no icon in the study's citing records"
    # A ligature is one glyph about as wide as the font is tall; 'thumb_up' as text would be four times that.
    assert all(width < 1.6 * size for _, width, size in sizes), sizes


def test_a_link_in_server_made_text_moves_inside_the_app(page):
    open_view(page, f"/take-homes?claim={TAKE_HOME}")
    page.evaluate("window.__sameDocument = true")  # gone if the link reloaded the page
    page.locator(".prose").get_by_role("link", name="study page").first.click()  # in the reference list
    page.wait_for_url(re.compile(r"/study\?study=[a-z0-9-]+"))
    expect(page.get_by_test_id("stMain").locator("h1")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True, "the link reloaded the page"
    assert_no_exception(page)
