"""The offline slide deck (`python -m evidence deck`): a 16:9 PDF, one slide per take-home with its certainty
in words and symbols, its citations and a QR code that a real decoder reads after rendering the slide."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode

from evidence import DEFAULT_DIR, load_base
from evidence.__main__ import main
from evidence.outputs.deck import takehome_url
from evidence.grade import certainty_words
from evidence.selections import take_homes

URL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def evidence():
    return load_base(DEFAULT_DIR)


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "deck.pdf"
    assert main(["deck", "-o", str(out), "--topic", "pain", "--url", URL]) == 0
    return out


def test_one_slide_per_take_home_plus_title_and_references(deck, evidence):
    claims = take_homes(evidence, ["pain"])
    reader = PdfReader(deck)
    pages = reader.pages
    assert len(pages) >= len(claims) + 2
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert round(width / height, 3) == round(16 / 9, 3)
    assert "Running and your lower back" in " ".join(pages[0].extract_text().split())
    assert "References" in pages[len(claims) + 1].extract_text()
    for i, claim in enumerate(claims, start=1):
        text = " ".join(pages[i].extract_text().split()).replace("’", "'")
        assert f"Take-home {i} of {len(claims)}" in text
        assert " ".join(claim.statement.split()).replace("’", "'")[:50] in text
        assert certainty_words(claim.certainty) in text  # words and ⊕◯ symbols
        assert "Sources: [1]" in text or "Sources: [" in text
        assert f"of {len(pages)}" in text
    print(f"deck: {len(pages)} slides for {len(claims)} take-homes")


def test_a_rendered_slide_has_a_qr_code_that_opens_its_take_home(deck, evidence, tmp_path):
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) is needed: apt-get install poppler-utils"
    claim = take_homes(evidence, ["pain"])[0]
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "2", "-l", "2", "-singlefile", str(deck),
                    str(tmp_path / "slide")], check=True)
    image = Image.open(tmp_path / "slide.png")
    assert image.width / image.height == pytest.approx(16 / 9, rel=0.01)
    decoded = [d.data.decode() for d in decode(image)]
    version = evidence.meta.version
    assert decoded == [takehome_url(URL, claim.id, version)] == [f"{URL}/take-homes?claim={claim.id}&v={version}"]


def test_an_unknown_topic_is_a_clear_error(tmp_path, capsys):
    assert main(["deck", "-o", str(tmp_path / "x.pdf"), "--topic", "knees"]) == 2
    assert "unknown topic knees" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
