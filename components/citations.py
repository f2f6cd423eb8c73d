"""The numbered reference list drawn on a page; its words are evidence/wording/citations.py."""

from __future__ import annotations

import streamlit as st

from components import share
from components.prose import prose
from evidence import EvidenceBase
from evidence.wording.citations import reference_markdown


def reference_lines(numbers: dict[str, int], evidence: EvidenceBase) -> str:
    """The numbered reference list as markdown ('' when nothing is cited); "Cite this view" cites them too."""
    if not numbers:
        return ""
    share.shows_studies(sorted(numbers, key=numbers.get))
    return reference_markdown(numbers, evidence)


def reference_list(numbers: dict[str, int], evidence: EvidenceBase, heading: str = "References") -> None:
    if lines := reference_lines(numbers, evidence):
        st.header(heading, anchor="references")
        prose(lines)
