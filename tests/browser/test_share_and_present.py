"""Sharing in a real browser: the QR code on screen reads back as the view's own link (also on a
phone and on a projected slide), printing drops the chrome, and the handout and chart downloads
arrive as real files."""

from __future__ import annotations

import io
import re
import xml.dom.minidom
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader
from pyzbar.pyzbar import decode

from components.handout import LABEL as HANDOUT_LABEL
from components.handout import handout_bytes
from components.share import LABEL
from evidence.selections import take_homes
from tests.shipped import shipped_base

from .helpers import (AXE_JS, AXE_TAGS, PHONE, SCHEMES, assert_no_exception, artifact, in_scheme, open_view,
                      rerun, screenshot)

QR_ALT = "QR code of the link above"


@pytest.fixture(scope="module", autouse=True)
def _served_once(browser, server_url):
    """Load the home page once first. On a server nothing has warmed (see tools/warm_up.py), the very
    first deep link shows a "Page not found" dialog over the page, which makes the share button inert;
    test_pages' assert_served is the test for that, not these."""
    context = browser.new_context(base_url=server_url)
    open_view(context.new_page(), "/")
    context.close()


def _open_share(page):
    """Open the 'Share this view' popover; returns its body."""
    page.get_by_role("button", name=LABEL).click()
    body = page.get_by_test_id("stPopoverBody")
    expect(body).to_be_visible()
    return body


def _shared_link(body) -> str:
    return body.get_by_test_id("stCode").first.locator("code").inner_text().strip()


def _qr_on_screen(page, body, name: str) -> str:
    """Screenshot the QR image as shown, decode it, return the text it holds."""
    image = body.get_by_role("img", name=QR_ALT)
    expect(image).to_be_visible()
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    png = image.screenshot(animations="disabled")
    artifact("screenshots", f"qr-{name}.png").write_bytes(png)
    found = decode(Image.open(io.BytesIO(png)))
    assert len(found) == 1, f"the QR code on {page.url} did not decode ({len(found)} codes found)"
    return found[0].data.decode("utf-8")


def _view_query(url: str) -> dict[str, list[str]]:
    """The view's parameters, without the release version (v=) a shared link adds."""
    query = parse_qs(urlsplit(url).query)
    query.pop("v", None)
    return query


def _same_view(url: str, other: str) -> None:
    """`url`, a shared link, opens the view at `other` (the page's address), and says which release it showed."""
    a, b = urlsplit(url), urlsplit(other)
    assert (a.scheme, a.netloc, a.path) == (b.scheme, b.netloc, b.path), f"{url} is not {other}"
    assert _view_query(url) == _view_query(other), f"{url} and {other} have different query strings"
    assert parse_qs(a.query)["v"] == [shipped_base().meta.version], f"{url} does not carry the current v="


def test_qr_code_on_screen_opens_this_exact_view(new_page):
    page = open_view(new_page(), "/findings?topic=pain&design=rct")
    assert_no_exception(page)
    body = _open_share(page)
    link = _shared_link(body)
    _same_view(link, page.url)
    assert _view_query(link) == {"topic": ["pain"], "design": ["rct"]}
    assert _qr_on_screen(page, body, "findings-desktop") == link
    box = body.get_by_role("img", name=QR_ALT).bounding_box()
    assert box["width"] >= 300, f"the QR code is {box['width']:.0f}px wide: too small to scan from a projector"

    page.add_script_tag(path=str(AXE_JS))
    for scheme in SCHEMES:  # Streamlit draws the panel outside the element that carries its theme (issue #24)
        in_scheme(page, scheme)
        violations = page.evaluate(
            "(tags) => axe.run(document.querySelector('[data-testid=\"stPopoverBody\"]'),"
            " {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", AXE_TAGS)
        assert not [v["id"] for v in violations if v.get("impact") in ("serious", "critical")], (scheme, violations)


def test_qr_code_fits_and_reads_on_a_phone(new_page):
    page = open_view(new_page(viewport=PHONE, is_mobile=True, has_touch=True), "/take-homes?topic=pain")
    assert_no_exception(page)
    body = _open_share(page)
    screenshot(page, "share-panel-phone")
    link = _shared_link(body)
    _same_view(link, page.url)
    assert _qr_on_screen(page, body, "take-homes-phone") == link
    box = body.get_by_role("img", name=QR_ALT).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"the QR code sticks out of the screen: {box}"


