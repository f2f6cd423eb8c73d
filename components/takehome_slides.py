"""Take-homes as projector slides: one statement per slide, its certainty and sources on it."""

from __future__ import annotations

import streamlit as st

from components.present import Slide
from evidence import EvidenceBase
from evidence.outputs.export import vancouver
from evidence.grade import symbol_and_label
from evidence.model import TakeHome


def takehome_slides(claims: list[TakeHome], evidence: EvidenceBase, numbers: dict[str, int]) -> list[Slide]:
    def draw(claim: TakeHome):
        def body() -> None:
            st.markdown(f"## {claim.statement}")
            # Plain large text, not a badge: a badge's small type is unreadable from the back of a room.
            st.markdown(f"**{symbol_and_label(claim.certainty)} certainty** · "
                        f"{claim.direction.label}")
            st.markdown(f"Why: {claim.certainty_reason}")
        return body

    def sources(claim: TakeHome) -> str:
        return "; ".join(f"[{numbers[s]}] {vancouver(evidence.studies[s]).rstrip('.')}" for s in claim.studies
                         if s in evidence.studies) + "."

    return [Slide(f"Take-home {i}", draw(c), sources(c)) for i, c in enumerate(claims, start=1)]
