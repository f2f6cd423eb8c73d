"""Badges that never rely on colour alone: each has a symbol and a word; colour only echoes them.

Colours come from Streamlit's badge palette, chosen in blue/orange/grey pairs that stay
distinct for the common colour-vision deficiencies.
"""

from __future__ import annotations

from evidence.grade import NOT_GRADED, symbol
from evidence.model import Certainty, Direction, Verdict

_CERTAINTY_COLOUR = {Certainty.HIGH: "blue", Certainty.MODERATE: "blue", Certainty.LOW: "orange",
                     Certainty.VERY_LOW: "gray"}

DIRECTION_ICON = {Direction.BENEFIT: ":material/thumb_up:", Direction.NO_CLEAR_EFFECT: ":material/remove:",
                  Direction.HARM: ":material/warning:", Direction.MIXED: ":material/swap_vert:",
                  Direction.DESCRIPTIVE: ":material/info:"}
_DIRECTION_COLOUR = {Direction.BENEFIT: "blue", Direction.NO_CLEAR_EFFECT: "gray", Direction.HARM: "orange",
                     Direction.MIXED: "violet", Direction.DESCRIPTIVE: "gray"}

VERDICT_ICON = {Verdict.SUPPORTED: ":material/check_circle:", Verdict.PARTLY_SUPPORTED: ":material/contrast:",
                Verdict.OVERSTATED: ":material/campaign:", Verdict.NOT_SUPPORTED: ":material/remove_circle:",
                Verdict.CONTRADICTED: ":material/cancel:", Verdict.NOT_COMPARABLE: ":material/compare_arrows:",
                Verdict.NOT_TESTED: ":material/help:"}
# Plain-text twins of the icons, for charts and exports where material icons cannot render.
VERDICT_SYMBOL = {Verdict.SUPPORTED: "✓", Verdict.PARTLY_SUPPORTED: "◐", Verdict.OVERSTATED: "▲",
                  Verdict.NOT_SUPPORTED: "−", Verdict.CONTRADICTED: "✗", Verdict.NOT_COMPARABLE: "≠",
                  Verdict.NOT_TESTED: "?"}
_VERDICT_COLOUR = {Verdict.SUPPORTED: "blue", Verdict.PARTLY_SUPPORTED: "violet", Verdict.OVERSTATED: "orange",
                   Verdict.NOT_SUPPORTED: "gray", Verdict.CONTRADICTED: "red", Verdict.NOT_COMPARABLE: "violet",
                   Verdict.NOT_TESTED: "yellow"}


def _badge(colour: str, text: str) -> str:
    return f":{colour}-badge[{text}]"


def certainty(value: str) -> str:
    if value == NOT_GRADED:
        return _badge("gray", ":material/looks_one: Single-study result, not graded")
    level = Certainty(value)
    return _badge(_CERTAINTY_COLOUR[level], f"{symbol(level)} {level.label} certainty")


def direction(value: Direction) -> str:
    return _badge(_DIRECTION_COLOUR[value], f"{DIRECTION_ICON[value]} {value.label}")


def verdict(value: Verdict) -> str:
    return _badge(_VERDICT_COLOUR[value], f"{VERDICT_ICON[value]} {value.label}")
