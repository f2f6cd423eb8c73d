"""The typed domain model: the single source of truth for every record in the base.

Each field documents its rule; `python -m evidence schema` exports these models as
JSON Schema so YAML editors can autocomplete and flag mistakes while curators type.
No Streamlit here: pages, exports and the validator all read these models.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from enum import StrEnum
from functools import lru_cache
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
INITIALS_RE = re.compile(r"^[A-Z\u00C0-\u00DE]{1,4}$")


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens "
            "(good: belavy-2017-disc-mri, bad: Belavy_2017)"
        )
    return value


def _doi(value: str) -> str:
    if not DOI_RE.match(value):
        raise ValueError(
            f"'{value}' is not a DOI: write it bare, like 10.1038/srep45975 "
            "(no https://doi.org/ prefix)"
        )
    return value


@lru_cache(maxsize=4)
def _year_on(day: int) -> int:
    return dt.date.fromordinal(day + dt.date(1970, 1, 1).toordinal()).year


def _this_year() -> int:
    # date.today() asks the OS clock and time zone; at 10,000 studies that alone cost a second.
    return _year_on(int(time.time() // 86_400))


def _not_future_year(value: int) -> int:
    this_year = _this_year()
    if value > this_year:
        raise ValueError(f"year {value} is in the future (it is {this_year})")
    if value < 1900:
        raise ValueError(f"year {value} is implausibly early")
    return value


def _iso_text(value: object) -> object:
    """YAML reads an unquoted 2025-06-08 as a date, and 2018 as a number; both mean the text."""
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if isinstance(value, int) else value)


# The patterns go into the JSON Schema for editors; our validators give the plain-language message.
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG_RE.pattern})]
Doi = Annotated[str, AfterValidator(_doi), Field(json_schema_extra={"pattern": DOI_RE.pattern})]
Year = Annotated[int, AfterValidator(_not_future_year)]
Percent = Annotated[float, Field(ge=0, le=100)]
Text = Annotated[str, Field(min_length=1)]


class Labelled(StrEnum):
    """An enum whose members carry a human label for the UI."""

    @property
    def label(self) -> str:
        # Keyed by class too: StrEnum members equal their strings, so Direction.MIXED == RecallPeriod.MIXED.
        return _LABELS.get((type(self), self.value), self.value.replace("-", " "))


class Design(Labelled):
    SYSTEMATIC_REVIEW_META_ANALYSIS = "systematic-review-meta-analysis"
    SYSTEMATIC_REVIEW = "systematic-review"
    RCT = "rct"
    COHORT = "cohort"
    CROSS_SECTIONAL = "cross-sectional"
    CASE_SERIES = "case-series"
    NARRATIVE_REVIEW = "narrative-review"
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


class ArticleKind(Labelled):
    CLINIC_BLOG = "clinic-blog"
    COACH_REVIEW = "coach-review"
    HEALTH_NEWS = "health-news"
    SURGEON_BLOG = "surgeon-blog"


class Verification(Labelled):
    CONFIRMED = "confirmed"
    AS_CITED = "as-cited"


_CERTAINTY_ORDER = [Certainty.VERY_LOW, Certainty.LOW, Certainty.MODERATE, Certainty.HIGH]

# Pairs, not a dict literal: equal-valued members of different enums must not overwrite each other.
_LABEL_PAIRS: list[tuple[StrEnum, str]] = [
    (Design.SYSTEMATIC_REVIEW_META_ANALYSIS, "Systematic review with meta-analysis"),
    (Design.SYSTEMATIC_REVIEW, "Systematic review"),
    (Design.RCT, "Randomised controlled trial"),
    (Design.COHORT, "Cohort study"),
    (Design.CROSS_SECTIONAL, "Cross-sectional study"),
    (Design.CASE_SERIES, "Case series"),
    (Design.NARRATIVE_REVIEW, "Narrative review"),
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
    (ArticleKind.CLINIC_BLOG, "Clinic blog"),
    (ArticleKind.COACH_REVIEW, "Coach's evidence review"),
    (ArticleKind.HEALTH_NEWS, "Health news"),
    (ArticleKind.SURGEON_BLOG, "Surgeon's practice blog"),
    (Verification.CONFIRMED, "Confirmed against a public record"),
    (Verification.AS_CITED, "Only as cited (not checked against the paper)"),
]
_LABELS = {(type(member), member.value): text for member, text in _LABEL_PAIRS}


class Record(BaseModel):
    """Fields every record shares. Unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Stable slug used in links and citations, e.g. belavy-2017-disc-mri.")


