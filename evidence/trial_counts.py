"""Absolute numbers of a trial as pictures: which results are counts, and out of how many.

A count is drawn against the arm it happened in, with the arm's size from the record (`Study.arms`),
so "no one withdrew" becomes "20 of 20 runners stayed to the end". Events are not people: 9 adverse
events among 20 runners may be fewer than 9 people, so they are drawn as marks beside the 20, never
as 9 of the 20 people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Arm, Study

EVENTS = "count of events in the running group"
LOST = "participants lost to follow-up"
ADHERENCE = "mean adherence"


@dataclass(frozen=True)
class CountPicture:
    kind: str  # "people" (filled of total people), "events" (marks beside total people), "sessions" (of 10)
    filled: int
    total: int
    title: str
    text: str  # what the picture shows, in words: its alt text too


def running_arm(study: Study) -> Arm | None:
    return next((a for a in study.arms if "run" in a.name.lower()), None)


def count_pictures(study: Study) -> list[CountPicture]:
    arm = running_arm(study)
    if arm is None:
        return []
    pictures = []
    events = [o for o in study.outcomes if o.measure.startswith(EVENTS) and o.estimate is not None]
    if events:
        total = max(events, key=lambda o: o.estimate)
        parts = [o for o in events if o is not total]
        kinds = ", ".join(f"{o.estimate:g} {o.name.split(' - ', 1)[-1].lower()}" for o in parts)
        pictures.append(CountPicture(
            "events", int(total.estimate), arm.randomised, "Side effects",
            f"{total.estimate:g} minor problems were reported among the {arm.randomised} runners"
            + (f": {kinds}" if kinds else "") + ". These are events, not people: one person may have had more "
            "than one."))
    if any(o.measure == LOST and o.estimate == 0 for o in study.outcomes):
        pictures.append(CountPicture(
            "people", arm.analysed, arm.randomised, "Who stayed to the end",
            f"{arm.analysed} of the {arm.randomised} runners stayed to the end. No one in the trial dropped out."))
    adherence = next((o for o in study.outcomes if o.measure.startswith(ADHERENCE) and o.unit == "%"
                      and o.estimate is not None), None)
    if adherence:
        tenths = round(adherence.estimate / 10)
        pictures.append(CountPicture(
            "sessions", tenths, 10, "Sessions done",
            f"On average, runners did about {tenths} of every 10 planned sessions ({adherence.estimate:g}%"
            + (f", {sd.group(0)}" if (sd := re.search(r"SD [\d.]+%?", adherence.measure)) else "")
            + "). This is an average, not a count of people."))
    return pictures
