"""Download buttons for the studies on screen: CSV, BibTeX, RIS and CSL-JSON, each built when clicked.

A download button given its bytes stores them as a file on every run and the browser fetches each to check it
(four requests on every visit to References); given a function, it is built only on a click (deferred).
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from evidence import EvidenceBase
from evidence.outputs.export import EXTENSIONS, MEDIA_TYPES, export
from evidence.model import Study

_LABELS = {"csv": "CSV", "bibtex": "BibTeX", "ris": "RIS (EndNote, Zotero)", "csljson": "CSL-JSON"}


def _on_click(evidence: EvidenceBase, fmt: str, studies: list[Study]) -> Callable[[], str]:
    return lambda: export(evidence, fmt, "studies", studies)


def export_buttons(studies: list[Study], evidence: EvidenceBase) -> None:
    row = st.container(horizontal=True, gap="small")  # one row that wraps on a phone
    for fmt, label in _LABELS.items():
        row.download_button(label, _on_click(evidence, fmt, studies),
                            file_name=f"running-back-studies.{EXTENSIONS[fmt]}",
                            mime=MEDIA_TYPES[fmt], icon=":material/download:", key=f"export_{fmt}",
                            on_click="ignore", disabled=not studies)
