"""'Out of 100 people' icon arrays as inline SVG: solid for the low end of a range, hatched for
the part that is uncertain, outlined for the rest. Pattern and fill carry the meaning, not colour."""

from __future__ import annotations

from base64 import b64encode
from html import escape

from evidence.palette import EVENT_FILL, EVENT_INK, FIGURE_EMPTY_OUTLINE, FIGURE_HATCH, FIGURE_INK, WHITE

# A row of pictures, each with its title and caption (styled by assets/figures.css): up to three side by side, one
# under another on a phone; one HTML element for the row, not elements per picture (docs/decisions.md, Pictures as
# images).
ROW_CLASS = "figure-row"

_HEAD = 3.2
_CELL = 22


def _person(x: float, y: float, style: str) -> str:
    fill = {"solid": FIGURE_INK, "hatched": "url(#hatch)", "empty": WHITE}[style]
    stroke = FIGURE_INK if style != "empty" else FIGURE_EMPTY_OUTLINE
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
            f'patternTransform="rotate(45)"><rect width="4" height="4" fill="{FIGURE_HATCH}"/>'
            f'<line x1="0" y1="0" x2="0" y2="4" stroke="{FIGURE_INK}" stroke-width="1.6"/></pattern></defs>'
            + "".join(people) + "</svg>")


def describe(low: float, high: float, who: str) -> str:
    solid, hatched = counts(low, high)
    if hatched == 0:
        return f"About {solid} out of every 100 {who}" if solid >= 1 else f"Fewer than 1 in 100 {who}"
    return f"Between about {max(solid, 0)} and {solid + hatched} out of every 100 {who}"


def _session(x: float, y: float, done: bool) -> str:
    fill = FIGURE_INK if done else WHITE
    tick = (f'<path d="M{x + 5} {y + 11} l4 4 l8 -9" fill="none" stroke="{WHITE}" stroke-width="2.4"/>'
            if done else "")
    return (f'<rect x="{x + 1.5}" y="{y + 1.5}" width="19" height="19" rx="3" fill="{fill}" stroke="{FIGURE_INK}" '
            f'stroke-width="1.4"/>{tick}')


def _event(x: float, y: float) -> str:
    return (f'<path d="M{x + 11} {y + 2} L{x + 20} {y + 19} L{x + 2} {y + 19} Z" fill="{EVENT_FILL}" '
            f'stroke="{EVENT_INK}" stroke-width="1.4"/><rect x="{x + 10}" y="{y + 7.5}" width="2" height="6.5" '
            f'fill="{EVENT_INK}"/><circle cx="{x + 11}" cy="{y + 16.3}" r="1.2" fill="{EVENT_INK}"/>')


def count_array_svg(kind: str, filled: int, total: int, label: str) -> str:
    """'x of N' as a picture, N from the record. kind "people": filled people of `total`; "sessions": done
    sessions of `total`; "events": `total` people (outlined) with `filled` event marks beneath them, because
    events are not people. Shape and fill carry the meaning, so it reads without colour."""
    columns = 10
    cells = []
    if kind == "sessions":
        cells = [_session((i % columns) * _CELL, (i // columns) * _CELL, i < filled) for i in range(total)]
        rows = -(-total // columns)
    else:
        people = filled if kind == "people" else 0
        cells = [_person((i % columns) * _CELL, (i // columns) * _CELL, "solid" if i < people else "empty")
                 for i in range(total)]
        rows = -(-total // columns)
        if kind == "events":
            top = rows * _CELL + 8
            cells += [_event((i % columns) * _CELL, top + (i // columns) * _CELL) for i in range(filled)]
            rows += -(-filled // columns)
    width, height = columns * _CELL, rows * _CELL + (8 if kind == "events" else 0)
    return (f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
            + "".join(cells) + "</svg>")


def img_html(svg: str, alt: str, width: int = 220) -> str:
    """A drawing as a plain <img> for st.html: no image viewer for the browser to load, as st.image would.
    (st.html drops inline <svg>, so the drawing travels as a data URI.)"""
    return (f'<img src="data:image/svg+xml;base64,{b64encode(svg.encode()).decode()}" alt="{escape(alt)}" '
            f'width="{width}" style="max-width: 100%; height: auto;">')


def figure_html(title: str, svg: str, alt: str, caption: str, title_note: str = "") -> str:
    """One picture of a row: its title in bold (then `title_note`), the drawing, and what it shows in words."""
    return (f'<figure><p class="title"><strong>{escape(title)}</strong>{escape(title_note)}</p>'
            f"{img_html(svg, alt)}<figcaption>{escape(caption)}</figcaption></figure>")


def row_html(figures: list[str]) -> str:
    return f'<div class="{ROW_CLASS}">{"".join(figures)}</div>'
