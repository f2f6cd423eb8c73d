"""Numbered citations that resolve to a reference list and to each study's page, as markdown."""

from __future__ import annotations

from typing import Iterable

from evidence.links import Page, link
from evidence.load import EvidenceBase
from evidence.model import Study
from evidence.outputs.export import locator, vancouver


def study_href(study_id: str) -> str:
    return link(Page.STUDY, study=study_id)


def locator_markdown(study: Study) -> str:
    """' [doi:10.1038/srep45975](https://doi.org/…)', or ' [link](…)' for a study with only a URL."""
    found = locator(study)
    if found is None:
        return ""
    text, address = found
    return f" [{text if study.doi else 'link'}]({address})"


def reference_line(study: Study) -> str:
    """A Vancouver reference with its DOI or link, as markdown."""
    return vancouver(study) + locator_markdown(study)


def cite(study_ids: Iterable[str], numbers: dict[str, int]) -> str:
    """'[1] [3]' as markdown links to the study pages, in citation order."""
    return " ".join(f"[\\[{numbers[s]}\\]]({study_href(s)})" for s in study_ids if s in numbers)


def reference_markdown(numbers: dict[str, int], evidence: EvidenceBase) -> str:
    """The numbered reference list as markdown ('' when nothing is cited)."""
    lines = []
    for study_id, n in sorted(numbers.items(), key=lambda item: item[1]):
        if (study := evidence.studies.get(study_id)) is not None:
            lines.append(f"{n}. {reference_line(study)} · [study page]({study_href(study_id)})")
    return "\n".join(lines)