class Outcome(BaseModel):
    """One numeric result of a study, as the authors report it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = Field(description="What was measured, e.g. 'Average pain (0-100 VAS) at 12 weeks'.")
    topic: Topic
    measure: Text = Field(description="The effect measure, e.g. 'mean difference vs control', 'odds ratio'.")
    estimate: float | None = None
    ci_low: float | None = Field(default=None, description="Lower bound of the 95% confidence interval.")
    ci_high: float | None = Field(default=None, description="Upper bound of the 95% confidence interval.")
    unit: str | None = Field(default=None, description="e.g. 'points (0-100)', 'ms', '%'.")
    p_value: float | None = Field(default=None, ge=0, le=1)
    n: int | None = Field(default=None, ge=1, description="Participants in this analysis, if not the whole study.")
    direction: Direction = Field(description="What the result shows for the back.")
    subgroup: bool = Field(default=False, description="True for subgroup or moderator results (hypothesis-generating).")
    note: str | None = None

    @field_validator("ci_high")
    @classmethod
    def _ci_ordered(cls, high: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("ci_low")
        if high is not None and low is not None and low > high:
            raise ValueError(f"ci_low ({low:g}) is greater than ci_high ({high:g})")
        return high


class Arm(BaseModel):
    """One arm of a trial: how many people were put in it and how many were analysed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = Field(description="e.g. 'run-walk programme', 'waitlist control'.")
    randomised: int = Field(ge=1, description="People allocated to this arm.")
    analysed: int = Field(ge=0, description="People in this arm's analysis at follow-up.")

    @field_validator("analysed")
    @classmethod
    def _not_more_than_randomised(cls, analysed: int, info: ValidationInfo) -> int:
        randomised = info.data.get("randomised")
        if randomised is not None and analysed > randomised:
            raise ValueError(f"analysed ({analysed}) is more than randomised ({randomised})")
        return analysed


class Study(Record):
    """A primary study or review, with its full citation and the results we use."""

    authors: list[Text] = Field(min_length=1, description="'Surname Initials', in the paper's order; 'et al.' allowed last.")
    title: Text
    journal: Text
    year: Year
    volume: str | None = None
    issue: str | None = None
    pages: str | None = Field(default=None, description="Page range or article number, e.g. '99-108' or 'e0229457'.")
    doi: Doi | None = None
    url: str | None = None
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$")
    registration: str | None = Field(default=None, description="Trial registry id, e.g. ACTRN12622001276741.")
    design: Design
    design_note: str | None = Field(default=None, description="e.g. 'pre-planned secondary analysis of an RCT'.")
    populations: list[PopulationTag] = Field(min_length=1)
    population: Text = Field(description="Who was studied, in words.")
    age_range: str | None = Field(default=None, description="e.g. '18-45', 'mean 30'.")
    condition: str | None = Field(default=None, description="e.g. 'non-specific chronic low back pain (>12 weeks)'.")
    sample_size: int | None = Field(default=None, ge=1, description="Participants (people, not studies).")
    arms: list[Arm] = Field(default_factory=list, description="For trials: each arm's size, in the paper's order.")
    studies_included: int | None = Field(default=None, ge=1, description="For reviews: number of studies included.")
    exposure: str | None = Field(default=None, description="Exposure or intervention.")
    comparator: str | None = None
    topics: list[Topic] = Field(min_length=1)
    summary: Text = Field(description="One or two plain-language sentences on what the study found.")
    outcomes: list[Outcome] = Field(default_factory=list)
    caveats: list[Text] = Field(default_factory=list, description="The authors' own caveats and design limits.")
    verified: Verification
    verified_in: str | None = Field(default=None, description="Where the facts were confirmed, e.g. 'PubMed 39375007'.")

    @model_validator(mode="after")
    def _has_locator(self) -> Study:
        if not (self.doi or self.url or self.pmid or self.registration):
            raise ValueError("a study needs a doi, url, pmid or registration so readers can find it")
        if self.verified is Verification.CONFIRMED and not self.verified_in:
            raise ValueError("verified: confirmed needs verified_in (which public record confirmed it)")
        return self

    @property
    def first_author_surname(self) -> str:
        """'Baradaran Mahdavi S' -> 'Baradaran Mahdavi'; a group author stays whole."""
        first = self.authors[0]
        surname, _, initials = first.rpartition(" ")
        return surname if surname and INITIALS_RE.match(initials) else first

    @property
    def short_citation(self) -> str:
        """'Belavý 2017', the way the text cites a study."""
        return f"{self.first_author_surname} {self.year}"


