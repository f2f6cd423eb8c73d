"""Trial counts as "x of N" pictures, N from the record's arms; events never drawn as people."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from components.icon_array import count_array_svg
from evidence import DEFAULT_DIR, load_base
from evidence.model import Arm
from evidence.trial_counts import count_pictures, running_arm


@pytest.fixture(scope="module")
def trial():
    return load_base(DEFAULT_DIR).studies["neason-2024-asteroid-rct"]


def test_arm_sizes_come_from_the_record(trial):
    assert sum(a.randomised for a in trial.arms) == trial.sample_size == 40
    assert running_arm(trial).randomised == 20


def test_an_arm_cannot_analyse_more_people_than_it_randomised():
    with pytest.raises(ValidationError, match="more than randomised"):
        Arm(name="x", randomised=20, analysed=21)


def test_pictures_say_their_numbers(trial):
    pictures = {p.kind: p for p in count_pictures(trial)}
    assert set(pictures) == {"events", "people", "sessions"}
    assert (pictures["people"].filled, pictures["people"].total) == (20, 20)
    assert pictures["people"].text.startswith("20 of the 20 runners stayed to the end")
    events = pictures["events"]
    assert (events.filled, events.total) == (9, 20)
    assert "9 minor problems were reported among the 20 runners: 7 lower-limb injury or pain" in events.text
    assert "events, not people" in events.text
    assert (pictures["sessions"].filled, pictures["sessions"].total) == (7, 10)
    assert "70%, SD 20%" in pictures["sessions"].text


def test_the_svg_draws_the_counts_and_carries_them_as_alt_text(trial):
    pictures = {p.kind: p for p in count_pictures(trial)}
    events = count_array_svg("events", 9, 20, pictures["events"].text)
    assert events.count("<circle cx=") - events.count('r="1.2"') == 20  # 20 people (heads)...
    assert len(re.findall(r'fill="#ffffff" stroke="#5f6b7a"', events)) == 20  # ...all outlined: events are not people
    assert events.count("<path d=") == 9  # and 9 event marks
    assert 'aria-label="9 minor problems' in events and "<title>9 minor problems" in events
    stayed = count_array_svg("people", 20, 20, pictures["people"].text)
    assert stayed.count('fill="#0b4f8a" stroke="#0b4f8a"') == 20
    sessions = count_array_svg("sessions", 7, 10, pictures["sessions"].text)
    assert sessions.count("<rect") == 10 and sessions.count("<path") == 7


def test_studies_without_arms_get_no_pictures():
    evidence = load_base(DEFAULT_DIR)
    # The ASTEROID trial, and its conference abstract, which reports the same arms and counts.
    assert [s.id for s in evidence.studies.values() if count_pictures(s)] == ["neason-2024-asteroid-rct",
                                                                             "neason-2023-asteroid-symposium"]
