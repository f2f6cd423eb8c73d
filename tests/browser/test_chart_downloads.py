"""Every chart downloadable (issue #11, item 5): a real click on the evidence map's and the claim check's
downloads saves a PNG or SVG with the source line drawn in, and a CSV of exactly the table on the page."""

from __future__ import annotations

import csv
import io
import xml.dom.minidom

from PIL import Image

from components.plain_table import CLASS as PLAIN_TABLE
from evidence.outputs.share import SITE_TITLE
from tests.shipped import shipped_base

from .helpers import artifact, assert_no_exception, open_view

BASE = shipped_base()
RENDER_TIMEOUT = 150_000  # kaleido starts a Chromium on the first image click; the machine is shared


def _flat(text: str) -> str:
    return " ".join(text.split())


def _download(page, container: str, label: str, timeout: float = 60_000):
    with page.expect_download(timeout=timeout) as info:
        page.locator(f".st-key-{container}").get_by_role("button", name=label).click()
    download = info.value
    data = open(download.path(), "rb").read()
    artifact("downloads", download.suggested_filename).write_bytes(data)
    return download.suggested_filename, data


def _shown_table(table) -> list[list[str]]:
    """The header and rows of a table as the reader sees them."""
    return table.evaluate("""t => [...t.querySelectorAll('tr')].map(
        tr => [...tr.querySelectorAll('th, td')].map(c => c.innerText.trim()))""")


def _csv_rows(data: bytes) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))]


def _release_line_in(text: str) -> None:
    assert SITE_TITLE in text and BASE.meta.version in text, "the image lacks the site and the release"


def test_evidence_map_svg_and_csv(new_page):
    page = open_view(new_page(), "/evidence-map")
    assert_no_exception(page)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="Bubble area grows").first.inner_text()

    name, svg = _download(page, "chart-downloads-evidence-map", "Chart as SVG", RENDER_TIMEOUT)
    assert name == "evidence-map.svg"
    root = xml.dom.minidom.parseString(svg).documentElement
    lines = [t.firstChild.data for t in root.getElementsByTagName("text") if t.parentNode.parentNode is root]
    assert " ".join(lines) == _flat(caption), "the SVG's caption is not the one under the chart"
    link = root.getElementsByTagName("a")[-1]
    _release_line_in(" ".join(t.firstChild.data for t in link.getElementsByTagName("text")))
    assert "/evidence-map" in link.getAttribute("href")

    page.get_by_text("The map as a table").click()
    shown = _shown_table(page.locator('[data-testid="stExpander"]').filter(has_text="The map as a table")
                         .locator("table"))
    name, data = _download(page, "chart-downloads-evidence-map", "Data as CSV")
    assert name == "evidence-map.csv"
    rows = _csv_rows(data)
    assert rows == shown and len(rows) > 10, "the CSV is not the table shown under the map"


def test_claim_check_png_and_csv(new_page):
    page = open_view(new_page(), "/claim-check")
    assert_no_exception(page)
    name, png = _download(page, "chart-downloads-claim-check-verdicts-by-article", "Chart as PNG", RENDER_TIMEOUT)
    assert name == "claim-check-verdicts-by-article.png"
    image = Image.open(io.BytesIO(png))
    chart_height = 90 + 92 * len(BASE.articles)  # components/claim_check.py verdict_figure
    assert image.format == "PNG" and image.width == 2200, image.size
    assert image.height > 2 * chart_height, "no caption band under the chart"
    band = image.crop((0, 2 * chart_height, image.width, image.height)).convert("L")
    assert band.getextrema()[0] < 80, "the caption band has no dark text in it"

    shown = _shown_table(page.locator(f".{PLAIN_TABLE} table").first)
    name, data = _download(page, "chart-downloads-claim-check-verdicts-by-article", "Data as CSV")
    assert name == "claim-check-verdicts-by-article.csv"
    rows = _csv_rows(data)
    assert rows == shown, "the CSV is not the verdict table shown under the chart"
    assert [r[0] for r in rows[1:]] == [a.title for a in BASE.articles.values()]
