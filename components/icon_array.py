"""'Out of 100 people' icon arrays as inline SVG: solid for the low end of a range, hatched for
the part that is uncertain, outlined for the rest. Pattern and fill carry the meaning, not colour."""

from __future__ import annotations

from html import escape

_HEAD = 3.2
_CELL = 22


def _person(x: float, y: float, style: str) -> str:
    fill = {"solid": "#0b4f8a", "hatched": "url(#hatch)", "empty": "#ffffff"}[style]
    stroke = "#0b4f8a" if style != "empty" else "#5f6b7a"
    return (f'<g fill="{fill}" stroke="{stroke}" stroke-width="1.2">'
            f'<circle cx="{x + 11}" cy="{y + 5}" r="{_HEAD}"/>'
            f'<rect x="{x + 6}" y="{y + 9.5}" width="10" height="10" rx="3"/></g>')


def counts(low: float, high: float) -> tuple[int, int]:
    """(solid, hatched) people out of 100, rounded; the hatched band is high minus low."""
    solid = round(low)
    return solid, max(0, round(high) - solid)


def icon_array_svg(low: float, high: float, label: str) -> str:
    solid, hatched = counts(low, high)
    people = []
    for i in range(100):
        style = "solid" if i < solid else ("hatched" if i < solid + hatched else "empty")
        people.append(_person((i % 10) * _CELL, (i // 10) * _CELL, style))
    size = 10 * _CELL
    return (f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {size} {size}" width="{size}" '
            f'height="{size}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
            '<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="4" height="4" fill="#cfe0f3"/>'
            '<line x1="0" y1="0" x2="0" y2="4" stroke="#0b4f8a" stroke-width="1.6"/></pattern></defs>'
            + "".join(people) + "</svg>")


def describe(low: float, high: float, who: str) -> str:
    solid, hatched = counts(low, high)
    if hatched == 0:
        return f"About {solid} out of every 100 {who}" if solid >= 1 else f"Fewer than 1 in 100 {who}"
    return f"Between about {max(solid, 0)} and {solid + hatched} out of every 100 {who}"
