"""evidence/palette.py owns every colour: a direction or verdict has one colour family on the charts and on
its badge (they used to disagree: harm was vermilion on the map and orange on its badge), and every ink is
readable on what it is drawn on in both colour schemes, computed here from the hex values."""

from __future__ import annotations

import pytest
from PIL import ImageColor

from evidence.wording import badges
from evidence.palette import (BADGE, BADGE_DARK, BADGE_FAMILY, CSS_COLOURS, CSS_COLOURS_DARK, DIRECTION_BADGE,
                              DIRECTION_STYLE, STREAMLIT_BACKGROUNDS, VERDICT_BADGE, VERDICT_STYLE, VERMILION)
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


def _luminance(colour: str) -> float:
    """WCAG 2's relative luminance of '#rrggbb' (or '#rgb')."""
    red, green, blue = ImageColor.getrgb(colour)[:3]

    def linear(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


SCHEMES = {"light": CSS_COLOURS, "dark": CSS_COLOURS_DARK}


def test_contrast_is_computed_as_wcag_does():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0 and contrast("#777777", "#777777") == 1.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes AA on white


def test_the_dark_set_names_every_colour_of_the_light_set():
    """A colour missing from one scheme would be left to the browser there (an unset custom property)."""
    assert list(CSS_COLOURS_DARK) == list(CSS_COLOURS)
    assert list(BADGE_DARK) == list(BADGE)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_ink_is_readable_on_what_it_is_drawn_on_in_each_scheme(scheme):
    """Regression (issue #24): in the dark scheme our light-theme captions and links were 2-3:1 on Streamlit's
    dark page. Links and captions sit on Streamlit's page and sidebar, a badge's words on its fill; the plain
    pages' body text on their paper at AAA's 7:1."""
    colours, low = SCHEMES[scheme], []
    for ink in ("link", "caption-ink"):
        for background in STREAMLIT_BACKGROUNDS[scheme]:
            low.append((ink, background, contrast(colours[ink], background)))
    for name in BADGE:
        low.append((f"badge-{name}-ink", f"badge-{name}-fill",
                    contrast(colours[f"badge-{name}-ink"], colours[f"badge-{name}-fill"])))
    low = [(ink, on, round(ratio, 2)) for ink, on, ratio in low if ratio < 4.5]
    ratio = contrast(colours["ink"], colours["paper"])
    if ratio < 7:
        low.append(("ink", "paper", round(ratio, 2)))
    assert not low, f"{scheme}: (ink, drawn on, contrast) below 4.5:1 (7:1 for body text): {low}"


def test_print_and_pictures_keep_white_paper_in_both_schemes():
    for name in ("print-ink", "print-paper", "figure-paper"):
        assert CSS_COLOURS[name] == CSS_COLOURS_DARK[name], name
