"""The vocabularies records choose from (designs, topics, certainty, verdicts, ...), each member with its label.

Apart from the models, so the certainty rules (evidence/grade.py) can use them while the models use the rules.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """An enum whose members carry a human label for the UI."""

    @property
    def label(self) -> str:
        # Keyed by class too: StrEnum members equal their strings, so Direction.MIXED == RecallPeriod.MIXED.
        return LABELS.get((type(self), self.value), self.value.replace("-", " "))


class Design(Labelled):
    SYSTEMATIC_REVIEW_META_ANALYSIS = "systematic-review-meta-analysis"
    SYSTEMATIC_REVIEW = "systematic-review"
    RCT = "rct"
    # A subgroup or secondary analysis inside a trial: its comparisons are not randomised, so GRADE
    # treats them as observational (see CERTAINTY_CEILING in grade.py).
    SECONDARY_ANALYSIS = "secondary-analysis"
    COHORT = "cohort"
    CROSS_SECTIONAL = "cross-sectional"
    CASE_SERIES = "case-series"
    NARRATIVE_REVIEW = "narrative-review"
    EDITORIAL = "editorial"
    PROTOCOL = "protocol"
    MIXED_METHODS = "mixed-methods"
    ANIMAL = "animal"
    # Burden-of-disease estimates (GBD) model many surveys; none of the designs above fits.
    MODELLING = "modelling"


class Topic(Labelled):
    PAIN = "pain"
    DISABILITY = "disability"
    DISC_HYDRATION = "disc-hydration"
    DISC_HEIGHT = "disc-height"
    DISC_DEGENERATION = "disc-degeneration"
    BELIEFS = "beliefs"
    PREVALENCE = "prevalence"
    PHYSICAL_ACTIVITY = "physical-activity"
    SITTING = "sitting"
    IMAGING = "imaging"
    SAFETY = "safety"


class PopulationTag(Labelled):
    CHRONIC_LBP = "chronic-lbp"
    HEALTHY_ADULTS = "healthy-adults"
    RUNNERS = "runners"
    MIDDLE_AGED = "middle-aged"
    GENERAL_POPULATION = "general-population"
    CHILDREN = "children"


class Direction(Labelled):
    BENEFIT = "benefit"
    NO_CLEAR_EFFECT = "no-clear-effect"
    HARM = "harm"
    MIXED = "mixed"
    # How common something is has no direction; saying "benefit" or "harm" would mislead.
    DESCRIPTIVE = "descriptive"


class Certainty(Labelled):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very-low"

    @property
    def rank(self) -> int:
        return _CERTAINTY_ORDER.index(self)


class RecallPeriod(Labelled):
    POINT = "point"
    ONE_MONTH = "1-month"
    TWELVE_MONTH = "12-month"
    LIFETIME = "lifetime"
    MIXED = "mixed"


class Verdict(Labelled):
    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly-supported"
    OVERSTATED = "overstated"
    NOT_SUPPORTED = "not-supported"
    CONTRADICTED = "contradicted"
    NOT_COMPARABLE = "not-comparable"
    # Nothing in the base tests the claim: never written as "not supported", which a reader takes as
    # "the evidence says no" (a safety tip marked so reads as permission to ignore a symptom).
    NOT_TESTED = "not-tested"


class ArticleKind(Labelled):
    CLINIC_BLOG = "clinic-blog"
    COACH_REVIEW = "coach-review"
    HEALTH_NEWS = "health-news"
    SURGEON_BLOG = "surgeon-blog"


class IntervalKind(StrEnum):
    # A confidence interval (sampling error) is not a modelling study's uncertainty interval.
    CI_95 = "95% CI"
    UI_95 = "95% UI"


class PublicationType(Labelled):
    """What kind of publication a record is, so exports name it right (a conference abstract is no article)."""

    JOURNAL_ARTICLE = "journal-article"
    CONFERENCE_ABSTRACT = "conference-abstract"


class Verification(Labelled):
    CONFIRMED = "confirmed"
    AS_CITED = "as-cited"


_CERTAINTY_ORDER = [Certainty.VERY_LOW, Certainty.LOW, Certainty.MODERATE, Certainty.HIGH]

# Pairs, not a dict literal: equal-valued members of different enums must not overwrite each other.
_LABEL_PAIRS: list[tuple[StrEnum, str]] = [
    (Design.SYSTEMATIC_REVIEW_META_ANALYSIS, "Systematic review with meta-analysis"),
    (Design.SYSTEMATIC_REVIEW, "Systematic review"),
    (Design.RCT, "Randomised controlled trial"),
    (Design.SECONDARY_ANALYSIS, "Secondary analysis within a trial"),
    (Design.COHORT, "Cohort study"),
    (Design.CROSS_SECTIONAL, "Cross-sectional study"),
    (Design.CASE_SERIES, "Case series"),
    (Design.NARRATIVE_REVIEW, "Narrative review"),
    (Design.EDITORIAL, "Editorial or teaching article"),
    (Design.PROTOCOL, "Trial protocol"),
    (Design.MIXED_METHODS, "Mixed-methods study"),
    (Design.ANIMAL, "Animal study"),
    (Design.MODELLING, "Burden-of-disease modelling"),
    (Topic.PAIN, "Pain"),
    (Topic.DISABILITY, "Disability"),
    (Topic.DISC_HYDRATION, "Disc hydration"),
    (Topic.DISC_HEIGHT, "Disc height"),
    (Topic.DISC_DEGENERATION, "Disc degeneration"),
    (Topic.BELIEFS, "Beliefs and fear"),
    (Topic.PREVALENCE, "How common back pain is"),
    (Topic.PHYSICAL_ACTIVITY, "Physical activity"),
    (Topic.SITTING, "Sitting"),
    (Topic.IMAGING, "Imaging findings"),
    (Topic.SAFETY, "Safety and side effects"),
    (PopulationTag.CHRONIC_LBP, "People with chronic low back pain"),
    (PopulationTag.HEALTHY_ADULTS, "Healthy adults"),
    (PopulationTag.RUNNERS, "Runners"),
    (PopulationTag.MIDDLE_AGED, "Middle-aged adults"),
    (PopulationTag.GENERAL_POPULATION, "General population"),
    (PopulationTag.CHILDREN, "Children and teenagers"),
    (Direction.BENEFIT, "Benefit"),
    (Direction.NO_CLEAR_EFFECT, "No clear effect"),
    (Direction.HARM, "Harm"),
    (Direction.MIXED, "Mixed"),
    (Direction.DESCRIPTIVE, "Describes how common"),
    (Certainty.HIGH, "High"),
    (Certainty.MODERATE, "Moderate"),
    (Certainty.LOW, "Low"),
    (Certainty.VERY_LOW, "Very low"),
    (RecallPeriod.POINT, "Point (on the day asked)"),
    (RecallPeriod.ONE_MONTH, "Past month"),
    (RecallPeriod.TWELVE_MONTH, "Past 12 months"),
    (RecallPeriod.LIFETIME, "Ever in life"),
    (RecallPeriod.MIXED, "Mixed or unstated periods"),
    (Verdict.SUPPORTED, "Supported"),
    (Verdict.PARTLY_SUPPORTED, "Partly supported"),
    (Verdict.OVERSTATED, "Overstated"),
    (Verdict.NOT_SUPPORTED, "Not supported"),
    (Verdict.CONTRADICTED, "Contradicted"),
    (Verdict.NOT_COMPARABLE, "Not comparable"),
    (Verdict.NOT_TESTED, "Not tested here"),
    (ArticleKind.CLINIC_BLOG, "Clinic blog"),
    (ArticleKind.COACH_REVIEW, "Coach's evidence review"),
    (ArticleKind.HEALTH_NEWS, "Health news"),
    (ArticleKind.SURGEON_BLOG, "Surgeon's practice blog"),
    (PublicationType.JOURNAL_ARTICLE, "Journal article"),
    (PublicationType.CONFERENCE_ABSTRACT, "Conference abstract"),
    (Verification.CONFIRMED, "Confirmed against a public record"),
    (Verification.AS_CITED, "Only as cited (not checked against the paper)"),
]
LABELS = {(type(member), member.value): text for member, text in _LABEL_PAIRS}

