"""The typed domain model: the single source of truth for every record in the base.

Each field documents its rule; `python -m evidence schema` exports these models as
JSON Schema so YAML editors can autocomplete and flag mistakes while curators type.
No Streamlit here: pages, exports and the validator all read these models.
"""

from __future__ import annotations

import datetime as dt
import re
import time
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

from .grade import wording_problem
from .vocabulary import (
    ArticleKind,
    Certainty,
    Design,
    Direction,
    IntervalKind,
    Labelled,
    PopulationTag,
    PublicationType,
    RecallPeriod,
    Topic,
    Verdict,
    LABELS,
    Verification,
)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
INITIALS_RE = re.compile(r"^[A-Z\u00C0-\u00DE]{1,4}$")


def _matching(pattern: re.Pattern[str], message: str):
    """A validator that rejects values not matching `pattern` with `message` ({value} filled in)."""
    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(message.format(value=value))
        return value
    return check


_slug = _matching(SLUG_RE, "'{value}' is not a valid id: use lowercase letters, digits and single hyphens "
                           "(good: belavy-2017-disc-mri, bad: Belavy_2017)")
_doi = _matching(DOI_RE, "'{value}' is not a DOI: write it bare, like 10.1038/srep45975 (no https://doi.org/ prefix)")


URL_RE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", re.IGNORECASE)


def _web_link(value: str) -> str:
    # A link a visitor clicks must be a web address: javascript:, data: or file: links never validate.
    if not URL_RE.match(value):
        raise ValueError(
            f"'{value}' is not a web link: use an address starting https:// or http://, "
            "or put a DOI in the doi field"
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


def _ordered(unit: str):
    """A validator for a range's upper field: it may not lie below the matching lower field (ci_low, low...)."""
    def check(cls, high: float | None, info: ValidationInfo) -> float | None:
        low_name = info.field_name.replace("high", "low")
        low = info.data.get(low_name)
        if high is not None and low is not None and low > high:
            raise ValueError(f"{low_name} ({low:g}{unit}) is greater than {info.field_name} ({high:g}{unit})")
        return high
    return check


# The patterns go into the JSON Schema for editors; our validators give the plain-language message.
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG_RE.pattern})]
Doi = Annotated[str, AfterValidator(_doi), Field(json_schema_extra={"pattern": DOI_RE.pattern})]
Url = Annotated[str, AfterValidator(_web_link), Field(json_schema_extra={"pattern": URL_RE.pattern})]
Year = Annotated[int, AfterValidator(_not_future_year)]
Percent = Annotated[float, Field(ge=0, le=100)]
Text = Annotated[str, Field(min_length=1)]


