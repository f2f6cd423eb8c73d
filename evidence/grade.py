"""Every certainty rule in one place: GRADE's symbols, what each level means, the words a take-home
must use at each level, and the highest level each study design allows.

The validator (model.py, load.py), the Methods page, badges, slides, the evidence map and the
patient handout all read these, so the screen and the paper never explain certainty two ways.
"""

from __future__ import annotations

import re
from typing import Iterable

from .vocabulary import Certainty, Design

# A single study's result is shown as reported: it has no certainty grade of its own.
NOT_GRADED = "not-graded"

# What each level means, in plain words (Methods table, handout key).
MEANING: dict[Certainty, str] = {
    Certainty.HIGH: "We are confident. New research is very unlikely to change the answer.",
    Certainty.MODERATE: "The answer is probably close to the truth, but new studies could change it.",
    Certainty.LOW: "The answer may be quite different once better studies are done.",
    Certainty.VERY_LOW: "We don't really know yet: treat it as a lead, not an answer.",
}

# Wording rules: the plain statement must carry the hedge its certainty earns,
# so no take-home reads stronger than its evidence.
CERTAINTY_WORDS: dict[Certainty, tuple[str, ...]] = {
    Certainty.HIGH: (),
    Certainty.MODERATE: ("probably", "likely"),
    Certainty.LOW: ("may", "might"),
    Certainty.VERY_LOW: ("we don't know", "we do not know", "unclear", "not sure", "very uncertain"),
}

# GRADE starts observational evidence at low; reviews of opinion and protocols earn less.
# A claim may never be rated above what the best design it cites allows.
CERTAINTY_CEILING: dict[Design, Certainty] = {
    Design.SYSTEMATIC_REVIEW_META_ANALYSIS: Certainty.HIGH,
    Design.SYSTEMATIC_REVIEW: Certainty.HIGH,
    Design.RCT: Certainty.HIGH,
    # A subgroup or secondary analysis inside a trial compares groups that were not randomised.
    Design.SECONDARY_ANALYSIS: Certainty.LOW,
    Design.MODELLING: Certainty.HIGH,
    Design.COHORT: Certainty.LOW,
    Design.CROSS_SECTIONAL: Certainty.LOW,
    Design.MIXED_METHODS: Certainty.LOW,
    Design.CASE_SERIES: Certainty.VERY_LOW,
    Design.NARRATIVE_REVIEW: Certainty.VERY_LOW,
    Design.EDITORIAL: Certainty.VERY_LOW,
    Design.PROTOCOL: Certainty.VERY_LOW,
    Design.ANIMAL: Certainty.VERY_LOW,
}


def symbol(level: Certainty, unicode: bool = True) -> str:
    """GRADE's filled circles out of four (⊕⊕◯◯), or '2 of 4' where the font lacks them."""
    filled = level.rank + 1
    return "⊕" * filled + "◯" * (4 - filled) if unicode else f"{filled} of 4"


def certainty_words(level: Certainty, unicode: bool = True) -> str:
    """'Low certainty (⊕⊕◯◯)', as the handout prints it."""
    return f"{level.label} certainty ({symbol(level, unicode)})"


def symbol_and_label(level: Certainty) -> str:
    """'⊕⊕◯◯ Low', for tables, slides and chart hovers."""
    return f"{symbol(level)} {level.label}"


def wording_problem(certainty: Certainty, statement: str) -> str | None:
    """Why `statement` reads stronger than `certainty` allows, or None when its wording fits."""
    words = CERTAINTY_WORDS.get(certainty, ())
    lowered = statement.lower().replace("’", "'")
    if words and not any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words):
        return (f"a {certainty.label.lower()}-certainty statement must say so: use "
                + " or ".join(f"'{w}'" for w in words))
    return None


def certainty_ceiling(designs: Iterable[Design]) -> Certainty:
    """The highest certainty the best of `designs` allows (very low when there is none)."""
    return max((CERTAINTY_CEILING[d] for d in designs), key=lambda c: c.rank, default=Certainty.VERY_LOW)


def ceiling_problem(certainty: Certainty, designs: list[Design]) -> str | None:
    """Why `certainty` is stronger than the cited designs allow, or None."""
    ceiling = certainty_ceiling(designs)
    if not designs or certainty.rank <= ceiling.rank:
        return None
    best = max(designs, key=lambda d: CERTAINTY_CEILING[d].rank)
    return (f"certainty '{certainty.value}' is stronger than its studies allow: the best design cited "
            f"({best.label.lower()}) supports at most '{ceiling.value}'")
