"""Download buttons for the studies on screen: CSV, BibTeX, RIS and CSL-JSON."""

from __future__ import annotations

import streamlit as st

from evidence import EvidenceBase
from evidence.export import EXTENSIONS, MEDIA_TYPES, export
from evidence.model import Study

_LABELS = {"csv": "CSV", "bibtex": "BibTeX", "ris": "RIS (EndNote, Zotero)", "csljson": "CSL-JSON"}


@st.cache_data(show_spinner=False, max_entries=64)
def _rendered(version: str, fmt: str, ids: tuple[str, ...], _evidence: EvidenceBase) -> str:
    """Cached per version of the base, format and the studies on screen."""
    return export(_evidence, fmt, "studies", [_evidence.studies[i] for i in ids])


def export_buttons(studies: list[Study], evidence: EvidenceBase) -> None:
    ids = tuple(s.id for s in studies)
    columns = st.columns(len(_LABELS))
    for column, (fmt, label) in zip(columns, _LABELS.items()):
        column.download_button(label, _rendered(evidence.version, fmt, ids, evidence),
                               file_name=f"running-back-studies.{EXTENSIONS[fmt]}",
                               mime=MEDIA_TYPES[fmt], icon=":material/download:", key=f"export_{fmt}",
                               on_click="ignore", disabled=not ids)