def utc_today() -> dt.date:
    return dt.date.fromordinal(int(time.time() // 86_400) + dt.date(1970, 1, 1).toordinal())


class HistoryEntry(BaseModel):
    """One change to a record since it was first published; shown to readers of older links."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date = Field(description="When the change was made (YYYY-MM-DD), not in the future.",
                          examples=["2026-11-29"])
    change: Text = Field(description="What changed, in one plain sentence.",
                         examples=["Certainty lowered from moderate to low."])
    reason: Text = Field(description="Why it changed.",
                         examples=["A re-check of the trial found the confidence interval was wider."])
    old_certainty: Certainty | None = Field(default=None, description="Take-homes: the certainty before this change.",
                                            examples=["moderate"])
    old_statement: str | None = Field(default=None, description="Take-homes: the wording before this change.",
                                      examples=["Running probably eases back pain."])
    old_verdict: Verdict | None = Field(default=None, description="Article claims: the verdict before this change.",
                                        examples=["contradicted"])

    @field_validator("date")
    @classmethod
    def _not_future(cls, value: dt.date) -> dt.date:
        if value > utc_today():
            raise ValueError(f"{value.isoformat()} is in the future: date a change on the day it was made")
        return value


def _in_date_order(history: list[HistoryEntry]) -> list[HistoryEntry]:
    for earlier, later in zip(history, history[1:]):
        if later.date < earlier.date:
            raise ValueError(f"history must be oldest first: {later.date.isoformat()} comes after "
                             f"{earlier.date.isoformat()}")
    return history


class Record(BaseModel):
    """Fields every record shares. Unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Stable slug used in links and citations: lowercase words joined by single hyphens "
                     "(good: belavy-2017-running-discs; bad: Belavy_2017).", examples=["belavy-2017-running-discs"])
    history: Annotated[list[HistoryEntry], AfterValidator(_in_date_order)] = Field(
        default_factory=list, description="Changes since first published, oldest first (see evidence/changes.py).")


class Arm(BaseModel):
    """One group of a trial: who was put in it, and how many were analysed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = Field(description="The group, in words.", examples=["run-walk programme", "waitlist control"])
    randomised: int | None = Field(default=None, ge=0, description="People allocated to this group.", examples=[20])
    analysed: int | None = Field(default=None, ge=0, description="People whose data the main results use.", examples=[20])

    @field_validator("analysed")
    @classmethod
    def _not_more_analysed(cls, analysed: int | None, info: ValidationInfo) -> int | None:
        randomised = info.data.get("randomised")
        if analysed is not None and randomised is not None and analysed > randomised:
            raise ValueError(f"analysed ({analysed}) is more than randomised ({randomised})")
        return analysed


class Derived(BaseModel):
    """A number in prose that is computed from cited data, with its arithmetic (see evidence/prose_numbers.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float = Field(description="The number as the prose writes it.", examples=[96, 13])
    arithmetic: str = Field(pattern=r"^[0-9.+\-*/() ]+$", description="How it is computed from numbers in the cited "
                            "records: digits, + - * / and parentheses only.", examples=["79 + 17", "100 / 7.50"])
    note: str | None = Field(default=None, description="What the numbers are.",
                             examples=["Belavy 2017 (79) plus Mitchell 2020 (17) participants"])


class Outcome(BaseModel):
    """One numeric result of a study, as the authors report it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = Field(description="What was measured, and when.", examples=["Average pain intensity (0-100 VAS) at 12 weeks"])
    topic: Topic = Field(description="The topic this result is about (a facet on the Findings page).", examples=["pain"])
    measure: Text = Field(description="The effect measure, with its comparison.", examples=["mean net difference vs waitlist control", "odds ratio"])
    estimate: float | None = Field(default=None, description="The point estimate as published, sign included.", examples=[-15.30])
    ci_low: float | None = Field(default=None, description="Lower bound of the interval named in `interval` (sign as published).", examples=[-25.33])
    ci_high: float | None = Field(default=None, description="Upper bound of the interval named in `interval`; never below ci_low.", examples=[-5.27])
    interval: IntervalKind = Field(default=IntervalKind.CI_95, description="What the bounds are: a confidence interval, or a modelling "
                                   "study's uncertainty interval (not the same thing).", examples=["95% CI", "95% UI"])
    unit: str | None = Field(default=None, description="The unit of the estimate.", examples=["points (0-100)", "ms", "%"])
    p_value: float | None = Field(default=None, ge=0, le=1, description="The p-value as published (0 to 1).", examples=[0.003])
    n: int | None = Field(default=None, ge=1, description="People in this analysis, when fewer than the whole study.", examples=[19])
    direction: Direction = Field(description="What the result shows for the back.", examples=["benefit", "no-clear-effect"])
    subgroup: bool = Field(default=False, description="True for subgroup or moderator results (hypothesis-generating).", examples=[True])
    note: str | None = Field(default=None, description="How to read the figure; its numbers count as this study's data.",
                             examples=["Lower is better. 10 of 40 participants."])

    _ci_ordered = field_validator("ci_high")(_ordered(""))


class Study(Record):
    """A primary study or review, with its full citation and the results we use."""

    authors: list[Text] = Field(min_length=1, description="Every author as 'Surname Initials', in the paper's order. "
                                "'et al.' only if the public record itself cuts the list (it exports as 'and others').",
                                examples=[["Belavý DL", "Quittner MJ", "Ridgers N"], ["GBD 2021 Low Back Pain Collaborators"]])
    title: Text = Field(description="The title as published.", examples=["Running exercise strengthens the intervertebral disc"])
    journal: Text = Field(description="Journal name, or the meeting for a conference abstract.",
                          examples=["Scientific Reports", "Sydney Spinal Symposium 2023"])
    publication_type: PublicationType = Field(default=PublicationType.JOURNAL_ARTICLE, description="Journal article or conference "
                                              "abstract; exports use it (a conference abstract is a conference paper).",
                                              examples=["conference-abstract"])
    year: Year = Field(description="Year published (online date if not yet in print); never in the future.", examples=[2017])
    volume: str | None = Field(default=None, description="Journal volume, as text.", examples=["7"])
    issue: str | None = Field(default=None, description="Journal issue, as text.", examples=["1"])
    pages: str | None = Field(default=None, description="Page range or article number.", examples=["99-108", "e0229457"])
    doi: Doi | None = Field(default=None, description="The bare DOI, no https://doi.org/ prefix.", examples=["10.1038/srep45975"])
    url: Url | None = Field(default=None, description="A public record found online (https:// or http:// only); never a "
                            "link composed from a pattern.", examples=["https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5396190/"])
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$", description="PubMed id, digits only.", examples=["39375007"])
    registration: str | None = Field(default=None, description="Trial registry id.", examples=["ACTRN12622001276741"])
    design: Design = Field(description="The design of the analysis the figures come from (a subgroup analysis inside a "
                           "trial is secondary-analysis, not rct).", examples=["rct", "secondary-analysis"])
    design_note: str | None = Field(default=None, description="Details of the design in words.",
                                    examples=["Pre-planned secondary analysis (moderators) of the ASTEROID RCT"])
    populations: list[PopulationTag] = Field(min_length=1, description="Population facets.", examples=[["chronic-lbp"]])
    population: Text = Field(description="Who was studied, in words.", examples=["40 adults with non-specific chronic low back pain"])
    age_range: str | None = Field(default=None, description="Ages, as reported.", examples=["18-45", "mean 30"])
    condition: str | None = Field(default=None, description="The condition studied.",
                                  examples=["non-specific chronic low back pain (>12 weeks)"])
    sample_size: int | None = Field(default=None, ge=1, description="People enrolled (not studies). If fewer were analysed, "
                                    "say so in `arms` or an outcome's `n`.", examples=[40])
    studies_included: int | None = Field(default=None, ge=1, description="For reviews: number of studies included.", examples=[19])
    arms: list[Arm] = Field(default_factory=list, description="For trials: each group, with how many were randomised and "
                            "analysed.", examples=[[{"name": "run-walk programme", "randomised": 20, "analysed": 20}]])
    exposure: str | None = Field(default=None, description="Exposure or intervention.", examples=["12-week run-walk programme"])
    comparator: str | None = Field(default=None, description="What the exposure was compared with.", examples=["waitlist control"])
    topics: list[Topic] = Field(min_length=1, description="Topic facets.", examples=[["pain", "disability"]])
    summary: Text = Field(description="One or two plain-language sentences on what the study found. Every number must be "
                          "in this record's data or under `derived`.", examples=["Forty adults with long-lasting back pain ..."])
    outcomes: list[Outcome] = Field(default_factory=list, description="The numeric results used, as published.")
    caveats: list[Text] = Field(default_factory=list, description="The authors' own caveats and design limits.",
                                examples=[["Small trial (40 people), so the estimates are imprecise."]])
    funding: str | None = Field(default=None, description="Who funded the study, as the public record states it.",
                                examples=["National Health and Medical Research Council (Australia)"])
    conflicts: str | None = Field(default=None, description="Conflicts of interest the authors declared.",
                                  examples=["None declared."])
    derived: list[Derived] = Field(default_factory=list, description="Numbers in `summary` computed from this record's data.")
    verified: Verification = Field(description="'confirmed' only when a public record was read; else 'as-cited'.",
                                   examples=["confirmed", "as-cited"])
    verified_in: str | None = Field(default=None, description="Where the facts were confirmed.",
                                    examples=["PubMed 39375007; BJSM article page"])
    verification_note: str | None = Field(default=None, description="For 'as-cited': why it could not be confirmed.",
                                          examples=["No public record of the abstract was found (searched PubMed, the meeting site)."])

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

    population: Text = Field(description="Who, in words.", examples=["Runners (19 studies)", "US adults"])
    population_tag: PopulationTag = Field(description="Population facet.", examples=["runners"])
    region: Text = Field(description="Where.", examples=["Global", "USA"])
    recall_period: RecallPeriod = Field(description="Point, 1-month, 12-month, lifetime, or mixed/unstated.", examples=["point"])
    measure: str = Field(default="prevalence", pattern=r"^(prevalence|incidence)$", description="prevalence (existing "
                         "cases) or incidence (new cases); the two are never drawn on one axis.", examples=["incidence"])
    value: Percent | None = Field(default=None, description="A single estimate, in %.", examples=[7.5])
    low: Percent | None = Field(default=None, description="Lowest figure of a range, in %.", examples=[0.7])
    high: Percent | None = Field(default=None, description="Highest figure of a range, in %.", examples=[20.2])
    uncertainty_low: Percent | None = Field(default=None, description="Lower bound of the interval in `uncertainty_label`, in %.",
                                            examples=[6.75])
    uncertainty_high: Percent | None = Field(default=None, description="Upper bound of that interval, in %.", examples=[8.27])
    uncertainty_label: str | None = Field(default=None, description="What the bounds are, as the source names them.",
                                          examples=["95% uncertainty interval", "95% confidence interval", "± 2.0 (SE)"])
    case_definition: Text = Field(description="What counted as back pain in the source.",
                                  examples=["Self-reported back pain at the time of the survey"])
    source: Slug = Field(description="id of the study this figure comes from.", examples=["wu-2020-gbd-2017"])
    comparability: Text = Field(description="What this figure can and cannot be compared with.",
                                examples=["Compare only with other point figures."])

    _range_ordered = field_validator("high", "uncertainty_high")(_ordered("%"))

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


class TakeHome(Record):
    """A plain-language take-home, with its certainty and the studies behind it."""

    # certainty comes before statement so the statement's wording can be checked against it.
    certainty: Certainty = Field(description="GRADE certainty; never above what the best cited design allows.", examples=["low"])
    statement: Text = Field(description="Patient layer, grade 8 or below, hedged to match certainty (probably / may / "
                            "unclear). Numbers only from cited records or `derived`.",
                            examples=["Running may ease long-lasting back pain a little."])
    expert_summary: Text = Field(description="Expert layer: the numbers, designs and limits.",
                                 examples=["ASTEROID RCT (n=40): average pain -15.30 points vs waitlist (95% CI -25.33 to -5.27)."])
    certainty_reason: Text = Field(description="Why this GRADE level: risk of bias, imprecision, indirectness...",
                                   examples=["One small unblinded trial: downgraded for risk of bias and imprecision."])
    direction: Direction = Field(description="What the evidence shows for the back.", examples=["benefit"])
    topics: list[Topic] = Field(min_length=1, description="Topic facets.", examples=[["pain"]])
    populations: list[PopulationTag] = Field(min_length=1, description="Population facets.", examples=[["chronic-lbp"]])
    studies: list[Slug] = Field(min_length=1, description="Study ids, most important first; cited as [1], [2]...",
                                examples=[["neason-2024-asteroid-rct"]])
    derived: list[Derived] = Field(default_factory=list, description="Numbers in the prose computed from cited data.")
    bottom_line: int | None = Field(default=None, ge=1, description="Position on the home page's bottom line, if shown there.",
                                    examples=[1])

    @field_validator("statement")
    @classmethod
    def _wording_matches_certainty(cls, statement: str, info: ValidationInfo) -> str:
        certainty = info.data.get("certainty")
        if certainty and (problem := wording_problem(certainty, statement)):
            raise ValueError(problem)
        return statement


class ArticleClaim(Record):
    """One thing a popular article asserts, checked against the studies."""

    claim: Text = Field(description="Our paraphrase of what the article asserts, keeping its hedge; never its own sentence.",
                        examples=["Running can make an existing back problem worse."])
    verdict: Verdict = Field(description="How the studies judge the claim.", examples=["overstated"])
    reason: Text = Field(description="One or two plain sentences, quoting the numbers (each from a cited study or `derived`).",
                         examples=["The one trial found less pain with running (-15.30 points vs waitlist)."])
    studies: list[Slug] = Field(default_factory=list, description="Studies behind the verdict.", examples=[["neason-2024-asteroid-rct"]])
    topics: list[Topic] = Field(default_factory=list, description="Topic facets.", examples=[["pain"]])
    derived: list[Derived] = Field(default_factory=list, description="Numbers in `reason` computed from cited data.")
    guidelines: list[Slug] = Field(default_factory=list, description="Clinical guidelines (ids under guidelines:) "
                                   "behind the verdict, for advice no study tests, such as warning signs.",
                                   examples=[["acp-aps-2007-low-back-pain"]])

    @model_validator(mode="after")
    def _judged_against_studies(self) -> ArticleClaim:
        if self.verdict is Verdict.NOT_SUPPORTED and not self.studies:
            raise ValueError("'not-supported' says the studies here do not back the claim: name them, "
                             "or use 'not-tested' when none tests it")
        if not self.studies and not self.guidelines and self.verdict is not Verdict.NOT_TESTED:
            raise ValueError(f"the verdict '{self.verdict.label.lower()}' must name the studies behind it; "
                             "a claim no study here tests is 'not-tested'")
        if self.guidelines and self.verdict in (Verdict.NOT_SUPPORTED, Verdict.NOT_TESTED):
            raise ValueError(f"a claim judged against clinical guidance cannot be '{self.verdict.value}': "
                             "say what the guideline supports (supported, partly-supported, overstated...)")
        return self


class Article(Record):
    """A popular web article whose claims the app checks."""

    title: Text = Field(description="The article's headline.", examples=["Is running bad for your back?"])
    publisher: Text = Field(description="Who published it.", examples=["A physiotherapy clinic's blog"])
    author: str | None = Field(default=None, description="Byline, if any.", examples=["A. Physio"])
    date: Annotated[str, BeforeValidator(_iso_text)] | None = Field(
        default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD; omit if undated.",
        examples=["2025-06-08"])
    url: Url | None = Field(default=None, description="Where the article is published (https:// or http:// only).",
                            examples=["https://example.org/running-and-back-pain"])
    kind: ArticleKind = Field(description="What kind of article it is.", examples=["clinic-blog"])
    seed_file: str | None = Field(default=None, description="The file in shared/seeds this was curated from.", examples=["001.md"])
    summary: Text = Field(description="What the article is about, in our words.", examples=["A clinic explains why running can help backs."])
    claims: list[ArticleClaim] = Field(min_length=1, description="Every substantive claim, each with a verdict.")


class GlossaryTerm(Record):
    term: Text = Field(description="The term as shown.", examples=["confidence interval"])
    definition: Text = Field(description="Plain definition, grade 8 or below.", examples=["The range where the true value probably lies."])
    expert_note: str | None = Field(default=None, description="More precise wording for clinicians.",
                                    examples=["A 95% CI would contain the true value in 95% of repeated samples."])
    aliases: list[Text] = Field(default_factory=list, description="Other spellings that link here.", examples=[["CI", "95% CI"]])
    related: list[Slug] = Field(default_factory=list, description="ids of related glossary terms.", examples=[["p-value"]])


def _report_target(value: str) -> str:
    if not re.match(r"^(mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https://[^\s/]+\.[^\s/]+/\S*)$", value):
        raise ValueError(f"'{value}' must be a mailto: address (mailto:corrections@example.org) or an https:// "
                         "issue-tracker URL")
    return value


ReportTarget = Annotated[str, AfterValidator(_report_target)]


class BaseMeta(BaseModel):
    """Facts about the base as a whole (Datasette-style top-level metadata)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text = Field(description="The site's title.", examples=["Running and your lower back"])
    question: Text = Field(description="The one question the base answers.", examples=["Is running good or bad for your lower back?"])
    last_reviewed: dt.date = Field(description="When the base was last reviewed, YYYY-MM-DD.", examples=["2026-11-22"])
    licence: Text = Field(description="Licence of the text and curation.", examples=["CC BY 4.0"])
    licence_url: Url | None = Field(default=None, description="Link to the licence (https:// only).",
                                    examples=["https://creativecommons.org/licenses/by/4.0/"])
    corrections: Text = Field(description="How to suggest a correction.", examples=["Open an issue naming the record id."])
    disclaimer: Text = Field(description="Shown on every page.", examples=["This site explains research. It is not medical advice."])
    version: str | None = Field(default=None, pattern=r"^\d{4}\.\d{2}\.\d{2}$", examples=["2026.11.29"],
                                description="Release shown in links (v=...); set by `python -m evidence release`.")
    released: dt.date | None = Field(default=None, description="When this release was published.",
                                     examples=["2026-11-29"])
    report_to: ReportTarget | None = Field(
        default=None, description="Where 'Report a problem' messages go: a mailto: address or an https:// issue-tracker "
                                  "URL that accepts a prefilled body.", examples=["mailto:corrections@example.org"])


# ---- Clinical guidance: warning signs taken from a published guideline, not from an article ----

class Urgency(Labelled):
    """How soon to act on a warning sign, most urgent first."""

    EMERGENCY = "emergency"
    TODAY = "today"
    BOOK_A_CHECK = "book-a-check"

    @property
    def rank(self) -> int:
        return list(Urgency).index(self)


LABELS.update({
    (Urgency, Urgency.EMERGENCY.value): "Get emergency care now",
    (Urgency, Urgency.TODAY.value): "See a doctor today",
    (Urgency, Urgency.BOOK_A_CHECK.value): "Pause running and book a check",
})


class Guideline(Record):
    """A published clinical guideline or pathway, cited by warning signs and by article claims about them."""

    title: Text = Field(description="The guideline's title as published.",
                        examples=["Diagnosis and treatment of low back pain: a joint clinical practice guideline"])
    organisation: Text = Field(description="Who issued it.", examples=["American College of Physicians"])
    short_name: str | None = Field(default=None, description="How the page names it beside a sign (default: "
                                   "organisation and year).", examples=["GIRFT CES pathway 2023"])
    authors: list[Text] = Field(default_factory=list, description="'Surname Initials', in the published order.",
                                examples=[["Chou R", "Qaseem A"]])
    journal: str | None = Field(default=None, description="Where it was published, if in a journal.",
                                examples=["Annals of Internal Medicine"])
    year: Year | None = Field(default=None, description="Year of publication; omit for an undated web page "
                              "(then give read_on).", examples=[2007])
    read_on: dt.date | None = Field(default=None, description="An undated web page: the day we read it.",
                                    examples=["2026-12-06"])
    revised: Annotated[str, BeforeValidator(_iso_text)] | None = Field(
        default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="When the version read was last revised (YYYY, YYYY-MM or YYYY-MM-DD), as the page shows it.",
        examples=["2025-03"])
    volume: str | None = Field(default=None, description="Journal volume.", examples=["147"])
    issue: str | None = Field(default=None, description="Journal issue.", examples=["7"])
    pages: str | None = Field(default=None, description="Page range.", examples=["478-491"])
    doi: Doi | None = Field(default=None, description="Bare DOI, only if a public record shows it.",
                            examples=["10.1000/example"])
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$", description="PubMed id, only if a public record "
                             "shows it.", examples=["32838594"])
    url: Url | None = Field(default=None, description="A link found in a public record, never composed.",
                            examples=["https://www.example.org/guideline"])
    verified_in: Text = Field(description="The pages actually read for its text, e.g. the ones that show its tables.",
                              examples=["Table 1 read in the publisher's pocket guide"])
    note: str | None = Field(default=None, description="Scope and limits, e.g. who it was written for.",
                             examples=["A national guideline for clinicians; it does not mention running."])

    @model_validator(mode="after")
    def _has_locator(self) -> Guideline:
        if not (self.doi or self.url):
            raise ValueError("a guideline needs a doi or url so readers can find it")
        if self.year is None and self.read_on is None:
            raise ValueError("a guideline needs its year, or read_on for an undated web page")
        return self

    @property
    def dated(self) -> str:
        """'2023', or 'undated, read 2026-12-06' for a web page that shows no date."""
        return str(self.year) if self.year else f"undated, read {self.read_on.isoformat()}"

    @property
    def short_citation(self) -> str:
        return self.short_name or f"{self.organisation} {self.year or '(undated)'}"


class SignSource(BaseModel):
    """One row of one guideline that a warning sign rests on, and how urgent that guideline makes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    guideline: Slug = Field(description="id of the guideline (under guidelines:).", examples=["girft-2023-suspected-ces-pathway"])
    where: Text = Field(description="Where in the guideline: its table, section or list.",
                        examples=["Table 1, cauda equina syndrome"])
    says: Text = Field(description="What that row lists, in our words (clinical terms allowed).",
                       examples=["Saddle anaesthesia, a feature of cauda equina syndrome."])
    urgency: Urgency | None = Field(description="The step this source attaches to the sign, in our three groups "
                                    "(null where it names none); the sign's group may be more urgent, never less "
                                    "(the most cautious source wins).", examples=["emergency"])


class WarningSign(BaseModel):
    """One warning sign in patient words, with every guideline row it rests on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Stable slug, unique within the guidance.", examples=["saddle-numbness"])
    sign: Text = Field(description="The sign in plain words, grade 8 or below.",
                       examples=["Numb skin around your bottom, genitals or inner thighs"])
    detail: Text = Field(description="What it can mean and what to notice, grade 8 or below.",
                         examples=["It is new for you and came with the back pain."])
    where: list[SignSource] = Field(min_length=1, description="The guideline rows this sign rests on.")


# A lower group must never read as leave to ignore a sign: no "you do not need the emergency room".
_DISMISSIVE = re.compile(r"\b(do not|don't|doesn't|does not|no) need (for )?(an? |the )?(emergency|A&E|ER)\b|"
                         r"\bnot an emergency\b", re.IGNORECASE)


class RedFlagGroup(Record):
    """Warning signs that share one action, e.g. 'get emergency care now'."""

    urgency: Urgency = Field(description="How fast to act; groups are shown most urgent first.",
                             examples=["emergency"])
    action: Text = Field(description="What to do, in plain words, grade 8 or below.",
                         examples=["Go to an emergency room now."])
    move_up: str | None = Field(default=None, description="Every group below emergency: what would make it more "
                                "urgent, in plain words, grade 8 or below.",
                                examples=["If you also cannot pee, go to an emergency room now."])
    guideline_action: Text = Field(description="What the guidelines ask clinicians to do for these signs, saying "
                                   "which source says what.", examples=["Scan at once, not after a trial of treatment."])
    signs: list[WarningSign] = Field(min_length=1, description="The signs that share this action.")

    @model_validator(mode="after")
    def _never_dismissive(self) -> RedFlagGroup:
        if self.urgency is not Urgency.EMERGENCY and not (self.move_up or "").strip():
            raise ValueError(f"the '{self.urgency.value}' group needs move_up: what would make it more urgent")
        for name in ("action", "move_up"):
            if (found := _DISMISSIVE.search(getattr(self, name) or "")):
                raise ValueError(f"{name} says '{found.group(0)}': never tell a reader they do not need "
                                 "emergency care; say what would move them up instead")
        for sign in self.signs:
            for row in sign.where:
                if row.urgency is not None and row.urgency.rank < self.urgency.rank:
                    raise ValueError(f"sign '{sign.id}' is in the '{self.urgency.value}' group, but {row.guideline} "
                                     f"({row.where}) makes it '{row.urgency.value}': the most cautious source wins")
        return self

    @property
    def guidelines(self) -> list[str]:
        """The guideline ids the group's signs rest on, each once, in order of first mention."""
        return list(dict.fromkeys(row.guideline for sign in self.signs for row in sign.where))


# ---- The literature search log: how the base was searched beyond the articles' references ----

class SearchTopic(Labelled):
    PREVALENCE = "prevalence"
    DISC_HEALTH = "disc-health"
    RUNNING_AS_TREATMENT = "running-as-treatment"
    RISK_FACTORS = "risk-factors"


class Decision(Labelled):
    INCLUDED = "included"
    ALREADY_IN_BASE = "already-in-base"
    EXCLUDED = "excluded"


class ExclusionReason(Labelled):
    NOT_RUNNING = "not-running"
    NOT_LOW_BACK = "not-low-back"
    WRONG_DESIGN = "wrong-design"
    NOT_VERIFIABLE = "not-verifiable"
    DUPLICATE = "duplicate"
    OUT_OF_SCOPE = "out-of-scope"


LABELS.update({
    (SearchTopic, SearchTopic.PREVALENCE.value): "How common back pain is in runners",
    (SearchTopic, SearchTopic.DISC_HEALTH.value): "Running and disc health",
    (SearchTopic, SearchTopic.RUNNING_AS_TREATMENT.value): "Running as a treatment",
    (SearchTopic, SearchTopic.RISK_FACTORS.value): "Risk factors in runners",
    (Decision, Decision.INCLUDED.value): "Added to the base",
    (Decision, Decision.ALREADY_IN_BASE.value): "Already in the base",
    (Decision, Decision.EXCLUDED.value): "Left out",
    (ExclusionReason, ExclusionReason.NOT_RUNNING.value): "not about running",
    (ExclusionReason, ExclusionReason.NOT_LOW_BACK.value): "not about the lower back",
    (ExclusionReason, ExclusionReason.WRONG_DESIGN.value): "not a study or systematic review with results",
    (ExclusionReason, ExclusionReason.NOT_VERIFIABLE.value): "no public record shows its details",
    (ExclusionReason, ExclusionReason.DUPLICATE.value): "the same study as another record",
    (ExclusionReason, ExclusionReason.OUT_OF_SCOPE.value): "out of scope",
})


class Candidate(BaseModel):
    """One record a search returned that might belong in the base, and what we decided."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    citation: Text = Field(description="First author, year, title, journal.",
                           examples=["Maselli F, et al. 2020. Prevalence and incidence of low back pain among runners."])
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$", description="Only if a page read shows it.",
                             examples=["32493481"])
    doi: Doi | None = Field(default=None, description="Only if a page read shows it.",
                            examples=["10.1186/s12891-020-03357-4"])
    url: Url | None = Field(default=None, description="The address exactly as the search returned it.",
                            examples=["https://pmc.ncbi.nlm.nih.gov/articles/PMC7271446"])
    decision: Decision = Field(description="included, already-in-base or excluded.", examples=["excluded"])
    reason: ExclusionReason | None = Field(default=None, description="Why it was left out (excluded only).",
                                           examples=["not-running"])
    note: str | None = Field(default=None, description="Anything a reviewer should know.",
                             examples=["Matched on DOI and PMID."])
    study: Slug | None = Field(default=None, description="The studies.yaml id, for included and already-in-base.",
                               examples=["maselli-2020-runner-prevalence"])

    @model_validator(mode="after")
    def _decided(self) -> Candidate:
        if self.decision is Decision.EXCLUDED and self.reason is None:
            raise ValueError("an excluded candidate needs its reason")
        if self.decision is not Decision.EXCLUDED and (self.reason is not None or not self.study):
            raise ValueError(f"a candidate '{self.decision.value}' names its study id and no exclusion reason")
        return self


class LiteratureSearch(Record):
    """One documented query: where, when, what it returned and what became of each candidate."""

    topic: SearchTopic = Field(description="Which take-home question it searched.", examples=["prevalence"])
    question: Text = Field(description="The question in plain words.", examples=["How common is back pain in runners?"])
    source: Text = Field(description="What was searched.", examples=["Stored public pages (PubMed, PMC, journals)"])
    query: Text = Field(description="The query exactly as run.", examples=["low back pain runners prevalence"])
    date: dt.date = Field(description="When it was run.", examples=["2026-12-06"])
    results: int = Field(ge=0, description="How many records it returned.", examples=[12])
    candidates: list[Candidate] = Field(default_factory=list, description="The plausible candidates, each once.")


# Clinical guidance and the search log live beside the evidence kinds but are not counted as evidence.
GUIDANCE_KINDS: dict[str, type[Record]] = {
    "guidelines": Guideline,
    "red_flags": RedFlagGroup,
    "searches": LiteratureSearch,
}
