"""Sharing a view, without Streamlit: its exact URL, a QR code of it, and a citation of it.

The URL conventions are those of components/url_state.py: lists are repeated keys
(?topic=pain&topic=disability), values are slugs. Building the query string here, with
`urlencode(doseq=True)`, means `urllib.parse.parse_qs` (and Streamlit) read back exactly the
parameters that were on screen.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from functools import lru_cache
from typing import Iterable, Mapping, Sequence
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import segno

from .export import doi_url, vancouver
from .model import Study

# Where the app runs when no browser told us its address (AppTest, scripts).
DEFAULT_ORIGIN = "http://localhost:8501"
SITE_TITLE = "Running and your lower back — evidence explorer"

# A projected QR code is read from across a room: aim for about 320 px, four-module quiet zone.
QR_TARGET_PX = 320
QR_BORDER = 4

Params = Mapping[str, str | Sequence[str]]


def page_url(context_url: str | None, url_path: str = "") -> str:
    """The address of the current page, without a query string.

    `context_url` is `st.context.url`: scheme, host, port and the page's path, no query string
    (Streamlit strips it), or None when no browser is attached. Then the page is assumed to be
    served at DEFAULT_ORIGIN.
    """
    if not context_url:
        return f"{DEFAULT_ORIGIN}/{url_path}"
    scheme, netloc, path, _, _ = urlsplit(context_url)
    return urlunsplit((scheme, netloc, path or "/", "", ""))


def query_pairs(params: Params) -> list[tuple[str, str]]:
    """(key, value) pairs in order; a list becomes repeated keys, empty values are dropped."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        values = [value] if isinstance(value, str) else list(value)
        pairs += [(key, v) for v in values if v != ""]
    return pairs


def query_string(params: Params) -> str:
    # %20 rather than '+' for spaces: every reader decodes it, and it survives being pasted into a path.
    return urlencode(query_pairs(params), quote_via=quote)


def view_url(page: str, params: Params) -> str:
    """`page` (as from `page_url`) with `params` as its query string."""
    query = query_string(params)
    scheme, netloc, path, _, _ = urlsplit(page)
    return urlunsplit((scheme, netloc, path, query, ""))


VERSION_KEY = "v"


def with_version(params: Params, version: str | None) -> dict[str, str | Sequence[str]]:
    """The view's parameters with v=<release> last: a link says which version of the base it showed."""
    out: dict[str, str | Sequence[str]] = {k: v for k, v in params.items() if k != VERSION_KEY}
    if version:
        out[VERSION_KEY] = version
    return out


def sibling_url(page: str, target: str, version: str | None = None) -> str:
    """The absolute address of `target` ('take-homes?claim=x'), a page beside `page`, with v=`version`."""
    scheme, netloc, path, _, _ = urlsplit(page)
    target_path, _, query = target.partition("?")
    params = with_version({k: [v] for k, v in parse_qsl(query)}, version)
    return urlunsplit((scheme, netloc, path[: path.rfind("/") + 1] + target_path, query_string(params), ""))


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
    _qr(url).save(out, kind="png", scale=qr_scale(url, target_px), border=QR_BORDER, dark="#000000",
                  light="#ffffff")
    return out.getvalue()


@lru_cache(maxsize=512)
def qr_svg(url: str, title: str = "QR code of this view's link") -> str:
    """The same code as scalable SVG (for print), with a <title> for screen readers."""
    out = io.BytesIO()
    _qr(url).save(out, kind="svg", scale=8, border=QR_BORDER, dark="#000000", light="#ffffff", title=title,
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
    if study.doi:
        return f"{text} doi:{study.doi}"
    link = doi_url(study)
    return f"{text} {link}" if link else text


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
