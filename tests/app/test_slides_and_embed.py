"""Presentation mode shows each slide's QR code without opening anything and offers the slides as a PDF;
the share panel offers an <iframe> snippet of the view (issue 11, items 3, 4 and 6)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from components import deck_download
from components.deck_download import LABEL as DECK_LABEL
from components.deck_download import deck_bytes
from components.embed import HEIGHT
from components.embed import LABEL as EMBED_LABEL
from components.present import SLIDE_QR_TEXT
from components.site import PAGES
from evidence.links import DEFAULT_ORIGIN
from evidence.selections import take_homes
from tests.shipped import shipped_base

from .apptest_helpers import open_view, share_panel

PRESENTING = [p for p in PAGES if "present" in p.keys]


def _panel(at: AppTest):
    return share_panel(at)


def _slide_qr(at: AppTest):
    """The images drawn outside the share panel whose alt text says they are this slide's QR code."""
    return [img for img in at.get("image") if img.proto.imgs[0].alt.startswith("QR code of this slide")]


@pytest.mark.parametrize("spec", PRESENTING, ids=[p.url_path for p in PRESENTING])
def test_every_slide_shows_its_qr_code_with_what_it_is_for(spec):
    at = open_view(spec.url_path, present="1", slide="2")
    assert not at.exception, [e.value for e in at.exception]
    assert len(_slide_qr(at)) == 1, f"/{spec.url_path} slide 2 has no QR code of its own beside the slide"
    assert SLIDE_QR_TEXT in [m.value for m in at.markdown]
    assert "slide=2" in _panel(at).code[0].value  # the link the QR code holds is the share panel's


def test_no_slide_qr_code_outside_presentation_mode():
    at = open_view("take-homes")
    assert not at.exception
    assert _slide_qr(at) == [] and SLIDE_QR_TEXT not in [m.value for m in at.markdown]


def test_the_take_home_slides_offer_exactly_their_take_homes_as_a_pdf():
    at = open_view("take-homes", present="1", topic=["pain"])
    assert not at.exception, [e.value for e in at.exception]
    buttons = [b for b in at.get("download_button") if b.proto.label == DECK_LABEL]
    assert len(buttons) == 1 and not buttons[0].proto.disabled
    assert DECK_LABEL not in [b.proto.label for b in open_view("take-homes").get("download_button")]


def test_a_deck_is_built_once_per_take_homes_and_address():
    evidence = shipped_base()
    claims = take_homes(evidence, ["pain"])[:2]
    deck_download._decks.clear()
    first = deck_bytes(claims, evidence, f"{DEFAULT_ORIGIN}/")
    assert deck_bytes(list(claims), evidence, f"{DEFAULT_ORIGIN}/") is first  # a class clicking: one build
    other = deck_bytes(claims, evidence, "https://explorer.example.org/")
    assert other is not first and len(deck_download._decks) == 2
    assert b"explorer.example.org/take-homes" in other and b"explorer.example.org" not in first


def test_the_share_panel_offers_an_iframe_of_this_view():
    at = open_view("findings", topic=["pain"])
    assert not at.exception
    panel = _panel(at)
    assert f"**{EMBED_LABEL}**" in [m.value for m in panel.markdown]
    link, snippet = panel.code[0].value, panel.code[2].value
    assert snippet.startswith("<iframe ") and snippet.endswith("></iframe>")
    attributes = {k: html.unescape(v) for k, v in re.findall(r'(\w+)="([^"]*)"', snippet)}
    assert attributes["src"] == f"{link}&embed=true"
    assert parse_qs(urlsplit(attributes["src"]).query)["topic"] == ["pain"]
    assert attributes["title"] == f"Findings — {shipped_base().meta.title}"
    assert (attributes["width"], attributes["height"], attributes["loading"]) == ("100%", str(HEIGHT), "lazy")


def test_an_ordinary_view_has_no_way_out_link():
    at = open_view("findings")
    assert not [m for m in at.markdown if "Open in the explorer" in m.value]
