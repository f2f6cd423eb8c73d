"""Badges that never rely on colour alone: each has a symbol and a word; colour only echoes them.

Their colours come from evidence/palette.py, the same family as the charts give the same direction or verdict.
"""

from __future__ import annotations

from evidence.palette import CERTAINTY_BADGE, DIRECTION_BADGE, VERDICT_BADGE
from evidence.grade import NOT_GRADED, symbol
from evidence.model import Certainty, Direction, Verdict

DIRECTION_ICON = {Direction.BENEFIT: ":material/thumb_up:", Direction.NO_CLEAR_EFFECT: ":material/remove:",
                  Direction.HARM: ":material/warning:", Direction.MIXED: ":material/swap_vert:",
                  Direction.DESCRIPTIVE: ":material/info:"}

VERDICT_ICON = {Verdict.SUPPORTED: ":material/check_circle:", Verdict.PARTLY_SUPPORTED: ":material/contrast:",
                Verdict.OVERSTATED: ":material/campaign:", Verdict.NOT_SUPPORTED: ":material/remove_circle:",
                Verdict.CONTRADICTED: ":material/cancel:", Verdict.NOT_COMPARABLE: ":material/compare_arrows:",
                Verdict.NOT_TESTED: ":material/help:"}
# Plain-text twins of the icons, for charts and exports where material icons cannot render.
VERDICT_SYMBOL = {Verdict.SUPPORTED: "✓", Verdict.PARTLY_SUPPORTED: "◐", Verdict.OVERSTATED: "▲",
                  Verdict.NOT_SUPPORTED: "−", Verdict.CONTRADICTED: "✗", Verdict.NOT_COMPARABLE: "≠",
                  Verdict.NOT_TESTED: "?"}


def _badge(colour: str, text: str) -> str:
    return f":{colour}-badge[{text}]"


def certainty(value: str) -> str:
    if value == NOT_GRADED:
        return _badge("gray", ":material/looks_one: Single-study result, not graded")
    level = Certainty(value)
    return _badge(CERTAINTY_BADGE[level], f"{symbol(level)} {level.label} certainty")


def direction(value: Direction) -> str:
    return _badge(DIRECTION_BADGE[value], f"{DIRECTION_ICON[value]} {value.label}")


def verdict(value: Verdict) -> str:
    return _badge(VERDICT_BADGE[value], f"{VERDICT_ICON[value]} {value.label}")
