"""Rules that look at a record together with the records it cites (the models check one record alone).

Each function returns faults as (path inside the record, plain message); load.py places them at
file:line and holds the record back, like any other invalid record.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping, Sequence

from .model import ArticleClaim, TakeHome, Design, PrevalenceFigure, Study
from .prose_numbers import Pool, check_prose, study_numbers

Fault = tuple[tuple[str | int, ...], str]


def figures_by_source(figures: Iterable[PrevalenceFigure]) -> dict[str, list[PrevalenceFigure]]:
    out: dict[str, list[PrevalenceFigure]] = defaultdict(list)
    for f in figures:
        out[f.source].append(f)
    return out


def design_faults(study: Study) -> list[Fault]:
    """A trial record whose figures are all subgroup results describes a secondary analysis, not an RCT."""
    if study.design is Design.RCT and study.outcomes and all(o.subgroup for o in study.outcomes):
        return [(("design",), "every result here is a subgroup result, whose comparisons were not randomised: "
                              "use design: secondary-analysis")]
    return []


def study_faults(study: Study, figures: Mapping[str, Sequence[PrevalenceFigure]]) -> list[Fault]:
    pool = Pool(study_numbers(study, figures.get(study.id, ())))
    return design_faults(study) + check_prose({"summary": study.summary}, study.derived, pool, "this study's record")


def study_pools(studies: Mapping[str, Study], figures: Mapping[str, Sequence[PrevalenceFigure]]
                ) -> dict[str, list[float]]:
    """Each study's data numbers, computed once per load (many claims cite the same few studies)."""
    return {sid: study_numbers(s, figures.get(sid, ())) for sid, s in studies.items()}


def _cited_pool(ids: Sequence[str], numbers: Mapping[str, list[float]]) -> Pool:
    pool = Pool()
    for sid in ids:
        pool.add(numbers.get(sid, ()))
    return pool


def claim_faults(claim: TakeHome, numbers: Mapping[str, list[float]]) -> list[Fault]:
    """numbers: study id -> its data numbers (study_pools) for every study that loaded."""
    if any(sid not in numbers for sid in claim.studies):
        return []  # already held back for citing a missing study; its numbers cannot be traced fairly
    fields = {"statement": claim.statement, "expert_summary": claim.expert_summary,
              "certainty_reason": claim.certainty_reason}
    return check_prose(fields, claim.derived, _cited_pool(claim.studies, numbers),
                       "any study this take-home cites")


def article_claim_faults(claim: ArticleClaim, numbers: Mapping[str, list[float]]) -> list[Fault]:
    if any(sid not in numbers for sid in claim.studies):
        return []
    return check_prose({"reason": claim.reason}, claim.derived, _cited_pool(claim.studies, numbers),
                       "any study this article claim cites")
