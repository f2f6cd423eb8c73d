"""Sharing a view, without Streamlit: a QR code of its link, and a citation of it.

The link itself is built by evidence/links.py, like every other link.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from functools import lru_cache
from typing import Iterable, Sequence

import segno

from .export import locator_text, vancouver
from ..model import Study
from ..palette import QR_DARK, QR_LIGHT

SITE_TITLE = "Running and your lower back — evidence explorer"

# A projected QR code is read from across a room: aim for about 320 px, four-module quiet zone.
QR_TARGET_PX = 320
QR_BORDER = 4


# ---- QR code --------------------------------------------------------------------------

def _qr(url: str) -> segno.QRCode:
    # Level M survives a smudged print or a glare spot on a projector screen.
    return segno.make(url, error="m", micro=False)


def qr_scale(url: str, target_px: int = QR_TARGET_PX) -> int:
    """Pixels per module so the whole code (with its quiet zone) is about `target_px` wide."""
    modules = _qr(url).symbol_size(border=QR_BORDER)[0]
    return max(4, math.ceil(target_px / modules))


@lru_cache(maxsize=512)
def qr_png(url: str, target_px: int = QR_TARGET_PX) -> bytes:
    """A black-on-white PNG of the QR code for `url`, whole pixels per module (stays sharp)."""
    out = io.BytesIO()
    _qr(url).save(out, kind="png", scale=qr_scale(url, target_px), border=QR_BORDER, dark=QR_DARK,
                  light=QR_LIGHT)
    return out.getvalue()


@lru_cache(maxsize=512)
def qr_svg(url: str, title: str = "QR code of this view's link") -> str:
    """The same code as scalable SVG (for print), with a <title> for screen readers."""
    out = io.BytesIO()
    _qr(url).save(out, kind="svg", scale=8, border=QR_BORDER, dark=QR_DARK, light=QR_LIGHT, title=title,
                  xmldecl=False, svgns=True, nl=False)
    return out.getvalue().decode("utf-8")


# ---- Citing a view ---------------------------------------------------------------------

def cite_view(page_title: str, url: str, accessed: dt.date, site_title: str = SITE_TITLE,
              last_reviewed: dt.date | None = None) -> str:
    """'Running and your lower back — evidence explorer. Findings view. <url>. Accessed 2026-11-22.'"""
    reviewed = f" Evidence last reviewed {last_reviewed.isoformat()}." if last_reviewed else ""
    return f"{site_title.rstrip('.')}. {page_title.rstrip('.')} view. {url}.{reviewed} Accessed {accessed.isoformat()}."


def study_reference(study: Study) -> str:
    """A Vancouver reference with its DOI (or other locator) spelled out."""
    text = vancouver(study)
    locator = locator_text(study)
    return f"{text} {locator}" if locator else text


def cite_studies(studies: Iterable[Study]) -> list[str]:
    """'1. Belavý DL, ... doi:10.1038/srep45975', numbered in the order given."""
    return [f"{n}. {study_reference(s)}" for n, s in enumerate(studies, start=1)]


def citation_text(page_title: str, url: str, accessed: dt.date, studies: Sequence[Study] = (),
                  site_title: str = SITE_TITLE, last_reviewed: dt.date | None = None) -> str:
    """The view's citation, then (if the page named them) the studies it shows, numbered as on screen."""
    text = cite_view(page_title, url, accessed, site_title, last_reviewed)
    if studies:
        text += "\n\nStudies shown in this view:\n" + "\n".join(cite_studies(studies))
    return text
