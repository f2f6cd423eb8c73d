"""Accessibility statement: the standard we aim for, how it is tested, what we know falls short, how to tell us."""

import streamlit as st

from components.frame import enter
from components.url_state import link
from components.base_loader import base
from evidence.links import Page

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()

st.title("Accessibility")
st.markdown("We want everyone to be able to use this site: with a keyboard, a screen reader, a phone, zoomed "
            "text, or without seeing colour.")

st.header("The standard", anchor="standard")
st.markdown("We aim to meet the **Web Content Accessibility Guidelines (WCAG) 2.2 at level AA**. "
            "Where we know a part does not yet meet it, it is listed below.")

st.header("How we test it", anchor="testing")
st.markdown("""
- **Every page, on every change.** Our automated tests open each page in a real Chromium browser, at a desktop
  width (1280 pixels) and a phone width (390 pixels). They run **axe-core**, an open-source accessibility checker,
  with its WCAG 2.2 AA rules. Any *serious* or *critical* finding fails the build.
- **Light and dark.** The site follows your device's light or dark setting (and a page embedded in its dark
  theme). The tests check every page in both colour schemes at both widths: opened light, then switched to dark
  at the desktop width, and the other way round on a phone; and embedded pages in the dark theme. Our colours are
  chosen so that text has a contrast of at least 4.5 to 1 in each scheme, and a test checks every pair. Charts
  and the "out of 100 people" pictures stay on white paper in both schemes, as they are when downloaded or printed.
- **Phones.** At 390 pixels, the tests also check that no page scrolls sideways.
- **Plain pages.** The bottom line, each take-home, the warning signs, Your situation's answers, the glossary and
  each study also exist as plain pages: simple HTML that opens in about a second on a slow connection, works
  without JavaScript, follows your light or dark setting and prints cleanly. Each page here that has one links to
  it at its end. The tests check them with axe in both colour schemes at both widths.
- **Colour is never the only signal.** Certainty, direction and verdict badges carry a symbol and a word;
  charts use shapes and patterns, and each has a table or text with the same numbers.
- **The report form** ("Report a problem with this record"). Every box has a visible label that says whether it is
  required; the limits are written under the boxes. A problem is shown as text that names the box it is about, and
  screen readers read it out at once (an alert); nothing you typed is cleared until your report is saved. The tests
  check the open form, an error and the confirmation with axe, at both widths.
- **Lighthouse.** Chromium's built-in Lighthouse audit runs the axe rules and a few more. Anyone can run it on
  any page (Developer tools, then Lighthouse). It is not part of our automated tests.
""")

st.header("What we know falls short", anchor="limits")
st.markdown("""
- **Streamlit's own controls.** The site is built with Streamlit. Its drop-down lists, sliders and pop-overs work
  with a keyboard, but some screen readers announce them in a limited way (for example, not how many options a
  list has). We cannot change how these controls are built.
- **Charts.** Interactive charts are hard to explore with a screen reader. Each chart has a table, a caption or
  alt text with the same numbers.
- **PDF handouts and slides.** The PDFs have a language, a title, bookmarks and text you can select, and the QR
  codes have alt text. They are not fully tagged PDF/UA documents, so a screen reader may read them in an odd order.
- **Moving between pages** reloads part of the page, and focus goes back to the top.
""")

st.header("Tell us about a barrier", anchor="report")
corrections = evidence.meta.corrections if evidence.meta else ""
st.markdown("If something on this site is hard or impossible for you to use, please tell us. Open an issue in the "
            "project's tracker and say:\n"
            "- which page (the **Share this view** button at the top gives its exact link),\n"
            "- what you tried to do and what happened,\n"
            "- your browser, device, and any assistive technology (such as a screen reader or zoom).\n\n"
            "We treat a barrier as a bug." + (f" For mistakes in the evidence itself: {corrections}" if corrections
                                              else ""))
st.caption(f"How the evidence is chosen and graded is on the [Methods]({link(Page.METHODS)}) page.")
