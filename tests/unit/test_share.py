"""Sharing a view: the link round-trips, the QR code reads back as that link, the citation names
the view and its studies; and chart downloads carry their source line into the image."""

from __future__ import annotations

import datetime as dt
import io
import xml.dom.minidom
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image
from pyzbar.pyzbar import decode

from components import chart_export
from evidence.outputs.export import vancouver
from evidence.links import DEFAULT_ORIGIN, page_url, query_string, view_url
from evidence.outputs.share import citation_text, cite_view, qr_png, qr_svg
from tests.shipped import shipped_base


@pytest.fixture(scope="module")
def evidence():
    return shipped_base()


# ---- the link ---------------------------------------------------------------------------

def test_lists_become_repeated_keys_and_read_back_the_same():
    params = {"topic": ["pain", "disc-hydration"], "design": ["rct"], "years": ["2010", "2024"], "q": "disc"}
    url = view_url(page_url(None, "findings"), params)
    assert url.startswith(f"{DEFAULT_ORIGIN}/findings?")
    assert "topic=pain&topic=disc-hydration" in url
    assert parse_qs(urlsplit(url).query) == {"topic": ["pain", "disc-hydration"], "design": ["rct"],
                                             "years": ["2010", "2024"], "q": ["disc"]}


def test_awkward_values_are_encoded_and_survive_the_round_trip():
    params = {"q": ["running & knees = sore?", "Belavý 50%", "a/b#c", "+plus"]}
    url = view_url("https://example.org/app/findings", params)
    query = urlsplit(url).query
    assert " " not in url and "#" not in query and "&knees" not in query
    assert "%20" in query and "+" not in query  # spaces as %20, and a literal + is escaped (%2B)
    assert parse_qs(query) == {"q": params["q"]}
    assert urlsplit(url).fragment == ""


def test_empty_values_are_dropped_and_no_params_give_a_bare_page():
    assert query_string({"topic": [], "q": "", "claim": "x"}) == "claim=x"
    assert view_url(page_url(None, "glossary"), {}) == f"{DEFAULT_ORIGIN}/glossary"


def test_page_url_takes_the_browser_address_and_drops_any_query_or_fragment():
    assert page_url("https://evidence.example/base/findings?topic=pain#x", "findings") == \
        "https://evidence.example/base/findings"
    assert page_url("http://127.0.0.1:8501", "") == "http://127.0.0.1:8501/"  # the home page is the root
    assert page_url(None, "") == f"{DEFAULT_ORIGIN}/"


# ---- the QR code ------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "http://localhost:8501/findings?topic=pain&topic=disability&design=rct",
    "https://evidence.example/take-homes?present=1&slide=3",
    view_url("https://evidence.example/findings", {"q": ["Belavý 2017 & disc"], "topic": ["pain"]}),
    "https://evidence.example/references?" + "&".join(f"topic=t{i}" for i in range(40)),  # a long link
])
def test_qr_png_decodes_back_to_the_exact_url(url):
    png = qr_png(url)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    assert image.width >= 300, "too small to scan from a projected screen"
    decoded = decode(image)
    assert [d.data.decode("utf-8") for d in decoded] == [url]


def test_qr_is_cached_by_url():
    url = "http://localhost:8501/glossary?term=disc"
    assert qr_png(url) is qr_png(url)
    assert qr_png(url) != qr_png(url + "x")


def test_qr_svg_is_svg_with_a_title():
    svg = qr_svg("http://localhost:8501/findings?topic=pain")
    document = xml.dom.minidom.parseString(svg)
    assert document.documentElement.tagName == "svg"
    assert document.getElementsByTagName("title")[0].firstChild.data


# ---- citing the view -------------------------------------------------------------------

def test_cite_view_names_site_page_url_and_access_date():
    text = cite_view("Findings", "http://x/findings?topic=pain", dt.date(2026, 11, 22),
                     last_reviewed=dt.date(2026, 11, 1))
    assert text == ("Running and your lower back — evidence explorer. Findings view. http://x/findings?topic=pain. "
                    "Evidence last reviewed 2026-11-01. Accessed 2026-11-22.")


def test_citation_lists_the_studies_shown_with_their_dois(evidence):
    studies = [s for s in evidence.studies.values() if s.doi][:3]
    text = citation_text("Take-homes", "http://x/take-homes", dt.date(2026, 11, 22), studies)
    assert text.startswith("Running and your lower back — evidence explorer. Take-homes view. http://x/take-homes.")
    for n, study in enumerate(studies, start=1):
        assert f"{n}. {vancouver(study)} doi:{study.doi}" in text
    assert "Studies shown" not in citation_text("Glossary", "http://x/glossary", dt.date(2026, 11, 22))


# ---- chart downloads ---------------------------------------------------------------------

CAPTION = ("Sources: Hoy 2012; Wu 2020. Each panel is one recall period; ranges run from the lowest to the highest "
           "figure reported, so a long caption like this one has to wrap onto a second line.")


def _figure() -> go.Figure:
    fig = go.Figure(go.Bar(x=["Runners", "Everyone"], y=[12, 23], marker_color=["#D55E00", "#0072B2"]))
    fig.update_layout(width=700, height=400, legend=dict(orientation="h", y=-0.2), showlegend=True,
                      xaxis_title="Who", plot_bgcolor="white")
    return fig


def test_caption_wraps_to_the_width():
    lines = chart_export.wrap(CAPTION, 300)
    assert len(lines) > 2 and " ".join(lines) == " ".join(CAPTION.split())
    font = chart_export._font(chart_export.CAPTION_PX)
    assert all(font.getlength(line) <= 300 for line in lines)


def test_chart_export_png_and_svg_carry_the_caption():
    assert chart_export.export_available(), "kaleido and a Chromium are needed for chart downloads"
    png, svg = chart_export.figure_images(_figure(), CAPTION, "Back pain by group")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    scale = chart_export.PNG_SCALE
    assert image.width == 700 * scale and image.height > 400 * scale, "no caption band under the chart"
    band = image.crop((0, 400 * scale, image.width, image.height)).convert("L")
    assert band.getextrema()[0] < 80, "the caption band has no dark text in it"

    text = svg.decode("utf-8")
    document = xml.dom.minidom.parseString(text)  # well-formed
    root = document.documentElement
    assert root.tagName == "svg" and int(root.getAttribute("height")) > 400
    captions = [t.firstChild.data for t in root.getElementsByTagName("text") if t.parentNode.parentNode is root]
    assert " ".join(captions) == " ".join(CAPTION.split())
    assert "Runners" in text  # the chart itself is in there too
    assert chart_export.figure_images(_figure(), CAPTION, "Back pain by group") == (png, svg)  # cached


def test_data_csv_is_exactly_the_table():
    table = pd.DataFrame({"Population": ["Runners – all", "Adults (Belavý)"], "Figure (%)": ["13.6%", "7.5–9.4%"]})
    data = chart_export.data_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").equals(table)
