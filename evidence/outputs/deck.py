"""An offline slide deck: the take-homes as a 16:9 PDF, for a classroom with poor Wi-Fi.

One slide per take-home in large type, its certainty in words and GRADE symbols, its citations
on the slide, and a QR code that opens that take-home in the app; a title slide first and the
references last. Built on the PDF base the handout uses (evidence/outputs/pdf.py), so it prints the same
characters; nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Sequence

from ..grade import certainty_words
from ..links import DEFAULT_ORIGIN, Page, view_url, with_version
from ..load import EvidenceBase
from ..model import TakeHome
from .export import vancouver
from .pdf import FONT_DIR, HEADING_INK, INK, TITLE, Document, reference_numbers
from .share import qr_png

# 13.33 x 7.5 inches: PowerPoint's 16:9 slide.
WIDTH, HEIGHT = 338.67, 190.5
MARGIN = 16.0
QR_MM = 52.0  # over a quarter of the slide's height, readable from the back of a room
STATEMENT_PT = 30
CITE_PT = 13
FILE_NAME = "running-back-slides.pdf"


class _Deck(Document):
    def __init__(self, font_dir: Path | None) -> None:
        super().__init__(font_dir, orientation="landscape", format=(HEIGHT, WIDTH))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)

    def text_block(self, text: str, size: float, width: float, bold: bool = False, ink=INK, line: float = 1.3) -> None:
        self.font(size, bold)
        self.set_text_color(*ink)
        self.multi_cell(width, size * 0.3528 * line, self.t(text), align="L", new_x="LEFT", new_y="NEXT")
        self.set_text_color(*INK)

    def qr(self, url: str, caption: str = "Scan to open this on your phone") -> None:
        x, y = self.w - MARGIN - QR_MM, self.h - MARGIN - QR_MM - 8
        self.image(io.BytesIO(qr_png(url)), x=x, y=y, w=QR_MM, h=QR_MM, link=url, alt_text=f"QR code: {url}")
        self.set_xy(x - 6, y + QR_MM + 1)
        self.font(11)
        self.multi_cell(QR_MM + 12, 5, self.t(caption), align="C")

    def footer_line(self, text: str) -> None:
        self.set_xy(MARGIN, self.h - MARGIN + 3)
        self.font(10)
        self.cell(self.w - 2 * MARGIN, 5, self.t(text), align="L")


def takehome_url(app_url: str, claim_id: str, version: str | None = None) -> str:
    """The app's deep link to one take-home, with v=<release> like every link the app gives out: a reader who
    scans an old printout is told what changed since."""
    return view_url(f"{app_url.rstrip('/')}/{Page.TAKE_HOMES}", with_version({"claim": [claim_id]}, version))


def build_deck(claims: Sequence[TakeHome], base: EvidenceBase, app_url: str = DEFAULT_ORIGIN, *,
               today: dt.date | None = None, font_dir: Path | None = FONT_DIR) -> bytes:
    """Title slide, one slide per take-home in this order, then the references, as PDF bytes."""
    today = today or dt.date.today()
    numbers = reference_numbers((c.studies for c in claims), base)
    pdf = _Deck(font_dir)
    pdf.describe(f"{TITLE}: slides", base, today)
    _title_slide(pdf, len(claims), base, app_url)
    for i, claim in enumerate(claims, start=1):
        _take_home_slide(pdf, i, claim, len(claims), numbers, base, app_url)
    _reference_slides(pdf, numbers, base)
    return bytes(pdf.output())


TEXT_WIDTH = WIDTH - 2 * MARGIN - QR_MM - 10  # beside the QR code


def _title_slide(pdf: _Deck, count: int, base: EvidenceBase, app_url: str) -> None:
    meta = base.meta
    pdf.add_page()
    pdf.set_xy(MARGIN, MARGIN + 18)
    pdf.text_block(TITLE, 44, TEXT_WIDTH, bold=True, ink=HEADING_INK)
    pdf.ln(4)
    pdf.text_block(meta.question if meta else "What the research says", 26, TEXT_WIDTH)
    pdf.ln(6)
    reviewed = f" The evidence was last reviewed on {meta.last_reviewed:%d %B %Y}.".replace(" 0", " ") if meta else ""
    pdf.text_block(f"{count} take-homes, each with how sure the research is (its certainty) and its sources."
                   + reviewed, 16, TEXT_WIDTH)
    pdf.ln(4)
    if meta:
        pdf.text_block(meta.disclaimer, 13, TEXT_WIDTH)
    pdf.qr(view_url(f"{app_url.rstrip('/')}/{Page.TAKE_HOMES}", {}), "Scan to open the take-homes on your phone")
    pdf.footer_line("Slide 1 of {nb}")


def _take_home_slide(pdf: _Deck, i: int, claim: TakeHome, count: int, numbers: dict[str, int], base: EvidenceBase,
                     app_url: str) -> None:
    pdf.add_page()
    pdf.start_section(pdf.t(f"Take-home {i}"), level=0)
    pdf.set_xy(MARGIN, MARGIN)
    pdf.text_block(f"Take-home {i} of {count}", 18, TEXT_WIDTH, bold=True, ink=HEADING_INK)
    pdf.ln(4)
    size = STATEMENT_PT if len(claim.statement) < 230 else STATEMENT_PT - 4
    cited = " ".join(f"[{numbers[s]}]" for s in claim.studies if s in numbers)
    pdf.text_block(f"{claim.statement.strip()} {cited}", size, TEXT_WIDTH)
    pdf.ln(5)
    pdf.text_block(certainty_words(claim.certainty, pdf.typeface.unicode), 24, TEXT_WIDTH, bold=True)
    pdf.ln(5)
    sources = "; ".join(f"[{numbers[s]}] {_short(base, s)}" for s in claim.studies if s in numbers)
    pdf.set_x(MARGIN)
    pdf.text_block("Sources: " + sources, CITE_PT, TEXT_WIDTH, line=1.25)
    pdf.qr(takehome_url(app_url, claim.id, base.meta.version if base.meta else None))
    pdf.footer_line(f"Slide {i + 1} of {{nb}} · {TITLE}")


def _reference_slides(pdf: _Deck, numbers: dict[str, int], base: EvidenceBase) -> None:
    """As many slides as the references need."""
    pdf.add_page()
    pdf.start_section("References", level=0)
    pdf.set_xy(MARGIN, MARGIN)
    pdf.text_block("References", 26, WIDTH - 2 * MARGIN, bold=True, ink=HEADING_INK)
    pdf.ln(2)
    for sid, n in numbers.items():
        study = base.studies[sid]
        text = f"{n}. {vancouver(study)}" + (f" doi:{study.doi}" if study.doi else "")
        pdf.font(11)
        lines = len(pdf.multi_cell(WIDTH - 2 * MARGIN, 5, pdf.t(text), dry_run=True, output="LINES"))
        if pdf.get_y() + lines * 5 > HEIGHT - MARGIN - 4:
            pdf.footer_line(f"Slide {pdf.page_no()} of {{nb}} · references continue")
            pdf.add_page()
            pdf.set_xy(MARGIN, MARGIN)
            pdf.text_block("References (continued)", 20, WIDTH - 2 * MARGIN, bold=True, ink=HEADING_INK)
            pdf.ln(2)
        pdf.set_x(MARGIN)
        pdf.text_block(text, 11, WIDTH - 2 * MARGIN, line=1.3, ink=INK)
        pdf.ln(1)
    meta = base.meta
    pdf.footer_line(f"Slide {pdf.page_no()} of {{nb}} · " + (f"{meta.title}. {meta.licence}." if meta else TITLE))


def _short(base: EvidenceBase, study_id: str) -> str:
    """'Neason C, et al. British Journal of Sports Medicine. 2024': enough to find the paper from a photo."""
    study = base.studies[study_id]
    authors = study.authors[0] + (", et al." if len(study.authors) > 1 else ".")
    return f"{authors} {study.journal}. {study.year}"
