"""What a reader writes in the report form, what is captured with it, and the rules it must pass.

Every limit here is one the reader is told about when it is hit (the messages below are shown as they are). A
draft that breaks a rule stores nothing. Text that passes is stored exactly as typed, never trimmed or rewritten,
and only ever shown escaped (`escaped`, `markdown_text`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

# Field -> (label on the form, the most characters it takes). The labels are the form's own words, so a message
# names the box the reader sees.
WHAT_IS_WRONG, SHOULD_SAY, SOURCE, CONTACT, TRAP = "what_is_wrong", "should_say", "source", "contact", "trap"
LABELS: dict[str, str] = {
    WHAT_IS_WRONG: "What is wrong? (required)",
    SHOULD_SAY: "What should it say? (optional)",
    SOURCE: "A source that shows it (optional): a DOI, PubMed id or web address",
    CONTACT: "Your e-mail address (optional)",
    TRAP: "Leave this empty",
}
LIMITS: dict[str, int] = {WHAT_IS_WRONG: 2000, SHOULD_SAY: 2000, SOURCE: 500, CONTACT: 254, TRAP: 200}

# Reports one visit (a browser session) may send in a window of time.
RATE_LIMIT = 5
RATE_WINDOW_S = 600

# New lines and tabs are text; every other control character, a lone surrogate or a Unicode non-character is not.
_ALLOWED_CONTROLS = frozenset("\n\r\t")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Draft:
    """What the reader typed, exactly as typed."""

    what_is_wrong: str
    should_say: str = ""
    source: str = ""
    contact: str = ""
    trap: str = ""  # the hidden field only simple bots fill in

    def field(self, name: str) -> str:
        return getattr(self, name)


@dataclass(frozen=True)
class Captured:
    """What the app adds without asking: the record, its kind, the page, the view's link and the release.
    No IP address, no browser details."""

    kind: str  # a slug of evidence/kinds.py: "take-home", "article-claim", "study", ...
    record_id: str
    record_title: str
    page: str  # the page's URL path: "take-homes"
    view_url: str  # the link to the view the reader was on (components/url_state.current_url)
    release: str | None  # the evidence's version, meta.version


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def bad_character(text: str) -> int | None:
    """The position (from 1) of the first character that is not text, or None."""
    for position, char in enumerate(text, 1):
        category = unicodedata.category(char)
        if (category == "Cc" and char not in _ALLOWED_CONTROLS) or category == "Cs" or _noncharacter(char):
            return position
    return None


def _noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def problems(draft: Draft) -> list[Problem]:
    """Every rule the draft breaks, each with the message the reader sees; [] when it may be stored."""
    found: list[Problem] = []
    if draft.trap:
        found.append(Problem(TRAP, f"The box “{LABELS[TRAP]}” has text in it. It is there to catch automated spam, "
                                   "so nothing was sent: please empty it and send again."))
    if not draft.what_is_wrong.strip():
        found.append(Problem(WHAT_IS_WRONG, f"Please say what is wrong: “{LABELS[WHAT_IS_WRONG]}” is empty."))
    for name in (WHAT_IS_WRONG, SHOULD_SAY, SOURCE, CONTACT):
        text, limit = draft.field(name), LIMITS[name]
        if len(text) > limit:
            found.append(Problem(name, f"“{LABELS[name]}” is {len(text):,} characters long; it takes at most "
                                       f"{limit:,}, so that a curator can read every report. Please shorten it."))
        if (position := bad_character(text)) is not None:
            found.append(Problem(name, f"“{LABELS[name]}” holds a character that is not text (a control or binary "
                                       f"character, at position {position:,}). Please delete it or type that part "
                                       "again; new lines and tabs are fine."))
    contact = draft.contact.strip()
    if contact and len(contact) <= LIMITS[CONTACT] and not _EMAIL.match(contact):
        found.append(Problem(CONTACT, f"“{LABELS[CONTACT]}” does not look like an e-mail address "
                                      "(name@example.org). Leave it empty if you would rather not be contacted."))
    return found


def wait_seconds(sent_at: Sequence[float], now: float, limit: int = RATE_LIMIT,
                 window: float = RATE_WINDOW_S) -> float:
    """How long this visit must wait before it may send another report (0: it may now), given when it sent
    its earlier ones (seconds, any clock that `now` shares)."""
    recent = sorted(t for t in sent_at if now - window < t <= now)
    if len(recent) < limit:
        return 0.0
    return recent[len(recent) - limit] + window - now


def rate_message(wait: float, limit: int = RATE_LIMIT, window: float = RATE_WINDOW_S) -> str:
    minutes = max(1, round(wait / 60 + 0.49))
    return (f"You have sent {limit} reports in the last {window / 60:.0f} minutes, the most this site takes from "
            f"one visit in that time (it keeps the curators' inbox readable). Nothing was sent and your text is "
            f"still here: please send it again in about {minutes} minute{'s' if minutes != 1 else ''}.")


# ---- showing a reader's text ------------------------------------------------------------------------------------

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def escaped(text: str, *, keep_lines: bool = False) -> str:
    """A reader's text for a terminal or a log: every control, format or non-character shown as its code
    (`\\x1b`, `\\u202e`), so nothing in it can move the cursor, recolour the screen or reverse the line order.
    New lines are kept with `keep_lines`, shown as `\\n` otherwise; tabs are kept."""
    out = []
    for char in text:
        if char == "\n" and keep_lines:
            out.append(char)
        elif char == "\t":
            out.append(char)
        elif (unicodedata.category(char) in ("Cc", "Cs", "Co") or char in _BIDI or _noncharacter(char)
              or char in ("\u2028", "\u2029")):
            code = ord(char)
            out.append({"\n": "\\n", "\r": "\\r"}.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"))
        else:
            out.append(char)
    return "".join(out)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&=\"'])")


def markdown_text(text: str) -> str:
    """Text shown as itself inside markdown: every ASCII punctuation mark that markdown (or Streamlit's
    `:material/...:`, `$...$`) could read is backslash-escaped, so a note can never become a link, an image,
    HTML or a formula."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped(text))
