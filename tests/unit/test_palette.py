"""evidence/palette.py owns every colour: a direction or verdict has one colour family on the charts and on
its badge (they used to disagree: harm was vermilion on the map and orange on its badge)."""

from __future__ import annotations

import pytest

from evidence.wording import badges
from evidence.palette import (BADGE, BADGE_FAMILY, DIRECTION_BADGE, DIRECTION_STYLE, VERDICT_BADGE,
                                VERDICT_STYLE, VERMILION)
from evidence.model import Direction, Verdict


@pytest.mark.parametrize("direction", list(Direction))
def test_a_directions_badge_echoes_its_colour_on_the_evidence_map(direction):
    colour = DIRECTION_STYLE[direction][0]
    assert badges.direction(direction).startswith(f":{BADGE_FAMILY[colour]}-badge[")


@pytest.mark.parametrize("verdict", list(Verdict))
def test_a_verdicts_badge_echoes_its_bar_on_the_claim_check_chart(verdict):
    colour = VERDICT_STYLE[verdict][0]
    assert badges.verdict(verdict).startswith(f":{BADGE_FAMILY[colour]}-badge[")


def test_harm_is_the_red_family_everywhere_and_every_badge_family_is_drawable():
    assert DIRECTION_STYLE[Direction.HARM][0] == VERMILION and DIRECTION_BADGE[Direction.HARM] == "red"
    assert set(DIRECTION_BADGE.values()) | set(VERDICT_BADGE.values()) <= set(BADGE)