class PrevalenceFigure(Record):
    """How common back pain is in one population, over one recall period."""

    population: Text = Field(description="e.g. 'Runners (19 studies)', 'US adults'.")
    population_tag: PopulationTag
    region: Text = Field(description="e.g. 'Global', 'USA', 'Mixed (mostly Europe and North America)'.")
    recall_period: RecallPeriod = Field(description="Point, 1-month, 12-month, lifetime, or mixed/unstated.")
    measure: str = Field(default="prevalence", pattern=r"^(prevalence|incidence)$")
    value: Percent | None = Field(default=None, description="A single estimate, in %.")
    low: Percent | None = Field(default=None, description="Lowest figure of a range, in %.")
    high: Percent | None = Field(default=None, description="Highest figure of a range, in %.")
    uncertainty_low: Percent | None = None
    uncertainty_high: Percent | None = None
    uncertainty_label: str | None = Field(default=None, description="e.g. '95% uncertainty interval', '± 2.0 (SE)'.")
    case_definition: Text = Field(description="What counted as back pain in the source.")
    source: Slug = Field(description="id of the study this figure comes from.")
    comparability: Text = Field(description="What this figure can and cannot be compared with.")

    @field_validator("high")
    @classmethod
    def _range_ordered(cls, high: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("low")
        if high is not None and low is not None and low > high:
            raise ValueError(f"low ({low:g}%) is greater than high ({high:g}%)")
        return high

    @field_validator("uncertainty_high")
    @classmethod
    def _uncertainty_ordered(cls, high: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("uncertainty_low")
        if high is not None and low is not None and low > high:
            raise ValueError(f"uncertainty_low ({low:g}%) is greater than uncertainty_high ({high:g}%)")
        return high

    @model_validator(mode="after")
    def _one_shape(self) -> PrevalenceFigure:
        has_range = self.low is not None or self.high is not None
        if self.value is None and not has_range:
            raise ValueError("give either value, or low and high")
        if has_range and (self.low is None or self.high is None):
            raise ValueError("a range needs both low and high")
        return self

    @property
    def span(self) -> tuple[float, float]:
        """(low, high) for drawing; a single value spans itself."""
        if self.value is not None and self.low is None:
            return (self.value, self.value)
        return (self.low, self.high)  # type: ignore[return-value]

    @property
    def display(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low:g}–{self.high:g}%"
        return f"{self.value:g}%"


# Wording rules: the plain statement must carry the hedge its certainty earns,
# so no take-home reads stronger than its evidence.
CERTAINTY_WORDS: dict[Certainty, tuple[str, ...]] = {
    Certainty.HIGH: (),
    Certainty.MODERATE: ("probably", "likely"),
    Certainty.LOW: ("may", "might"),
    Certainty.VERY_LOW: ("we don't know", "we do not know", "unclear", "not sure", "very uncertain"),
}


class Claim(Record):
    """A plain-language take-home, with its certainty and the studies behind it."""

    # certainty comes before statement so the statement's wording can be checked against it.
    certainty: Certainty
    statement: Text = Field(description="Patient layer, grade 8 or below, hedged to match certainty.")
    expert_summary: Text = Field(description="Expert layer: the numbers, designs and limits.")
    certainty_reason: Text = Field(description="Why this GRADE level: risk of bias, imprecision, indirectness...")
    direction: Direction
    topics: list[Topic] = Field(min_length=1)
    populations: list[PopulationTag] = Field(min_length=1)
    studies: list[Slug] = Field(min_length=1, description="Study ids, most important first; cited as [1], [2]...")
    bottom_line: int | None = Field(default=None, ge=1, description="Position on the home page's bottom line, if shown there.")

    @field_validator("statement")
    @classmethod
    def _wording_matches_certainty(cls, statement: str, info: ValidationInfo) -> str:
        certainty = info.data.get("certainty")
        words = CERTAINTY_WORDS.get(certainty, ()) if certainty else ()
        lowered = statement.lower().replace("’", "'")
        if words and not any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words):
            raise ValueError(
                f"a {certainty.label.lower()}-certainty statement must say so: use "
                + " or ".join(f"'{w}'" for w in words)
            )
        return statement


class ArticleClaim(Record):
    """One thing a popular article asserts, checked against the studies."""

    claim: Text = Field(description="Our paraphrase of what the article asserts; never its own sentence.")
    verdict: Verdict
    reason: Text = Field(description="One or two plain sentences, quoting the numbers.")
    studies: list[Slug] = Field(default_factory=list, description="Studies behind the verdict.")
    topics: list[Topic] = Field(default_factory=list)

    @model_validator(mode="after")
    def _judged_against_studies(self) -> ArticleClaim:
        if not self.studies and self.verdict is not Verdict.NOT_SUPPORTED:
            raise ValueError(f"the verdict '{self.verdict.label.lower()}' must name the studies behind it")
        return self


class SourceArticle(Record):
    """A popular web article whose claims the app checks."""

    title: Text
    publisher: Text
    author: str | None = None
    date: Annotated[str, BeforeValidator(_iso_text)] | None = Field(
        default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD; omit if undated.")
    url: str | None = None
    kind: ArticleKind
    seed_file: str | None = Field(default=None, description="The file in shared/seeds this was curated from.")
    summary: Text = Field(description="What the article is about, in our words.")
    claims: list[ArticleClaim] = Field(min_length=1)


class GlossaryTerm(Record):
    term: Text
    definition: Text = Field(description="Plain definition, grade 8 or below.")
    expert_note: str | None = None
    aliases: list[Text] = Field(default_factory=list, description="Other spellings that link here.")
    related: list[Slug] = Field(default_factory=list, description="ids of related glossary terms.")


class BaseMeta(BaseModel):
    """Facts about the base as a whole (Datasette-style top-level metadata)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    question: Text
    last_reviewed: dt.date
    licence: Text
    licence_url: str | None = None
    corrections: Text = Field(description="How to suggest a correction.")
    disclaimer: Text


# The YAML files are mappings from these keys to lists of records.
KINDS: dict[str, type[Record]] = {
    "studies": Study,
    "prevalence": PrevalenceFigure,
    "claims": Claim,
    "sources": SourceArticle,
    "glossary": GlossaryTerm,
}
