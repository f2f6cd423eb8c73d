"""Classroom and course-page use in a real browser (issue 11, items 3, 4 and 6):
- on a projected 1920x1080 slide, the slide's own QR code is on screen, at least 1/6 of the slide's height,
  and a real decoder reads the slide's exact link from a screenshot of it;
- "Download these slides (PDF)" gives a 16:9 deck of exactly the presented take-homes, whose rendered QR
  code opens a take-home on this server;
- a page elsewhere embeds a view with the share panel's <iframe> snippet: the view renders inside the
  frame without exceptions, and its "Open in the explorer" link is the same view without embed=true;
- embedded with Streamlit's dark theme forced (`embed_options=dark_theme`) on a light system, our colours follow
  the theme, not the system, and pass axe."""

from __future__ import annotations

import functools
import http.server
import io
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader
from pyzbar.pyzbar import decode

from components.deck_download import LABEL as DECK_LABEL
from components.embed import LINK_TEXT
from components.present import SLIDE_QR_TEXT
from components.share import LABEL as SHARE_LABEL
from evidence.outputs.deck import takehome_url
from evidence.selections import take_homes
from tests.shipped import shipped_base

from .helpers import (artifact, assert_no_exception, describe_violations, main_axe_blocking, open_view, rerun,
                      screenshot)

PROJECTOR = {"width": 1920, "height": 1080}
SLIDE_QR = "QR code of this slide's link"


@pytest.fixture(scope="module", autouse=True)
def _served_once(browser, server_url):
    """Load the home page once first: on a server nothing has warmed, the very first deep link shows a
    "Page not found" dialog over the page (test_pages' assert_served is the test for that, not these)."""
    context = browser.new_context(base_url=server_url)
    open_view(context.new_page(), "/")
    context.close()


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _slide_qr(page, name: str) -> tuple[str, float]:
    """Decode the slide's QR code from a screenshot of it as shown; returns (its text, its height in px)."""
    image = page.get_by_role("img", name=SLIDE_QR)
    expect(image).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    box = image.bounding_box()
    png = image.screenshot(animations="disabled")
    artifact("screenshots", f"slide-qr-{name}.png").write_bytes(png)
    found = decode(Image.open(io.BytesIO(png)))
    assert len(found) == 1, f"the slide's QR code on {page.url} did not decode ({len(found)} codes found)"
    return found[0].data.decode("utf-8"), box["height"]


def _assert_axe_clean_main(page) -> None:
    blocking = main_axe_blocking(page)
    assert not blocking, f"{page.url}:\n{describe_violations(blocking)}"


def _shared_link(page) -> str:
    page.get_by_role("button", name=SHARE_LABEL).click()
    body = page.get_by_test_id("stPopoverBody")
    expect(body).to_be_visible()
    link = body.get_by_test_id("stCode").first.locator("code").inner_text().strip()
    page.keyboard.press("Escape")
    expect(body).to_be_hidden()
    return link


def test_every_projected_slide_shows_its_own_scannable_qr_code(new_page, server_url):
    page = open_view(new_page(viewport=PROJECTOR), "/take-homes?topic=pain&present=1&slide=2")
    assert_no_exception(page)
    expect(page.get_by_text(SLIDE_QR_TEXT)).to_be_visible()
    screenshot(page, "slide-with-qr-1920")
    for slide in (2, 3):
        if slide == 3:
            with rerun(page):
                page.get_by_role("button", name="Next").click()
            expect(page).to_have_url(re.compile(r"[?&]slide=3(&|$)"))
        link, height = _slide_qr(page, f"take-homes-slide-{slide}")
        print(f"slide {slide}: QR code {height:.0f} px tall on a 1080 px slide, decodes to {link}")
        assert height >= PROJECTOR["height"] / 6, f"the QR code is {height:.0f}px tall: under 1/6 of the slide"
        box = page.get_by_role("img", name=SLIDE_QR).bounding_box()
        assert box["y"] + box["height"] <= PROJECTOR["height"], "the QR code is below the fold of the slide"
        assert link.startswith(f"{server_url}/take-homes?")
        query = _query(link)
        assert query["slide"] == [str(slide)] and query["present"] == ["1"] and query["topic"] == ["pain"]
        assert link == _shared_link(page), "the slide's QR code and the share panel give different links"
    _assert_axe_clean_main(page)


