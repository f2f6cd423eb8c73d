"""The colours and marker shapes of every chart, and the colours of the page's own HTML and of the PDFs, in one place.

Okabe-Ito colours stay distinct for the common colour-vision deficiencies, and none works alone: each
encoding also has a marker shape or symbol and its word in the legend, hover and table.

The page's own HTML has a light and a dark set (`CSS_COLOURS`, `CSS_COLOURS_DARK`), and the browser picks the one
for Streamlit's active theme (`css_root`). Charts and pictures are drawn on white paper in both schemes.
"""

from __future__ import annotations

from .model import Certainty, Direction, PopulationTag, Verdict

# Okabe-Ito, by name.
BLUE, SKY, GREEN, ORANGE, VERMILION, PURPLE, YELLOW = ("#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00",
                                                       "#CC79A7", "#F0E442")
GREY, LIGHT_GREY = "#999999", "#BBBBBB"
INK = "#1b1b1b"  # text on white, 17:1
FADED_INK = "#595959"  # words of cells that are not chosen, 7:1
GAP_INK = "#6b6b6b"  # 5.3:1 on white: faint, still readable
GRID = "#e5e5e5"
WHITE, BLACK = "#ffffff", "#000000"  # black: words on vermilion (INK has 4.4:1 there)
CHART_PAPER = WHITE  # every chart's, in both colour schemes (components/charts.py on_paper)
# The page's own HTML and CSS beside Streamlit's theme (tables, boxes, captions).
LINK = "#0b57a4"  # links and focus rings, 7.2:1 on white
CAPTION_INK = "#4a4f59"  # caption text, 8.2:1 on white (Streamlit's faded caption grey is about 3:1)
RULE = "#d5d9e0"  # table rules and box borders: decoration, the text carries the meaning
TINT = "rgba(0, 0, 0, 0.06)"  # behind a hovered link and the current page's link: a hint, never the only sign
# (fill, ink) of the badges in text we render ourselves (components/prose.py), named as Streamlit names its
# badges; every ink is at least 6.7:1 on its fill. The badge's words carry the meaning, the colour only echoes it.
BADGE: dict[str, tuple[str, str]] = {
    "blue": ("#e1ecf7", "#0b4f8a"), "orange": ("#fcefd9", "#7a4300"), "gray": ("#eceef1", "#3d4149"),
    "violet": ("#efe6f6", "#5a2b83"), "red": ("#fbe3df", "#9a1b0b"), "green": ("#e2f3ea", "#1d5e3a"),
    "yellow": ("#fbf5cf", "#5b4a00"),
}
# The same on Streamlit's dark theme: light words on a dark fill of the same family, as Streamlit's dark badges.
BADGE_DARK: dict[str, tuple[str, str]] = {
    "blue": ("#15314f", "#b9d7f7"), "orange": ("#4a2c05", "#fbd59c"), "gray": ("#2f3236", "#d5d8dd"),
    "violet": ("#3a2354", "#dcc6f0"), "red": ("#521a12", "#f8c1b8"), "green": ("#163d29", "#b5e5c8"),
    "yellow": ("#3d3504", "#f3e39a"),
}
# Dark-theme counterparts of LINK (8.6:1 on Streamlit's dark page), CAPTION_INK (9.3:1), RULE and TINT.
LINK_DARK, CAPTION_INK_DARK, RULE_DARK, TINT_DARK = "#8ab4f8", "#bdbab4", "#4d4b47", "rgba(255, 255, 255, 0.08)"
# Body text and page of the plain pages (evidence/site/), which have no Streamlit theme: 17:1 and 15:1.
PAPER, PAPER_DARK, INK_DARK = WHITE, "#171614", "#edebe8"
# What Streamlit (1.67) draws our text on, per theme: its page (dialogs and popovers too) and its sidebar.
# The contrast test reads them (tests/unit/test_palette.py); tests/browser/test_dom_contract.py checks Streamlit.
STREAMLIT_BACKGROUNDS: dict[str, tuple[str, str]] = {"light": ("#ffffff", "#f8f8f7"), "dark": ("#171614", "#21201d")}
PRINT_INK, PRINT_PAPER = "#000", "#fff"  # a printed page: black on white (assets/print.css)
# The 'out of 100 people' pictures (components/icon_array.py): shape and fill carry the meaning, not colour.
FIGURE_INK = "#0b4f8a"  # a person or session counted, and every outline but the empty person's
FIGURE_HATCH = "#cfe0f3"  # behind the hatching of the uncertain part of a range
FIGURE_EMPTY_OUTLINE = "#5f6b7a"  # a person not counted
EVENT_FILL, EVENT_INK = "#ffd9a8", "#8a4b00"  # an event mark (a warning triangle)
RANGE_GRID = "#d9d9d9"  # the grid of the prevalence chart's 0-100% axes

