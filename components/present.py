"""Presentation mode: ?present=1 turns a page into slides for a projector.

A page builds a list of `Slide`s (a title, a function that draws the body, a citation) and, when
`active()`, draws `deck(slides)` *instead of* its normal body (a plain if/else: the frame still
draws the share panel after it). The current slide lives in the URL (&slide=3), so an educator
can share or bookmark the exact slide. Leaving keeps every other parameter. Only pages whose
PageSpec lists "present" have a deck.

Every slide carries a QR code of its own link in its top-right corner, large enough to scan from the
back of a classroom, so nobody has to open the share panel on each slide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import streamlit as st

from components import url_state
from components.site import PageSpec
from components.stylesheets import stylesheet
from evidence.outputs.share import qr_png

# Sidebar hidden, type large enough for the back of a room (28 px body), no widget chrome.
PRESENTATION_CSS = stylesheet("present")


@dataclass(frozen=True)
class Slide:
    title: str
    draw: Callable[[], None]
    citation: str  # shown on every slide, so a photo of any slide carries its source


# At least 1/6 of a 1920x1080 slide's height (180 CSS px): readable by a phone from the back row.
SLIDE_QR_PX = 220
SLIDE_QR_TEXT = "Scan to open this on your phone"
SLIDE_QR_ALT = "QR code of this slide's link: scan it with a phone camera to open this slide."


def active() -> bool:
    return url_state.value("present") == "1"


def apply_style(spec: PageSpec) -> bool:
    """Large type and no sidebar when a page with slides is presenting; says whether it is."""
    presenting = "present" in spec.keys and active()
    if presenting:
        st.html(PRESENTATION_CSS)
    return presenting


def current_slide(count: int) -> int:
    value = url_state.value("slide", "1")
    number = int(value) if value.isdigit() else 0
    if not 1 <= number <= max(count, 1):
        url_state.note(f"There is no slide {value}; showing slide 1 of {count}.")
        url_state.write("slide", None)
        return 1
    return number


def _go(number: int) -> None:
    url_state.write("slide", str(number) if number > 1 else None)


def _leave() -> None:
    url_state.clear(("present", "slide"))


def _enter() -> None:
    url_state.write("present", "1")
    url_state.write("slide", None)


def enter_button(label: str = "Present these as slides") -> None:
    st.button(label, icon=":material/slideshow:", on_click=_enter, key="present_enter")


def deck(slides: list[Slide]) -> None:
    """Draw the current slide with its citation, a counter and previous/next controls."""
    if not slides:
        st.info("There is nothing to present with these filters.")
        st.button("Leave presentation", icon=":material/close:", on_click=_leave, key="present_leave")
        return
    number = current_slide(len(slides))
    slide = slides[number - 1]
    body, corner = st.columns([4, 1], gap="large")
    with body:
        st.title(slide.title)
        slide.draw()
        st.caption(f"Source: {slide.citation}")
    with corner:
        _slide_qr()
    left, middle, right, end = st.columns([1, 1, 1, 1])
    left.button("Previous", icon=":material/chevron_left:", disabled=number <= 1, on_click=_go, args=(number - 1,),
                key="slide_prev")
    middle.markdown(f"**Slide {number} of {len(slides)}**")
    right.button("Next", icon=":material/chevron_right:", disabled=number >= len(slides), on_click=_go,
                 args=(number + 1,), key="slide_next")
    end.button("Leave presentation", icon=":material/close:", on_click=_leave, key="present_leave")


def _slide_qr() -> None:
    """The QR code of this slide's exact link (slide=N and every other parameter), with what it is for.
    Drawn after the slide, so the link is the one the slide settled on (a stale slide number dropped)."""
    with st.container(key="slide_qr"):
        # Natural size: whole pixels per module, so a projector's scaling does not blur the modules.
        st.image(qr_png(url_state.current_url(), SLIDE_QR_PX), width="content", output_format="PNG",
                 alt=SLIDE_QR_ALT)
        st.markdown(SLIDE_QR_TEXT)
