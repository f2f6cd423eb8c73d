"""What counts as a number in prose, and how a derived number is checked (issue #13)."""

from __future__ import annotations

import pytest

from evidence.load import load_base
from evidence.model import Derived
from evidence.prose_numbers import Pool, check_derived, check_prose, numbers_in


def values(text: str) -> list[float]:
    return [n.value for n in numbers_in(text)]


@pytest.mark.parametrize("text,expected", [
    ("pain fell 15.30 points", [15.30]),
    ("-15.30 (95% CI -25.33 to -5.27), p=0.003", [-15.30, -25.33, -5.27, 0.003]),
    ("aged 18-45, 6.75–8.27%", [18, 45, 6.75, 8.27]),
    ("3,097 adults; grades 2.3, 2.2, 2.1", [3097, 2.3, 2.2, 2.1]),
    ("17/28 (61%) and n=40", [17, 28, 61, 40]),
    ("Forty adults, three 30-minute sessions, forty-five days", [30, 40, 3, 45]),
    ("T2 at T11/T12 and L5-S1; ACTRN12622001276741; the 1st run", []),
    ("GBD 2017 and 2050; 95% UI; 95% CI; article 001; [1]", []),
    ("one study took one snapshot", []),
    ("About 1 in 13 people", [13]),
    ("see https://doi.org/10.1038/srep45975 or 10.1136/bjsports-2024-108245", []),
    ("+4.54 ms", [4.54]),
])
def test_what_counts_as_a_number(text, expected):
    assert sorted(values(text)) == sorted(expected)


def test_an_explicit_sign_must_match_but_a_bare_number_matches_the_magnitude():
    pool = Pool([-15.30])
    assert [pool.has(n) for n in numbers_in("15.30 and -15.30 and +15.30")] == [True, True, False]


def test_rounding_is_not_a_match_unless_declared():
    pool = Pool([15.30])
    assert check_prose({"statement": "Pain was 15 points lower."}, [], pool, "x")
    declared = [Derived(value=15, arithmetic="15.30")]
    assert check_prose({"statement": "Pain was 15 points lower."}, declared, Pool([15.30]), "x") == []


@pytest.mark.parametrize("value,arithmetic,ok", [
    (96, "79 + 17", True), (13, "100 / 7.50", True), (10, "(1 - 0.90) * 100", True),
    (2.1, "70 / 100 * 3", True), (14, "100 / 7.50", False), (4, "2 ** 2", False), (4, "2 + 2", False),
])
def test_derived_arithmetic_is_recomputed_from_cited_numbers(value, arithmetic, ok):
    pool = Pool([79, 17, 7.50, 0.90, 70, 3])
    assert (check_derived([Derived(value=value, arithmetic=arithmetic)], pool, "x") == []) is ok


def test_every_number_in_the_shipped_prose_is_traced():
    """The shipped base obeys its own rule (a typo in a figure would hold a take-home back)."""
    base = load_base()
    assert base.ok, [str(p) for p in base.problems]
    assert any(c.derived for c in base.take_homes.values()), "the base should show derived numbers in use"
