"""What every PDF we make shares: the fonts (DejaVu, or the core fonts with the text made Latin-1), the
document's metadata, the ink, and the reference numbers. The handout and the slide deck build on `Document`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from fpdf import FPDF

from ..load import EvidenceBase
from ..palette import PDF_HEADING_INK, PDF_INK, PDF_LINK_INK, PDF_PANEL, rgb
from ..selections import numbered_references

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TITLE = "Running and your lower back"
INK, HEADING_INK, LINK_INK, PANEL = (rgb(c) for c in (PDF_INK, PDF_HEADING_INK, PDF_LINK_INK, PDF_PANEL))

# Characters DejaVu has and the core fonts (Latin-1) do not, as their plain equivalents.
_LATIN1 = {
    "–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
    "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
    "…": "...", "•": "-", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "≈": "~", "≠": "!=",
    "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe",
    "⊕": "+", "◯": "o", "○": "o", "●": "*", "✓": "v", "✗": "x", "×": "x",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
}


def latin1(text: str) -> str:
    """`text` with every character the PDF core fonts can print (never raises)."""
    out = []
    for ch in text:
        if ch in _LATIN1:
            out.append(_LATIN1[ch])
            continue
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            # é written as e + combining accent, or a letter with no Latin-1 form: keep the base letter.
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            try:
                base.encode("latin-1")
                out.append(base)
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


@dataclass(frozen=True)
class _Fonts:
    family: str
    unicode: bool


@dataclass(frozen=True)
class Fonts:
    family: str
    unicode: bool


def load_fonts(pdf: FPDF, font_dir: Path | None) -> Fonts:
    regular = font_dir / "DejaVuSans.ttf" if font_dir else None
    if regular is None or not regular.is_file():
        return Fonts("helvetica", unicode=False)
    bold = font_dir / "DejaVuSans-Bold.ttf"
    pdf.add_font("dejavu", "", regular)
    pdf.add_font("dejavu", "B", bold if bold.is_file() else regular)
    return Fonts("dejavu", unicode=True)


class Document(FPDF):
    """An A4 or slide-sized PDF in millimetres, with our fonts, `t()` for any text and "{nb}" for the page count."""

    def __init__(self, font_dir: Path | None, **page) -> None:
        super().__init__(unit="mm", **page)
        self.typeface = load_fonts(self, font_dir)
        self.alias_nb_pages()

    def t(self, text: str) -> str:
        return text if self.typeface.unicode else latin1(text)

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.typeface.family, "B" if bold else "", size)

    def describe(self, title: str, base: EvidenceBase, made: dt.date, subject: str = "", keywords: str = "") -> None:
        """The document's metadata: what a PDF reader lists and a screen reader announces."""
        meta = base.meta
        self.set_title(title)
        self.set_author(meta.title if meta else TITLE)
        if subject:
            self.set_subject(subject)
        if keywords:
            self.set_keywords(keywords)
        self.set_lang("en")
        self.set_creator("running-back-evidence")
        self.set_creation_date(dt.datetime.combine(made, dt.time(), tzinfo=dt.timezone.utc))
        self.set_text_color(*INK)


def reference_numbers(cited: Iterable[Iterable[str]], base: EvidenceBase) -> dict[str, int]:
    """[1], [2], ... for the studies `cited` names, in order of first citation, with no gap for a study the base
    does not hold."""
    known = [sid for sid in numbered_references(cited) if sid in base.studies]
    return {sid: n for n, sid in enumerate(known, start=1)}
