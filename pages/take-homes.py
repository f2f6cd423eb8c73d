"""Take-homes: plain-language statements worded to match their certainty, with numbered citations."""

import streamlit as st

from components.frame import enter
from components import filters, present, url_state
from components.base_loader import base
from components.cards import claim_card, claim_cards
from components.citations import reference_list
from components.deck_download import deck_button
from components.handout import handout_buttons
from components.takehome_slides import takehome_slides
from evidence.facets import TOPIC
from evidence.selections import numbered_references, take_homes
from evidence.wording.cards import TAKE_HOMES_INTRO

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
presenting = present.active()
if not presenting:  # the title first, then the filter under it
    st.title("Take-homes")
    st.markdown(TAKE_HOMES_INTRO)
# Slides show what the filters chose; the filter widget itself is not drawn on a slide.
topics = url_state.choices(TOPIC.key, TOPIC.options, "topic") if presenting else filters.multi(TOPIC)
chosen = url_state.selected("claim", evidence.take_homes, "take-home")
claims = take_homes(evidence, topics, chosen)
numbers = numbered_references(c.studies for c in claims)

if presenting:
    present.deck(takehome_slides(claims, evidence, numbers))
    deck_button(claims)
else:
    if chosen:
        filters.show_all_button("take-home", lambda: url_state.write("claim", None))
    present.enter_button()
    # The handouts above the list: a list drawn as server-made HTML grows when it arrives, and would push
    # anything under it down the screen.
    handout_buttons(claims)
    if chosen:
        for claim in claims:
            claim_card(claim, evidence, numbers)
        reference_list(numbers, evidence)
    elif claims:
        claim_cards(claims, evidence, numbers)  # the references come with them, in the same block
    else:
        filters.nothing_to_show("There are no take-homes in the base yet." if not evidence.take_homes
                                else "No take-home matches these filters.")