# (colour, marker) per direction on the evidence map.
DIRECTION_STYLE: dict[Direction, tuple[str, str]] = {
    Direction.BENEFIT: (BLUE, "circle"), Direction.NO_CLEAR_EFFECT: (GREY, "square"),
    Direction.HARM: (VERMILION, "triangle-up"), Direction.MIXED: (PURPLE, "diamond"),
    Direction.DESCRIPTIVE: (YELLOW, "hexagon"),
}
# (colour, marker) per population on the prevalence chart.
POPULATION_STYLE: dict[PopulationTag, tuple[str, str]] = {
    PopulationTag.RUNNERS: (VERMILION, "diamond"), PopulationTag.GENERAL_POPULATION: (BLUE, "circle"),
    PopulationTag.HEALTHY_ADULTS: (GREEN, "square"), PopulationTag.CHRONIC_LBP: (PURPLE, "triangle-up"),
    PopulationTag.MIDDLE_AGED: (ORANGE, "cross"), PopulationTag.CHILDREN: (SKY, "star"),
}
# (fill, text colour with >= 4.5:1 contrast on it) per verdict on the claim-check bars.
VERDICT_STYLE: dict[Verdict, tuple[str, str]] = {
    Verdict.SUPPORTED: (BLUE, WHITE), Verdict.PARTLY_SUPPORTED: (SKY, INK), Verdict.OVERSTATED: (ORANGE, INK),
    Verdict.NOT_COMPARABLE: (PURPLE, INK), Verdict.NOT_SUPPORTED: (LIGHT_GREY, INK),
    Verdict.CONTRADICTED: (VERMILION, BLACK), Verdict.NOT_TESTED: (YELLOW, INK),
}

# The badge family that echoes each chart colour, so a direction or verdict has one colour on the map, the
# claim-check bars and its badge (Streamlit's badge names; our own HTML draws them with BADGE).
BADGE_FAMILY: dict[str, str] = {BLUE: "blue", SKY: "blue", GREEN: "green", ORANGE: "orange", VERMILION: "red",
                                PURPLE: "violet", YELLOW: "yellow", GREY: "gray", LIGHT_GREY: "gray"}
DIRECTION_BADGE: dict[Direction, str] = {d: BADGE_FAMILY[colour] for d, (colour, _) in DIRECTION_STYLE.items()}
VERDICT_BADGE: dict[Verdict, str] = {v: BADGE_FAMILY[fill] for v, (fill, _) in VERDICT_STYLE.items()}
# Certainty is on no chart: the higher levels blue, low orange, very low grey.
CERTAINTY_BADGE: dict[Certainty, str] = {Certainty.HIGH: "blue", Certainty.MODERATE: "blue", Certainty.LOW: "orange",
                                         Certainty.VERY_LOW: "gray"}

# The PDFs (evidence/outputs/): black text, dark blue headings (13:1 on white), links, the disclaimer's panel;
# the QR codes black on white.
PDF_INK, PDF_HEADING_INK, PDF_LINK_INK, PDF_PANEL = "#000000", "#0b2f63", "#0a3c8c", "#eef2f8"
QR_DARK, QR_LIGHT = "#000000", "#ffffff"


def rgb(colour: str) -> tuple[int, int, int]:
    """'#0b2f63' as (11, 47, 99), as fpdf2 takes a colour."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# Plotly's config for charts people read rather than explore: no logo, and no mode bar (at 390 px
# it sits on top of the data, and zooming a 6 × 11 grid helps nobody).
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False}


def _css_colours(link: str, caption_ink: str, rule: str, tint: str, ink: str, paper: str,
                 badge: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {
        "link": link, "caption-ink": caption_ink, "rule": rule, "tint": tint, "ink": ink, "paper": paper,
        # Pictures (components/icon_array.py) are drawn for white paper: on a dark page they keep it.
        "figure-paper": WHITE, "print-ink": PRINT_INK, "print-paper": PRINT_PAPER,
        **{f"badge-{name}-{part}": colour for name, pair in badge.items()
           for part, colour in zip(("fill", "ink"), pair)},
    }


# Our stylesheets (assets/*.css) hold no colour: they name these custom properties (`var(--link)`), and
# `css_root()` defines them in one :root block sent before them (components/stylesheets.py). "ink" and "paper"
# are the plain pages' (evidence/site/).
CSS_COLOURS: dict[str, str] = _css_colours(LINK, CAPTION_INK, RULE, TINT, INK, PAPER, BADGE)
CSS_COLOURS_DARK: dict[str, str] = _css_colours(LINK_DARK, CAPTION_INK_DARK, RULE_DARK, TINT_DARK, INK_DARK,
                                                PAPER_DARK, BADGE_DARK)


def css_root() -> str:
    """The palette as CSS custom properties: one `:root { --name: light-dark(light, dark); ... }` block (no <style>
    around it). The browser resolves light-dark() by the color-scheme of the element that uses the property,
    which Streamlit sets from its active theme (docs/decisions.md, Colours that follow the theme); a page
    without Streamlit gets the system's scheme with `color-scheme: light dark` on its root."""
    return ":root { " + " ".join(f"--{name}: {css_value(name)};" for name in CSS_COLOURS) + " }\n"


def css_value(name: str) -> str:
    """`light-dark(light, dark)` of one custom property, or its one value where both schemes share it."""
    light, dark = CSS_COLOURS[name], CSS_COLOURS_DARK[name]
    return light if light == dark else f"light-dark({light}, {dark})"