def test_presentation_slide_link_follows_the_slide(new_page):
    page = open_view(new_page(), "/take-homes?present=1&slide=2")
    assert_no_exception(page)
    body = _open_share(page)
    link = _qr_on_screen(page, body, "take-homes-slide-2")
    assert _view_query(link) == {"present": ["1"], "slide": ["2"]}
    box = body.get_by_role("img", name=QR_ALT).bounding_box()
    assert box["width"] >= 400, f"the QR code on a slide is {box['width']:.0f}px wide: too small for the back row"
    page.keyboard.press("Escape")
    expect(body).to_be_hidden()

    with rerun(page):
        page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"[?&]slide=3(&|$)"))
    body = _open_share(page)
    link = _qr_on_screen(page, body, "take-homes-slide-3")
    assert _view_query(link) == {"present": ["1"], "slide": ["3"]}
    _same_view(link, page.url)


def test_printing_shows_the_content_without_the_chrome(new_page):
    page = open_view(new_page(), "/findings?topic=pain")
    assert_no_exception(page)
    page.emulate_media(media="print")
    for test_id in ("stSidebar", "stHeader"):
        expect(page.get_by_test_id(test_id)).to_be_hidden()
    expect(page.get_by_role("button", name=LABEL)).to_be_hidden()
    expect(page.get_by_role("button", name="Clear all filters")).to_be_hidden()
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()

    pdf = page.pdf(format="A4", print_background=False)
    artifact("print", "findings.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) >= 2, "printing cut the page off after the first sheet"
    assert "Findings" in text and "findings match" in text
    assert LABEL not in text and "Clear all filters" not in text
    assert "(https://doi.org/10." in text, "printed links should show their address"


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def test_handout_downloads_as_a_pdf_of_the_take_homes_shown(new_page):
    evidence = shipped_base()
    claims = take_homes(evidence, ["pain"])
    assert claims
    page = open_view(new_page(), "/take-homes?topic=pain")
    assert_no_exception(page)
    on_screen = _flat(page.get_by_test_id("stMain").inner_text())
    for claim in claims:
        assert _flat(claim.statement) in on_screen, f"take-home {claim.id!r} is not on the page"
    link = _shared_link(_open_share(page))
    page.keyboard.press("Escape")

    button = page.get_by_role("button", name=HANDOUT_LABEL)
    if button.count():
        with page.expect_download(timeout=60_000) as info:
            button.click()
        assert info.value.suggested_filename == "running-back-handout.pdf"
        pdf = open(info.value.path(), "rb").read()
    else:  # until the page offers the button: build it exactly as the button would, for this view
        pdf = handout_bytes(claims, evidence, link)
    artifact("downloads", "running-back-handout.pdf").write_bytes(pdf)

    reader = PdfReader(io.BytesIO(pdf))
    text = _flat(" ".join(p.extract_text() for p in reader.pages))
    for claim in claims:
        assert _flat(claim.statement) in text, f"take-home {claim.id!r} is missing from the handout"
    assert "When to get help" in text and "Get emergency care now" in text
    assert _flat(evidence.meta.disclaimer) in text
    images = [image for p in reader.pages for image in p.images]
    assert [d.data.decode() for image in images for d in decode(image.image)] == [link]


def test_chart_svg_download_carries_the_source_line(new_page):
    page = open_view(new_page(), "/prevalence")
    assert_no_exception(page)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="Sources:").first.inner_text()
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="Chart as SVG").click()
    assert info.value.suggested_filename == "back-pain-prevalence.svg"
    svg = open(info.value.path(), encoding="utf-8").read()
    artifact("downloads", info.value.suggested_filename).write_text(svg)
    root = xml.dom.minidom.parseString(svg).documentElement
    lines = [t.firstChild.data for t in root.getElementsByTagName("text") if t.parentNode.parentNode is root]
    assert " ".join(lines) == _flat(caption)