def test_the_slides_download_as_a_16_9_deck_of_the_presented_take_homes(new_page, server_url, tmp_path):
    claims = take_homes(shipped_base(), ["pain"])
    assert len(claims) >= 2
    page = open_view(new_page(viewport=PROJECTOR), "/take-homes?topic=pain&present=1")
    assert_no_exception(page)
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name=DECK_LABEL).click()
    assert info.value.suggested_filename == "running-back-slides.pdf"
    deck = tmp_path / "deck.pdf"
    shutil.copyfile(info.value.path(), deck)
    shutil.copyfile(deck, artifact("downloads", "running-back-slides.pdf"))

    pages = PdfReader(deck).pages
    texts = [" ".join(p.extract_text().split()) for p in pages]
    references = [t for t in texts if t.startswith("References")]
    print(f"deck: {len(pages)} slides = title + {len(claims)} take-homes + {len(references)} of references")
    assert len(references) >= 1 and texts[-len(references):] == references
    assert len(pages) == 1 + len(claims) + len(references)
    for i, text in enumerate(texts[1:1 + len(claims)], start=1):
        assert f"Take-home {i} of {len(claims)}" in text
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert round(width / height, 3) == round(16 / 9, 3)

    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is needed: apt-get install poppler-utils"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "2", "-l", "2", "-singlefile", str(deck),
                    str(tmp_path / "slide")], check=True)
    decoded = [d.data.decode() for d in decode(Image.open(tmp_path / "slide.png"))]
    version = shipped_base().meta.version
    assert decoded == [takehome_url(f"{server_url}/", claims[0].id, version)], \
        "the deck's QR code is not a versioned link of this server"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def course_page(tmp_path: Path):
    """A page of a course website on another port of 127.0.0.1: write(html) -> its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def write(body: str) -> str:
        (tmp_path / "course.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Week 3: back pain</title></head>'
            f"<body><h1>Week 3: running and back pain</h1>{body}</body></html>", encoding="utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/course.html"

    yield write
    server.shutdown()
    server.server_close()


def test_a_course_page_embeds_a_slide_with_the_share_panels_snippet(new_page, server_url, course_page):
    view = "/take-homes?topic=pain&present=1&slide=2"
    page = open_view(new_page(), view)
    assert_no_exception(page)
    page.get_by_role("button", name=SHARE_LABEL).click()
    body = page.get_by_test_id("stPopoverBody")
    link = body.get_by_test_id("stCode").first.locator("code").inner_text().strip()
    snippet = body.get_by_test_id("stCode").filter(has_text="<iframe").locator("code").inner_text().strip()
    assert "embed=true" in snippet and 'loading="lazy"' in snippet and 'title="Take-homes' in snippet

    course = new_page()
    course.goto(course_page(snippet))
    iframe = course.locator("iframe")
    expect(iframe).to_have_attribute("title", re.compile(r"^Take-homes — "))
    frame = course.frame_locator("iframe")
    expect(frame.locator('[data-testid="stMain"] h1').first).to_have_text("Take-home 2", timeout=60_000)
    expect(frame.get_by_text("Slide 2 of")).to_be_visible()
    expect(frame.get_by_role("img", name=SLIDE_QR)).to_be_visible()
    way_out = frame.get_by_role("link", name=LINK_TEXT)
    expect(way_out).to_have_attribute("href", link)
    expect(way_out).to_have_attribute("target", "_blank")
    expect(way_out).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    assert "embed" not in _query(link)
    expect(frame.get_by_test_id("stException")).to_have_count(0)
    expect(frame.get_by_test_id("stHeader")).to_be_hidden()  # Streamlit's own embed mode
    screenshot(course, "embedded-slide")

    # The app rewrites its query string as a visitor moves on; the view stays embedded, the way out follows.
    frame.get_by_role("button", name="Next").click()
    expect(frame.locator('[data-testid="stMain"] h1').first).to_have_text("Take-home 3", timeout=60_000)
    expect(way_out).to_have_attribute("href", re.compile(r"[?&]slide=3&"))
    address = course.frames[1].url
    assert _query(address)["embed"] == ["true"] and _query(address)["slide"] == ["3"], address
    assert "embed" not in _query(way_out.get_attribute("href"))
    expect(frame.get_by_test_id("stException")).to_have_count(0)


def test_an_embedded_view_is_accessible_and_its_way_out_is_named(new_page):
    page = open_view(new_page(), "/findings?topic=pain&embed=true")
    assert_no_exception(page)
    way_out = page.get_by_role("link", name=f"{LINK_TEXT} (opens in a new tab)")
    expect(way_out).to_be_visible()
    assert _query(way_out.get_attribute("href")) == {"topic": ["pain"], "v": [shipped_base().meta.version]}
    _assert_axe_clean_main(page)


# (view, what to scroll into view): axe judges the contrast of text on screen only. Cards with their badges and
# captions; a chart and its caption; the pictures with theirs.
DARK_EMBEDS = [("/take-homes?topic=pain", ".prose .badge"),
               ("/claim-check?claims=all", '[data-testid="stCaptionContainer"]'),
               ("/prevalence?view=icons", ".figure-row figcaption")]


@pytest.mark.parametrize("path, shown", DARK_EMBEDS, ids=[path for path, _ in DARK_EMBEDS])
def test_an_embedded_view_with_streamlits_dark_theme_is_readable(new_page, path, shown):
    """Regression (issue #24): `embed_options=dark_theme` drew Streamlit's dark theme under our light-theme colours.
    The system stays light, so only Streamlit's theme can tell our colours which set to use."""
    page = open_view(new_page(color_scheme="light"), f"{path}&embed=true&embed_options=dark_theme")
    assert_no_exception(page)
    # The site script travels with the sidebar's HTML, which can arrive after the page is idle: wait for it.
    page.wait_for_function("() => document.documentElement.style.colorScheme !== ''", timeout=15_000)
    schemes = page.evaluate("() => [getComputedStyle(document.querySelector('.stApp')).colorScheme,"
                            " document.documentElement.style.colorScheme]")
    assert schemes == ["dark", "dark"], f"Streamlit's .stApp, then the document: {schemes}"
    page.locator(shown).first.scroll_into_view_if_needed()
    screenshot(page, "embedded-dark-" + re.sub(r"\W+", "-", path.strip("/")))
    _assert_axe_clean_main(page)
