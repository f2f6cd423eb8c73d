"""Explanations generated from the records, so they stay true when curators add figures."""

from __future__ import annotations

from itertools import combinations
from typing import Iterable

from .model import Design, PrevalenceFigure, RecallPeriod, Study

# What each design can and cannot show, in plain words (issue: "what the design can and cannot show").
DESIGN_LIMITS: dict[Design, tuple[str, str]] = {
    Design.RCT: ("whether the treatment caused a change, compared with the control group",
                 "what would happen to people unlike those who took part, or over a longer time"),
    Design.SYSTEMATIC_REVIEW_META_ANALYSIS: ("the combined answer of many studies, and how much they agree",
                                             "more than the studies it pooled: weak studies make a weak pool"),
    Design.SYSTEMATIC_REVIEW: ("what all the studies on a question found, collected by a fixed method",
                               "a single combined number, if the studies were not pooled"),
    Design.SECONDARY_ANALYSIS: ("how results differed between subgroups of people in a trial",
                                "that a subgroup's result is real: the subgroups were not formed at random"),
    Design.COHORT: ("what happened over time to people with and without an exposure",
                    "cause and effect for sure: other differences between the groups may explain it"),
    Design.CROSS_SECTIONAL: ("whether two things go together at one moment (an association)",
                             "which came first, or whether one causes the other"),
    Design.CASE_SERIES: ("what happened to a few people", "whether it would happen to others, or why"),
    Design.NARRATIVE_REVIEW: ("an expert's summary of the field", "a complete or unbiased count of the evidence"),
    Design.EDITORIAL: ("how an expert explains an idea", "whether the idea holds in people: it reports no study"),
    Design.PROTOCOL: ("what a trial planned to measure and how", "any results: it was written before the trial ran"),
    Design.MIXED_METHODS: ("numbers plus what people said about their experience",
                           "cause and effect from the interviews alone"),
    Design.ANIMAL: ("how tissue responds in animals", "what happens in people"),
    Design.MODELLING: ("a best estimate for whole populations, built from many surveys",
                       "anything about one person or one activity, such as running"),
}


def design_limits(study: Study) -> list[str]:
    """Plain sentences on what this study's design can show, plus flags for subgroups and waitlists."""
    can, cannot = DESIGN_LIMITS[study.design]
    lines = [f"A {study.design.label.lower()} can show {can}. It cannot show {cannot}."]
    if any(o.subgroup for o in study.outcomes):
        lines.append("Some results are for subgroups. Subgroup results are hypothesis-generating: "
                     "they suggest ideas to test, not proven effects.")
    if study.comparator and "waitlist" in study.comparator.lower().replace("-", "").replace(" ", ""):
        lines.append("The control group was a waitlist, not a placebo, and nobody was blinded, so expecting "
                     "to improve may explain part of the difference.")
    return lines


_PERIOD_WORDS = {
    RecallPeriod.POINT: "on the day people were asked",
    RecallPeriod.ONE_MONTH: "in the past month",
    RecallPeriod.TWELVE_MONTH: "in the past year",
    RecallPeriod.LIFETIME: "at any time in their life",
    RecallPeriod.MIXED: "over periods that differ between studies or are not stated",
}


def why_figures_differ(figures: Iterable[PrevalenceFigure], studies: dict[str, Study]) -> list[str]:
    """Short reasons why figures cannot simply be set side by side; empty when they are like for like.

    With a few figures each reason names them; with many it names the kinds, to stay readable.
    """
    figures = list(figures)
    few = len(figures) <= 3
    reasons: list[str] = []
    periods = {f.recall_period for f in figures}
    if len(periods) > 1:
        if few:
            detail = "; ".join(f"{f.display} counts back pain {_PERIOD_WORDS[f.recall_period]}" for f in figures)
        else:
            detail = ", ".join(p.label.lower() for p in RecallPeriod if p in periods)
        reasons.append(f"Different time windows ({detail}). A longer window always gives a bigger number.")
    if RecallPeriod.MIXED in periods:
        reasons.append("A range that mixes studies with different or unstated windows is not one measurement.")
    tags = {f.population_tag for f in figures}
    if len(tags) > 1:
        groups = "; ".join(f"{f.display}: {f.population}" for f in figures) if few else \
            ", ".join(sorted(t.label.lower() for t in tags))
        reasons.append(f"Different groups of people ({groups}).")
    if len({f.measure for f in figures}) > 1:
        reasons.append("Some count who has back pain (prevalence), others who gets new back pain (incidence).")
    if few and len({f.case_definition for f in figures}) > 1:
        reasons.append("Back pain was defined differently: "
                       + "; ".join(f"{f.display}: {f.case_definition.rstrip('.')}" for f in figures) + ".")
    designs = {studies[f.source].design for f in figures if f.source in studies}
    if len(designs) > 1:
        reasons.append("Different kinds of study (" + ", ".join(sorted(d.label.lower() for d in designs)) + ").")
    return reasons


def like_for_like(figures: Iterable[PrevalenceFigure]) -> bool:
    figures = list(figures)
    return all(a.recall_period == b.recall_period and a.measure == b.measure and a.recall_period != RecallPeriod.MIXED
               for a, b in combinations(figures, 2))
