"""Numbered citations that resolve to a reference list and to each study's page."""

from __future__ import annotations

from typing import Iterable
from urllib.parse import urlencode

import streamlit as st

from components import share

from evidence import EvidenceBase
from evidence.export import doi_url, vancouver


def href(page: str, **params: str) -> str:
    """A relative link to another view; relative so it also works under a base path."""
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{page}?{query}" if query else page


def study_href(study_id: str) -> str:
    return href("study", study=study_id)


def cite(study_ids: Iterable[str], numbers: dict[str, int]) -> str:
    """'[1] [3]' as markdown links to the study pages, in citation order."""
    return " ".join(f"[\\[{numbers[s]}\\]]({study_href(s)})" for s in study_ids if s in numbers)


def reference_list(numbers: dict[str, int], evidence: EvidenceBase, heading: str = "References") -> None:
    if not numbers:
        return
    share.shows_studies(sorted(numbers, key=numbers.get))  # so "Cite this view" cites them too
    st.header(heading, anchor="references")
    lines = []
    for study_id, n in sorted(numbers.items(), key=lambda item: item[1]):
        study = evidence.studies.get(study_id)
        if study is None:
            continue
        link = doi_url(study)
        locator = f" [doi:{study.doi}]({link})" if study.doi else (f" [link]({link})" if link else "")
        lines.append(f"{n}. {vancouver(study)}{locator} · [study page]({study_href(study_id)})")
    st.markdown("\n".join(lines))
