"""An offline slide deck: the take-homes as a 16:9 PDF, for a classroom with poor Wi-Fi.

One slide per take-home in large type, its certainty in words and GRADE symbols, its citations
on the slide, and a QR code that opens that take-home in the app; a title slide first and the
references last. Built with fpdf2 and the handout's fonts and helpers, so it prints the same
characters; nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Sequence

from fpdf import FPDF

from .export import vancouver
from .grade import certainty_words
from .handout import FONT_DIR, HEADING_INK, INK, TITLE, _Fonts, _load_fonts, latin1
from .load import EvidenceBase
from .model import Claim
from .selections import numbered_references
from .links import DEFAULT_ORIGIN, view_url, with_version
from .share import qr_png

# 13.33 x 7.5 inches: PowerPoint's 16:9 slide.
WIDTH, HEIGHT = 338.67, 190.5
MARGIN = 16.0
QR_MM = 52.0  # over a quarter of the slide's height, readable from the back of a room
STATEMENT_PT = 30
CITE_PT = 13
FILE_NAME = "running-back-slides.pdf"


class _Deck(FPDF):
    def __init__(self, font_dir: Path | None) -> None:
        super().__init__(orientation="landscape", unit="mm", format=(HEIGHT, WIDTH))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.typeface: _Fonts = _load_fonts(self, font_dir)
        self.alias_nb_pages()  # "{nb}" becomes the slide count once the deck is finished

    def t(self, text: str) -> str:
        return text if self.typeface.unicode else latin1(text)

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.typeface.family, "B" if bold else "", size)

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
    return view_url(f"{app_url.rstrip('/')}/take-homes", with_version({"claim": [claim_id]}, version))


def build_deck(claims: Sequence[Claim], base: EvidenceBase, app_url: str = DEFAULT_ORIGIN, *,
               today: dt.date | None = None, font_dir: Path | None = FONT_DIR) -> bytes:
    """Title slide, one slide per take-home in this order, then the references, as PDF bytes."""
    today = today or dt.date.today()
    meta = base.meta
    numbers = {sid: n for sid, n in numbered_references(c.studies for c in claims).items() if sid in base.studies}
    numbers = {sid: i for i, sid in enumerate(numbers, start=1)}
    pdf = _Deck(font_dir)
    pdf.set_title(f"{TITLE}: slides")
    pdf.set_author(meta.title if meta else TITLE)
    pdf.set_lang("en")
    pdf.set_creator("running-back-evidence")
    pdf.set_creation_date(dt.datetime.combine(today, dt.time(), tzinfo=dt.timezone.utc))
    text_width = WIDTH - 2 * MARGIN - QR_MM - 10

    # Title slide.
    pdf.add_page()
    pdf.set_xy(MARGIN, MARGIN + 18)
    pdf.text_block(TITLE, 44, text_width, bold=True, ink=HEADING_INK)
    pdf.ln(4)
    pdf.text_block(meta.question if meta else "What the research says", 26, text_width)
    pdf.ln(6)
    reviewed = f" The evidence was last reviewed on {meta.last_reviewed:%d %B %Y}.".replace(" 0", " ") if meta else ""
    pdf.text_block(f"{len(claims)} take-homes, each with how sure the research is (its certainty) and its sources."
                   + reviewed, 16, text_width)
    pdf.ln(4)
    if meta:
        pdf.text_block(meta.disclaimer, 13, text_width)
    pdf.qr(view_url(f"{app_url.rstrip('/')}/take-homes", {}), "Scan to open the take-homes on your phone")
    pdf.footer_line("Slide 1 of {nb}")

    for i, claim in enumerate(claims, start=1):
        pdf.add_page()
        pdf.start_section(pdf.t(f"Take-home {i}"), level=0)
        pdf.set_xy(MARGIN, MARGIN)
        pdf.text_block(f"Take-home {i} of {len(claims)}", 18, text_width, bold=True, ink=HEADING_INK)
        pdf.ln(4)
        size = STATEMENT_PT if len(claim.statement) < 230 else STATEMENT_PT - 4
        cited = " ".join(f"[{numbers[s]}]" for s in claim.studies if s in numbers)
        pdf.text_block(f"{claim.statement.strip()} {cited}", size, text_width)
        pdf.ln(5)
        pdf.text_block(certainty_words(claim.certainty, pdf.typeface.unicode), 24, text_width, bold=True)
        pdf.ln(5)
        sources = "; ".join(f"[{numbers[s]}] {_short(base, s)}" for s in claim.studies if s in numbers)
        pdf.set_x(MARGIN)
        pdf.text_block("Sources: " + sources, CITE_PT, text_width, line=1.25)
        pdf.qr(takehome_url(app_url, claim.id, meta.version if meta else None))
        pdf.footer_line(f"Slide {i + 1} of {{nb}} · {TITLE}")

    # References: as many slides as they need.
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
    pdf.footer_line(f"Slide {pdf.page_no()} of {{nb}} · " + (f"{meta.title}. {meta.licence}." if meta else TITLE))
    return bytes(pdf.output())


def _short(base: EvidenceBase, study_id: str) -> str:
    """'Neason C, et al. British Journal of Sports Medicine. 2024': enough to find the paper from a photo."""
    study = base.studies[study_id]
    authors = study.authors[0] + (", et al." if len(study.authors) > 1 else ".")
    return f"{authors} {study.journal}. {study.year}"
