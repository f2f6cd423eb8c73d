"""The patient handout: chosen take-homes as a printable A4 PDF, built server-side with fpdf2.

It carries what the screen carries: each take-home in plain words with its certainty
("Low certainty (⊕⊕◯◯)") and numbered citations [1] [2] that jump to the references; the
warning signs from clinical guidance, most urgent first; the references (Vancouver, with DOIs); the
base's disclaimer; and a QR code back to the view it was made from.

Text is drawn in DejaVu Sans when that font is installed (Debian's fonts-dejavu-core), so
every character prints. Without it the builder falls back to Helvetica and rewrites text to
Latin-1 (dashes, quotes, ⊕ and friends become plain equivalents), so it never crashes on a
character the core fonts lack. Nothing is fetched at run time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from ..grade import MEANING, certainty_words
from ..load import EvidenceBase
from ..model import RedFlagGroup, TakeHome, Urgency
from ..red_flags import guidelines_behind, red_flag_groups
from ..situation import Applies, Guide, answers_text, who_was_studied
from .export import locator, vancouver
from .pdf import FONT_DIR, HEADING_INK, INK, LINK_INK, PANEL, TITLE, Document, latin1, reference_numbers
from .share import qr_png

__all__ = ["COMPACT", "FILE_NAME", "FONT_DIR", "GUIDE_SHEET", "REGULAR", "SHEET", "SHEET_FILE_NAME", "Layout",
           "build_guide_handout", "build_handout", "latin1", "sheet_claims"]

FILE_NAME = "running-back-handout.pdf"

# Layout, in millimetres and points. Body text at 11.5 pt reads comfortably on paper.
MARGIN = 18.0
BODY_PT = 11.5
SMALL_PT = 9.5
LINE = 5.9  # line height for body text
HANG = 8.5  # hanging indent of numbered and bulleted items
QR_MM = 34.0
# The one-sheet handout: the same parts, in smaller type and tighter spacing (9.5 pt body).


@dataclass(frozen=True)
class Layout:
    body: float  # body text, points
    line: float  # body line height, mm
    heading: float  # section headings, points
    gap: float  # space after an item, mm


REGULAR = Layout(BODY_PT, LINE, 14.5, 2.5)
COMPACT = Layout(9.5, 4.25, 11.5, 1.0)
GUIDE_SHEET = 3  # take-homes on the one-sheet guide handout
SHEET = 4  # take-homes on the one-sheet handout (the home page's bottom line has four)
SHEET_FILE_NAME = "running-back-one-sheet.pdf"


class _Handout(Document):
    def __init__(self, font_dir: Path | None, layout: Layout = REGULAR) -> None:
        super().__init__(font_dir, orientation="portrait", format="A4")
        self.layout = layout
        margin = MARGIN if layout is REGULAR else MARGIN - 4
        self.set_margins(margin, margin - 2, margin)
        self.set_auto_page_break(True, margin=margin + 4)

    def footer(self) -> None:
        self.set_y(-MARGIN + 2)
        self.font(SMALL_PT)
        self.set_text_color(*INK)
        self.cell(0, 5, self.t(f"{TITLE} · handout · page {self.page_no()} of {{nb}}"), align="C")


def _heading(pdf: _Handout, text: str, size: float | None = None, keep: float | None = None) -> None:
    """A section heading (also a PDF bookmark), kept on a page with `keep` mm of what follows it."""
    size = min(size, pdf.layout.heading) if size else pdf.layout.heading
    keep = 3 * pdf.layout.line if keep is None else keep
    if pdf.will_page_break(size * 0.5 + 4.5 + keep):
        pdf.add_page()
    pdf.ln(3 if pdf.layout is REGULAR else 1.5)
    pdf.start_section(pdf.t(text), level=0)
    pdf.font(size, bold=True)
    pdf.set_text_color(*HEADING_INK)
    pdf.multi_cell(0, size * 0.5, pdf.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(1.5)


def _paragraph(pdf: _Handout, text: str, size: float | None = None, bold: bool = False, after: float = 2.5) -> None:
    body = pdf.layout.body
    size = min(size, body) if size else body
    pdf.font(size, bold)
    pdf.multi_cell(0, pdf.layout.line * size / body, pdf.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(min(after, pdf.layout.gap + 0.5) if pdf.layout is not REGULAR else after)


def _lines_needed(pdf: _Handout, text: str, width: float, size: float | None = None) -> int:
    size = size or pdf.layout.body
    pdf.font(size)
    return len(pdf.multi_cell(width, pdf.layout.line * size / pdf.layout.body, pdf.t(text), dry_run=True,
                              output="LINES"))


def _item(pdf: _Handout, marker: str, runs: Sequence[tuple[str, bool, str | int | None]], after: float = 2.5,
          size: float | None = None) -> None:
    """A hanging-indent item: `marker` in the gutter, then runs of (text, bold, link) that wrap under each other."""
    size = size or pdf.layout.body
    LINE = pdf.layout.line * size / pdf.layout.body  # noqa: N806 (the module's line height, for this layout)
    after = min(after, pdf.layout.gap) if pdf.layout is not REGULAR else after
    width = pdf.epw - HANG
    needed = _lines_needed(pdf, "".join(text for text, _, _ in runs), width, size) * LINE
    if pdf.will_page_break(min(needed, 4 * LINE)):
        pdf.add_page()
    left = pdf.l_margin
    pdf.font(size)
    pdf.set_x(left)
    pdf.cell(HANG, LINE, pdf.t(marker))
    pdf.set_left_margin(left + HANG)
    pdf.set_x(left + HANG)
    for text, bold, link in runs:
        pdf.font(size, bold)
        # write() only breaks a line inside its own text: a citation or DOI that starts a run and
        # does not fit would be split mid-word, so start it on the next line instead.
        first_word = pdf.t(text).split(" ", 1)[0]
        if first_word and pdf.get_x() + pdf.get_string_width(first_word) + 2 * pdf.c_margin > pdf.w - pdf.r_margin:
            pdf.ln(LINE)
        if link:
            pdf.set_text_color(*LINK_INK)
            pdf.write(LINE, pdf.t(text), link=link)
            pdf.set_text_color(*INK)
        else:
            pdf.write(LINE, pdf.t(text))
    pdf.set_left_margin(left)
    pdf.ln(LINE)
    pdf.ln(after)


SUBTITLE = "What the research says about running and back pain, in plain words"


def _header(pdf: _Handout, url: str, made: dt.date, reviewed: dt.date | None, subtitle: str = SUBTITLE) -> None:
    top = pdf.get_y()
    qr = QR_MM if pdf.layout is REGULAR else QR_MM - 8  # still 2.6 cm: scannable at arm's length
    text_width = pdf.epw - qr - 6
    pdf.font(22, bold=True)
    pdf.set_text_color(*HEADING_INK)
    pdf.multi_cell(text_width, 10, pdf.t(TITLE), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.font(13)
    pdf.multi_cell(text_width, 6.5, pdf.t(subtitle),
                   align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.font(SMALL_PT + 0.5)
    when = f"Made on {made:%d %B %Y}".replace(" 0", " ")
    if reviewed:
        when += f". The evidence was last reviewed on {reviewed:%d %B %Y}".replace(" 0", " ")
    pdf.multi_cell(text_width, 5, pdf.t(when + "."), align="L", new_x="LMARGIN", new_y="NEXT")
    text_bottom = pdf.get_y()

    x = pdf.w - pdf.r_margin - qr
    pdf.image(io.BytesIO(qr_png(url)), x=x, y=top, w=qr, h=qr, link=url,
              alt_text="QR code that opens this handout's page in the evidence explorer")
    pdf.set_xy(x - 3, top + qr + 0.5)
    pdf.font(SMALL_PT - 0.5)
    pdf.multi_cell(qr + 6, 4, pdf.t("Scan to open the live page"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(text_bottom, pdf.get_y()) + 3)


def _disclaimer(pdf: _Handout, text: str) -> None:
    LINE = pdf.layout.line  # noqa: N806
    pdf.font(pdf.layout.body)
    height = len(pdf.multi_cell(pdf.epw - 8, LINE, pdf.t(text), dry_run=True, output="LINES")) * LINE + 6
    if pdf.will_page_break(height):
        pdf.add_page()
    y = pdf.get_y()
    pdf.set_fill_color(*PANEL)
    pdf.rect(pdf.l_margin, y, pdf.epw, height, style="F")
    pdf.set_xy(pdf.l_margin + 4, y + 3)
    pdf.multi_cell(pdf.epw - 8, LINE, pdf.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(y + height + 2)


def build_handout(
    claims: Sequence[TakeHome],
    base: EvidenceBase,
    url: str,
    *,
    red_flags: Sequence[RedFlagGroup] | None = None,
    today: dt.date | None = None,
    font_dir: Path | None = FONT_DIR,
    layout: Layout = REGULAR,
    subtitle: str = SUBTITLE,
    notes: Mapping[str, Sequence[str]] | None = None,
    sections: Sequence[tuple[str, Sequence[str]]] = (),
    study_notes: Mapping[str, str] | None = None,
) -> bytes:
    """The handout for `claims` (in this order) as PDF bytes.

    `red_flags` are the warning-sign groups, most urgent first (default: the base's own, as the
    app's "When to get help" page shows them); `url` is the view the QR code opens.
    `font_dir=None` forces the Latin-1 core-font fallback. `layout=COMPACT` is the one-sheet version.
    A view that says more than the take-homes (the "Your situation" guide) passes `notes` (lines under
    a take-home, by claim id), `sections` (titled bullet lists after the take-homes) and `study_notes`
    (a line after a reference, by study id).
    """
    notes, study_notes = notes or {}, study_notes or {}
    today = today or dt.date.today()
    meta = base.meta
    numbers = reference_numbers((c.studies for c in claims), base)

    pdf = _Handout(font_dir, layout)
    pdf.describe(f"{TITLE}: a patient handout", base, today,
                 subject="Take-homes from the research on running and low back pain, with their certainty and "
                         "sources", keywords="running low back pain evidence handout")
    pdf.add_page()
    _header(pdf, url, today, meta.last_reviewed if meta else None, subtitle)
    _paragraph(pdf, "Each point below says how sure the research is (its certainty). Numbers in brackets, "
                    "like [1], point to the studies listed at the end.")
    _disclaimer(pdf, meta.disclaimer if meta else "This handout explains research. It is not medical advice.")
    links = {sid: pdf.add_link() for sid in numbers}
    _take_homes(pdf, claims, numbers, links, notes)
    for title, lines in sections:
        _heading(pdf, title, keep=2 * pdf.layout.line)
        for line in lines:
            _item(pdf, "•", [(line, False, None)], after=1)
    _certainty_words(pdf)
    _warning_signs(pdf, red_flag_groups(base) if red_flags is None else list(red_flags), base)
    _references(pdf, numbers, links, base, study_notes)
    _closing(pdf, url, base)
    return bytes(pdf.output())


def _take_homes(pdf: _Handout, claims: Sequence[TakeHome], numbers: dict[str, int], links: dict[str, int],
                notes: Mapping[str, Sequence[str]]) -> None:
    _heading(pdf, "What the research says")
    if not claims:
        _paragraph(pdf, "No take-homes were chosen for this handout.")
    for i, claim in enumerate(claims, start=1):
        runs: list[tuple[str, bool, str | int | None]] = [
            (certainty_words(claim.certainty, pdf.typeface.unicode) + ": ", True, None),
            (claim.statement.strip(), False, None),
        ]
        for sid in claim.studies:
            if sid in numbers:
                runs.append((" ", False, None))
                runs.append((f"[{numbers[sid]}]", False, links[sid]))
        _item(pdf, f"{i}.", runs, after=0.5 if notes.get(claim.id) else 2.5)
        for line in notes.get(claim.id, ()):
            _item(pdf, "", [(line, False, None)], after=0.3, size=SMALL_PT + 0.5)
        if notes.get(claim.id):
            pdf.ln(1.5)


def _certainty_words(pdf: _Handout) -> None:
    _heading(pdf, "What the certainty words mean", size=12.5, keep=7 * pdf.layout.line)
    for level, meaning in MEANING.items():
        _item(pdf, "•", [(certainty_words(level, pdf.typeface.unicode) + ": ", True, None), (meaning, False, None)],
              after=1)
    pdf.ln(1.5)


def _warning_signs(pdf: _Handout, groups: Sequence[RedFlagGroup], base: EvidenceBase) -> None:
    regular = pdf.layout is REGULAR
    _heading(pdf, "When to get help")
    _paragraph(pdf, "Most back pain in runners settles with a few easier days. A few signs do need a doctor. "
                    "Here they are, the most urgent first." if regular else
               "A few signs do need a doctor. Here they are, the most urgent first.")
    for group in groups:
        # Keep a group's heading, its action and its first sign on one page.
        if pdf.will_page_break((_lines_needed(pdf, group.action.strip(), pdf.epw) + 2.5) * pdf.layout.line):
            pdf.add_page()
        _paragraph(pdf, group.urgency.label, bold=True, after=0.5)
        _paragraph(pdf, group.action.strip(), after=1)
        # The one-sheet version lists the lower groups' signs in one paragraph, without their details (the
        # app's page has them); the emergency signs keep theirs.
        if not regular and group.urgency is not Urgency.EMERGENCY:
            _item(pdf, "•", [("; ".join(sign.sign.rstrip(".") for sign in group.signs) + ".", False, None)], after=1)
        else:
            for sign in group.signs:
                _item(pdf, "•", [(sign.sign.rstrip(".") + ". ", True, None), (sign.detail.strip(), False, None)],
                      after=1)
        if group.move_up:
            _item(pdf, "↑" if pdf.typeface.unicode else "^", [("Act sooner if things change. ", True, None),
                                                               (group.move_up.strip(), False, None)], after=1)
        pdf.ln(1.5)
    cited = guidelines_behind(groups, base)
    # One sheet: the sources are named on the app's page and in the full handout.
    named = "; ".join(g.short_citation for g in cited) if regular else f"{len(cited)} sources, named there"
    _paragraph(pdf, "These signs come from clinical guidance, summarised on the app's \u201cWhen to get help\u201d "
                    f"page: guidance for doctors ({named or 'not loaded'}), put into plain words; where sources "
                    "differ, the most cautious wins. They are not results of the studies listed below.",
               size=SMALL_PT + 0.5)


def _references(pdf: _Handout, numbers: dict[str, int], links: dict[str, int], base: EvidenceBase,
                study_notes: Mapping[str, str]) -> None:
    regular = pdf.layout is REGULAR
    _heading(pdf, "References")
    for sid, n in numbers.items():
        study = base.studies[sid]
        if pdf.will_page_break(2 * pdf.layout.line):
            pdf.add_page()
        pdf.set_link(links[sid], page=pdf.page_no(), y=pdf.get_y())
        # The one-sheet version names each study in one line; the full handout gives the whole reference.
        cited = vancouver(study) if regular else f"{study.short_citation}. {study.journal or ''}."
        runs = [(cited + " ", False, None)]
        if found := locator(study):
            runs.append((found[0], False, found[1]))
        if sid in study_notes:
            runs.append((" " + study_notes[sid], False, None))
        _item(pdf, f"{n}.", runs, after=1.5, size=None if regular else SMALL_PT - 1)


def _closing(pdf: _Handout, url: str, base: EvidenceBase) -> None:
    """The page's address in full (for a reader who cannot scan), then the licence."""
    pdf.ln(2)
    _paragraph(pdf, "Online version of this handout's page (the QR code opens it):", size=SMALL_PT + 0.5, after=0.5)
    pdf.font(SMALL_PT + 0.5)
    pdf.set_text_color(*LINK_INK)
    pdf.write(5, pdf.t(url), link=url, wrapmode="CHAR")
    pdf.set_text_color(*INK)
    pdf.ln(5)
    if base.meta:
        pdf.ln(2)
        _paragraph(pdf, f"{base.meta.title}. {base.meta.licence}.", size=SMALL_PT, after=0)


def sheet_claims(shown: Sequence[TakeHome]) -> list[TakeHome]:
    """What the one-sheet handout carries: the bottom-line take-homes among those shown, in bottom-line order;
    if none is shown, the first SHEET shown."""
    bottom = sorted((c for c in shown if c.bottom_line), key=lambda c: c.bottom_line)
    return (bottom or list(shown))[:SHEET]


def build_guide_handout(
    result: Guide,
    base: EvidenceBase,
    url: str,
    *,
    today: dt.date | None = None,
    font_dir: Path | None = FONT_DIR,
    full: bool = False,
) -> bytes:
    """The "Your situation" guide as a handout: what the screen shows, in its order.

    By default one sheet (two sides): as many take-homes as fit, taken in the guide's order (most
    specific to the reader first), at most GUIDE_SHEET, and a line saying how many more apply.
    `full` has them all, in the regular layout.
    """
    everything = result.take_homes + result.general
    for count in ([len(everything)] if full else range(min(GUIDE_SHEET, len(everything)), -1, -1)):
        pdf = _guide_pdf(result, everything[:count], len(everything), base, url, today, font_dir,
                         REGULAR if full else COMPACT)
        if full or count <= 1 or _pages(pdf) <= 2:
            return pdf
    return pdf


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))  # page objects, not the /Pages tree


def _guide_pdf(result: Guide, shown: Sequence[Applies], total: int, base: EvidenceBase, url: str,
               today, font_dir, layout: Layout) -> bytes:
    answers = answers_text(result.situation)
    if len(shown) < total:
        answers.append(f"{total - len(shown)} more take-homes apply to you. Scan the QR code, or ask for the full "
                       "handout, to see them.")
    sections = [("Your answers", answers)]
    if result.unknowns:
        sections.append(("What is not known for you", result.unknowns))
    sections.append(("What this guide does not do", [result.limits]))
    return build_handout(
        [a.claim for a in shown], base, url, today=today, font_dir=font_dir,
        layout=layout, subtitle="Your situation: what the research says for people like you",
        notes={a.claim.id: [" ".join([a.why, *a.cautions])] for a in shown}, sections=sections,
        study_notes=_who_once(shown, base))


def _who_once(shown: Sequence[Applies], base: EvidenceBase) -> dict[str, str]:
    """Who each study took, said once per trial (papers of one trial share a registration)."""
    notes, trials = {}, set()
    for study in (s for a in shown for s in a.studies):
        trial = study.registration or study.id
        if trial not in trials:
            trials.add(trial)
            notes[study.id] = who_was_studied(study, base)
    return notes
