"""The patient handout opens like any PDF and says what the screen says: the chosen take-homes with
their certainty, the warning signs, the references with DOIs, the disclaimer, and a QR code back."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from pyzbar.pyzbar import decode

from evidence.grade import certainty_words
from evidence.outputs.handout import FONT_DIR, build_handout, latin1
from evidence.outputs.export import vancouver
from evidence.model import Certainty
from evidence.red_flags import guidelines_behind, red_flag_groups
from evidence.selections import numbered_references
from tests.shipped import shipped_base

URL = "http://localhost:8501/take-homes?topic=pain&topic=disability"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def evidence():
    return shipped_base()


@pytest.fixture(scope="module")
def chosen(evidence):
    """One take-home at each certainty level the base has, so every label is exercised."""
    by_level = {}
    for claim in evidence.take_homes.values():
        by_level.setdefault(claim.certainty, claim)
    assert len(by_level) >= 3, "the base should have take-homes at three or more certainty levels"
    return list(by_level.values())


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    """Whitespace and line breaks collapsed, curly quotes straightened: how a reader searches a PDF."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@pytest.fixture(scope="module")
def handout(evidence, chosen):
    return build_handout(chosen, evidence, URL, today=TODAY)


@pytest.fixture(scope="module")
def text(handout):
    return _flat(_text(handout))


def test_font_is_available_here():
    # CI installs fonts-dejavu-core; without it the handout silently uses the Latin-1 fallback.
    assert (FONT_DIR / "DejaVuSans.ttf").is_file()


def test_opens_as_an_a4_pdf_with_page_numbers_and_metadata(handout):
    reader = PdfReader(io.BytesIO(handout))
    assert handout.startswith(b"%PDF-")
    pages = reader.pages
    assert len(pages) >= 2
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    for n, page in enumerate(pages, start=1):
        assert f"page {n} of {len(pages)}" in page.extract_text()
    assert "handout" in reader.metadata.title.lower()


def test_has_each_take_home_with_its_certainty_words(chosen, text):
    for claim in chosen:
        statement = _flat(claim.statement)
        assert statement in text, f"take-home {claim.id!r} is missing or garbled"
        assert f"{certainty_words(claim.certainty)}: {statement[:40]}" in text
    assert "Low certainty (⊕⊕◯◯)" in text


def test_leaves_out_take_homes_that_were_not_chosen(evidence, chosen, text):
    others = [c for c in evidence.take_homes.values() if c not in chosen]
    assert others
    for claim in others:
        assert _flat(claim.statement) not in text


def test_cites_numbered_references_with_their_dois(evidence, chosen, text):
    numbers = numbered_references(c.studies for c in chosen)
    assert numbers
    for claim in chosen:
        cited = " ".join(f"[{numbers[s]}]" for s in claim.studies)
        assert f"{_flat(claim.statement)} {cited}" in text
    with_doi = [evidence.studies[s] for s in numbers if evidence.studies[s].doi]
    assert with_doi
    for study in with_doi:
        assert f"doi:{study.doi}" in text
    for study_id, n in numbers.items():
        assert f"{n}. {_flat(vancouver(evidence.studies[study_id]))[:50]}" in text


def test_has_red_flags_and_where_they_come_from(evidence, text):
    """The same signs as the 'When to get help' page, from guidance.yaml, emergency signs first."""
    assert "When to get help" in text
    text = re.sub(r" ?Running and your lower back · handout · page \d+ of \d+ ?", " ", text)  # page footers
    groups = red_flag_groups(evidence)
    assert [g.urgency.value for g in groups][0] == "emergency"
    for group in groups:
        assert _flat(group.action) in text
        for sign in group.signs:
            assert f"{sign.sign}. {_flat(sign.detail)}" in text
    labels = [text.index(g.urgency.label) for g in groups]
    assert labels == sorted(labels), "the most urgent group comes first"
    emergency_block = text[labels[0]:labels[1]]
    for sign in groups[0].signs:  # every emergency sign in the data, inside the emergency group
        assert _flat(sign.sign) in emergency_block, sign.id
    assert "Get emergency care now" in text and "same day" not in text
    assert "clinical guidance, summarised on the app's \u201cWhen to get help\u201d page" in text
    for guideline in guidelines_behind(groups, evidence):
        assert guideline.short_citation in text
    for group in groups[1:]:  # every lower group says what would move the reader up
        assert f"Act sooner if things change. {_flat(group.move_up)}" in text


def test_has_the_disclaimer(evidence, text):
    assert _flat(evidence.meta.disclaimer) in text


def test_qr_code_in_the_pdf_opens_the_view(handout):
    images = [image for page in PdfReader(io.BytesIO(handout)).pages for image in page.images]
    decoded = [d.data.decode() for image in images for d in decode(image.image)]
    assert decoded == [URL]


def test_same_input_gives_the_same_bytes(evidence, chosen, handout):
    again = build_handout(chosen, evidence, URL, today=TODAY)
    assert again == handout


# ---- without DejaVu: core font, Latin-1 text ----------------------------------------------

def test_latin1_replaces_what_core_fonts_cannot_print():
    assert latin1("7.5–9.4% − ⊕⊕◯◯ “quoted” it’s … ≥ 3 → ok") == \
        '7.5-9.4% - ++oo "quoted" it\'s ... >= 3 -> ok'
    assert latin1("Belavý Ø ß") == "Belavý Ø ß"  # Latin-1 letters stay
    assert latin1("Łódź Čapek 中") == "Lódz Capek ?"  # other letters lose their accent; the rest become '?'
    latin1("".join(map(chr, range(0x2000, 0x2100)))).encode("latin-1")  # never raises


def test_fallback_without_unicode_font_still_builds(evidence, chosen):
    pdf = build_handout(chosen, evidence, URL, today=TODAY, font_dir=None)
    text = _flat(_text(pdf))
    assert "⊕" not in text
    for claim in chosen:
        assert f"{certainty_words(claim.certainty, unicode=False)}: " in text
        assert _flat(latin1(claim.statement)).replace("’", "'")[:60] in text
    assert certainty_words(Certainty.LOW, unicode=False) == "Low certainty (2 of 4)"
    assert _flat(evidence.meta.disclaimer) in text
    assert "When to get help" in text and "Get emergency care now" in text


def test_no_take_homes_says_so(evidence):
    text = _flat(_text(build_handout([], evidence, URL, red_flags=[], today=TODAY)))
    assert "No take-homes were chosen" in text
