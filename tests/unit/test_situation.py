"""The "Your situation" guide's choosing and wording (evidence/situation.py), on the shipped base."""

from __future__ import annotations

import itertools
from statistics import median

import pytest

from evidence import DEFAULT_DIR, load_base
from evidence.model import PopulationTag
from evidence.readability import TARGET_GRADE, grade
from evidence.situation import (
    BY_KEY, DISC_ONLY, KEYS, QUESTIONS, Situation, answers_text, excluded_runners, guide, guide_texts, next_question,
    parse, people_studies, who_was_studied,
)


@pytest.fixture(scope="module")
def evidence():
    return load_base(DEFAULT_DIR)


def every_situation():
    """Every complete set of answers with no warning sign (27 of them)."""
    options = [list(BY_KEY[k].options) for k in KEYS[1:]]
    return [Situation("no", *combo) for combo in itertools.product(*options)]


def test_answers_are_stable_slugs_in_the_url():
    for q in QUESTIONS:
        for slug in q.options:
            assert slug == slug.lower() and " " not in slug
    situation, ignored = parse({"signs": "no", "pain": "long-lasting", "running": "start", "age": "18-45"})
    assert situation == Situation("no", "long-lasting", "start", "18-45") and situation.complete and not ignored
    assert situation.answers() == {"signs": "no", "pain": "long-lasting", "running": "start", "age": "18-45"}


def test_unknown_answers_are_dropped_and_named():
    situation, ignored = parse({"signs": "no", "pain": "Yes please", "age": "18-45"})
    assert situation == Situation(signs="no", age="18-45")
    assert ignored == ["pain=Yes please"]
    assert next_question(situation).key == "pain"


def test_warning_signs_come_first_and_end_the_questions():
    assert QUESTIONS[0].key == "signs"
    assert next_question(Situation()).key == "signs"
    assert next_question(Situation(signs="yes")) is None
    assert Situation(signs="yes").needs_help


def test_the_trial_population_gets_the_trial_take_homes(evidence):
    result = guide(evidence, Situation("no", "long-lasting", "start", "18-45"))
    ids = [a.claim.id for a in result.take_homes]
    assert {"running-may-ease-back-pain", "running-acceptable-minor-side-effects", "who-the-trial-applies-to"} <= set(ids)
    for applies in result.take_homes:
        assert PopulationTag.CHRONIC_LBP in applies.claim.populations
        assert "long-term back pain" in applies.why
        assert not set(applies.claim.topics) <= DISC_ONLY
    # The trial's own people: nothing about them differs from the reader, so no "But:".
    pain = next(a for a in result.take_homes if a.claim.id == "running-may-ease-back-pain")
    assert pain.cautions == ()
    assert not result.general  # enough is about people like the reader


def test_why_it_applies_is_written_from_the_study_record(evidence):
    trial = evidence.studies["neason-2024-asteroid-rct"]
    text = who_was_studied(trial, evidence)
    assert text == ("A trial of 40 people aged 18 to 45. It was about people with back pain for more than 12 weeks. "
                    "People who already ran were left out.")
    assert f"{trial.sample_size} people aged {trial.age_range.replace('-', ' to ')}" in text
    horga = who_was_studied(evidence.studies["horga-2022-marathon-mri"], evidence)
    assert horga.startswith("A study that followed 28 people, average age 30.")


def test_left_out_runners_is_the_records_own_words(evidence):
    """The phrase 'People who already ran were left out' fires only where a paper of that trial says so."""
    flagged = [s for s in evidence.studies.values() if excluded_runners(s, evidence)]
    assert flagged
    registrations = {s.registration for s in flagged}
    assert registrations == {"ACTRN12622001276741"}
    assert any("not eligible" in s.population or any("excluded" in c for c in s.caveats) for s in flagged)


def test_a_runner_over_45_is_told_where_the_studies_differ(evidence):
    result = guide(evidence, Situation("no", "long-lasting", "runs", "over-45"))
    pain = next(a for a in result.take_homes if a.claim.id == "running-may-ease-back-pain")
    assert "But: these studies did not take people your age (over 45)." in pain.cautions
    assert "But: the trial left out people who already ran, like you." in pain.cautions
    assert any("No trial of running for back pain took people your age. It took people aged 18 to 45." == u
               for u in result.unknowns)
    assert any("left out people who already ran" in u for u in result.unknowns)
    # The take-homes that match the most of the reader's groups come first.
    assert len(result.take_homes[0].matched) >= len(result.take_homes[-1].matched)


def test_recent_pain_says_no_study_covers_it_and_falls_back_to_people_in_general(evidence):
    result = guide(evidence, Situation("no", "recent", "start", "18-45"))
    assert not result.take_homes
    assert result.general and all(PopulationTag.GENERAL_POPULATION in a.claim.populations for a in result.general)
    assert result.unknowns[0].startswith("No study here tested running for back pain that started in the last")
    assert "more than 12 weeks" in result.unknowns[0]


def test_people_studies_count_a_trial_once(evidence):
    claim = evidence.take_homes["running-may-ease-back-pain"]
    studies = people_studies(claim, evidence)
    assert [s.id for s in studies] == ["neason-2024-asteroid-rct"]  # symposium: same trial; protocol: no people


@pytest.mark.parametrize("situation", every_situation(), ids=lambda s: "-".join(s.answers().values()))
def test_every_situation_gets_something_and_an_honest_limit(evidence, situation):
    result = guide(evidence, situation)
    assert result.take_homes or result.general
    assert "does not tell you what to do" in result.limits
    assert len(answers_text(situation)) == 4


def test_the_guides_own_words_read_at_grade_8_or_below(evidence):
    """Every sentence the guide writes, in every situation, measured with evidence/readability.py."""
    texts = {t for s in every_situation() for t in guide_texts(guide(evidence, s), evidence)}
    grades = {t: grade(t) for t in texts}
    too_hard = {t: g for t, g in grades.items() if g > TARGET_GRADE}
    assert len(texts) > 30
    assert not too_hard, too_hard
    print(f"guide texts: {len(grades)}; grade min {min(grades.values())}, median {median(grades.values())}, "
          f"max {max(grades.values())}")
