"""Pure selections over the base: what the pages show, without Streamlit.

The findings index is built once per base: each facet value maps to the set of rows that
carry it, so a filter change is a few set intersections, fast even at 10,000 studies.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .load import EvidenceBase
from .model import (
    ArticleClaim,
    Certainty,
    Claim,
    Direction,
    PopulationTag,
    PrevalenceFigure,
    RecallPeriod,
    SourceArticle,
    Study,
    Topic,
)

NOT_GRADED = "not-graded"
CERTAINTY_FILTER_LABELS = {**{c.value: c.label for c in Certainty}, NOT_GRADED: "Not graded (single-study result)"}
SORTS = {"certainty": "Certainty, highest first", "year": "Newest first", "size": "Most participants first"}
PAGE_SIZE = 20


@dataclass(frozen=True)
class Finding:
    """One card in the findings explorer: a graded claim, or one study's numeric result."""

    kind: str  # "claim" | "result"
    id: str  # claim id, or "<study id>:<outcome index>"
    statement: str
    certainty: str  # a Certainty value or NOT_GRADED
    direction: Direction
    topics: frozenset[Topic]
    populations: frozenset[PopulationTag]
    designs: frozenset[str]
    year: int
    participants: int
    study_ids: tuple[str, ...]
    search_text: str

    @property
    def certainty_rank(self) -> int:
        return Certainty(self.certainty).rank if self.certainty != NOT_GRADED else -1


@dataclass(frozen=True)
class FindingsQuery:
    topics: frozenset[str] = frozenset()
    populations: frozenset[str] = frozenset()
    designs: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    certainties: frozenset[str] = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    text: str = ""
    sort: str = "certainty"

    def active(self) -> list[str]:
        """Names of the filters in force, for the 'active filters' line."""
        names = [name for name, values in (("topic", self.topics), ("population", self.populations),
                                           ("design", self.designs), ("direction", self.directions),
                                           ("certainty", self.certainties)) if values]
        if self.year_from is not None or self.year_to is not None:
            names.append("years")
        if self.text.strip():
            names.append("search")
        return names


@dataclass
class FindingsIndex:
    findings: list[Finding]
    facets: dict[str, dict[str, set[int]]] = field(default_factory=dict)
    years: tuple[int, int] = (0, 0)

    @classmethod
    def build(cls, base: EvidenceBase) -> FindingsIndex:
        findings = [_claim_finding(c, base.studies) for c in base.claims.values()]
        findings += [f for s in base.studies.values() for f in _result_findings(s)]
        facets: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for i, f in enumerate(findings):
            for facet, values in (("topic", f.topics), ("population", f.populations), ("design", f.designs),
                                  ("direction", {f.direction}), ("certainty", {f.certainty})):
                for value in values:
                    facets[facet][str(value)].add(i)
        years = [f.year for f in findings] or [0]
        return cls(findings, {k: dict(v) for k, v in facets.items()}, (min(years), max(years)))

    def select(self, query: FindingsQuery) -> list[Finding]:
        rows: set[int] | None = None
        for facet, wanted in (("topic", query.topics), ("population", query.populations), ("design", query.designs),
                              ("direction", query.directions), ("certainty", query.certainties)):
            if not wanted:
                continue
            hits = set().union(*(self.facets.get(facet, {}).get(v, set()) for v in wanted))
            rows = hits if rows is None else rows & hits
        candidates = (self.findings[i] for i in sorted(rows)) if rows is not None else iter(self.findings)
        needle = query.text.strip().lower()
        lo = query.year_from if query.year_from is not None else -1
        hi = query.year_to if query.year_to is not None else 10_000
        chosen = [f for f in candidates if lo <= f.year <= hi and (not needle or needle in f.search_text)]
        return sort_findings(chosen, query.sort)


def sort_findings(findings: list[Finding], sort: str) -> list[Finding]:
    # Claims before single results at equal rank: a graded statement outranks one number.
    if sort == "year":
        key = lambda f: (-f.year, f.kind != "claim", f.id)  # noqa: E731
    elif sort == "size":
        key = lambda f: (-f.participants, f.kind != "claim", f.id)  # noqa: E731
    else:
        key = lambda f: (-f.certainty_rank, f.kind != "claim", -f.year, f.id)  # noqa: E731
    return sorted(findings, key=key)


def page_of(items: list, page: int, size: int = PAGE_SIZE) -> tuple[list, int, int]:
    """(items on `page`, the page actually shown, number of pages). Out-of-range pages clamp."""
    pages = max(1, -(-len(items) // size))
    page = min(max(1, page), pages)
    return items[(page - 1) * size: page * size], page, pages


def _claim_finding(claim: Claim, studies: dict[str, Study]) -> Finding:
    cited = [studies[s] for s in claim.studies if s in studies]
    return Finding(
        kind="claim", id=claim.id, statement=claim.statement, certainty=claim.certainty.value,
        direction=claim.direction, topics=frozenset(claim.topics), populations=frozenset(claim.populations),
        designs=frozenset(s.design.value for s in cited), year=max((s.year for s in cited), default=0),
        participants=distinct_participants(cited), study_ids=tuple(claim.studies),
        search_text=" ".join([claim.statement, claim.expert_summary, *(s.short_citation for s in cited)]).lower(),
    )


def _result_findings(study: Study) -> Iterable[Finding]:
    for i, outcome in enumerate(study.outcomes):
        yield Finding(
            kind="result", id=f"{study.id}:{i}", statement=f"{outcome.name}: {format_result(outcome)}",
            certainty=NOT_GRADED, direction=outcome.direction, topics=frozenset({outcome.topic}),
            populations=frozenset(study.populations), designs=frozenset({study.design.value}), year=study.year,
            participants=outcome.n or study.sample_size or 0, study_ids=(study.id,),
            search_text=" ".join([outcome.name, outcome.note or "", study.title, study.short_citation,
                                  study.population]).lower(),
        )


def format_result(outcome) -> str:
    """'−15.3 points (0–100) (95% CI −25.33 to −5.27), p=0.003' — the numbers, as reported."""
    if outcome.estimate is None:
        return outcome.note or outcome.measure
    text = f"{outcome.measure} {_num(outcome.estimate)}"
    if outcome.unit:
        text += f" {outcome.unit}"
    if outcome.ci_low is not None and outcome.ci_high is not None:
        text += f" (95% CI {_num(outcome.ci_low)} to {_num(outcome.ci_high)})"
    if outcome.p_value is not None:
        text += f", p={outcome.p_value:g}"
    return text


def _num(value: float) -> str:
    return f"{value:g}".replace("-", "−")


# ---- citations and backlinks -----------------------------------------------------------

def numbered_references(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    """Number study ids in order of first citation across a page: {'belavy-2017': 1, ...}."""
    numbers: dict[str, int] = {}
    for ids in groups:
        for sid in ids:
            numbers.setdefault(sid, len(numbers) + 1)
    return numbers


def claims_citing(base: EvidenceBase, study_id: str) -> list[Claim]:
    return [c for c in base.claims.values() if study_id in c.studies]


def article_claims_citing(base: EvidenceBase, study_id: str) -> list[tuple[SourceArticle, ArticleClaim]]:
    return [(a, c) for a in base.sources.values() for c in a.claims if study_id in c.studies]


def prevalence_from(base: EvidenceBase, study_id: str) -> list[PrevalenceFigure]:
    return [f for f in base.prevalence.values() if f.source == study_id]


def bottom_line(base: EvidenceBase) -> list[Claim]:
    return sorted((c for c in base.claims.values() if c.bottom_line), key=lambda c: c.bottom_line)


def filter_studies(base: EvidenceBase, topics: Iterable[str] = (), populations: Iterable[str] = (),
                   designs: Iterable[str] = (), year_from: int | None = None, year_to: int | None = None,
                   text: str = "") -> list[Study]:
    topics, populations, designs = set(topics), set(populations), set(designs)
    needle = text.strip().lower()
    out = []
    for s in base.studies.values():
        if topics and not topics & {t.value for t in s.topics}:
            continue
        if populations and not populations & {p.value for p in s.populations}:
            continue
        if designs and s.design.value not in designs:
            continue
        if (year_from is not None and s.year < year_from) or (year_to is not None and s.year > year_to):
            continue
        if needle and needle not in f"{s.title} {' '.join(s.authors)} {s.journal} {s.id}".lower():
            continue
        out.append(s)
    return sorted(out, key=lambda s: (s.first_author_surname.lower(), s.year))


# ---- prevalence ------------------------------------------------------------------------

def prevalence_by_period(figures: Iterable[PrevalenceFigure]) -> dict[RecallPeriod, list[PrevalenceFigure]]:
    """Group figures so a chart only ever sets like beside like."""
    groups: dict[RecallPeriod, list[PrevalenceFigure]] = {p: [] for p in RecallPeriod}
    for f in figures:
        groups[f.recall_period].append(f)
    return {p: sorted(fs, key=lambda f: f.span[0]) for p, fs in groups.items() if fs}


def select_prevalence(base: EvidenceBase, periods: Iterable[str] = (), populations: Iterable[str] = (),
                      figure_ids: Iterable[str] = ()) -> list[PrevalenceFigure]:
    """Figures matching every filter given; picking figures by id narrows further."""
    periods, populations, figure_ids = set(periods), set(populations), set(figure_ids)
    return [f for f in base.prevalence.values()
            if (not periods or f.recall_period.value in periods)
            and (not populations or f.population_tag.value in populations)
            and (not figure_ids or f.id in figure_ids)]


# ---- evidence map ----------------------------------------------------------------------

@dataclass(frozen=True)
class MapCell:
    topic: Topic
    population: PopulationTag
    study_ids: tuple[str, ...]
    participants: int
    direction: Direction | None
    best_certainty: Certainty | None
    claim_ids: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.topic.value}.{self.population.value}"

    @property
    def is_gap(self) -> bool:
        return not self.study_ids


def distinct_participants(studies: Iterable[Study]) -> int:
    """People across studies, counting each trial once: reports sharing a registration are one sample.

    Four reports of the same 40-person trial are 40 people, not 160. Studies without a sample size add 0.
    """
    largest: dict[str, int] = {}
    for s in studies:
        group = s.registration or s.id
        largest[group] = max(largest.get(group, 0), s.sample_size or 0)
    return sum(largest.values())


def evidence_map(base: EvidenceBase) -> list[MapCell]:
    """Outcome topic × population: who was studied for what, how many people, which way it points."""
    studies: dict[tuple[Topic, PopulationTag], set[str]] = defaultdict(set)
    directions: dict[tuple[Topic, PopulationTag], set[Direction]] = defaultdict(set)
    for s in base.studies.values():
        for o in s.outcomes:
            for p in s.populations:
                studies[(o.topic, p)].add(s.id)
                directions[(o.topic, p)].add(o.direction)
    claims: dict[tuple[Topic, PopulationTag], list[Claim]] = defaultdict(list)
    for c in base.claims.values():
        for t in c.topics:
            for p in c.populations:
                claims[(t, p)].append(c)
    cells = []
    for topic in Topic:
        for population in PopulationTag:
            ids = tuple(sorted(studies[(topic, population)]))
            dirs = directions[(topic, population)] - {Direction.DESCRIPTIVE} or directions[(topic, population)]
            cell_claims = claims[(topic, population)]
            cells.append(MapCell(
                topic=topic, population=population, study_ids=ids,
                participants=distinct_participants(base.studies[i] for i in ids),
                direction=(next(iter(dirs)) if len(dirs) == 1 else Direction.MIXED) if dirs else None,
                best_certainty=max((c.certainty for c in cell_claims), key=lambda c: c.rank, default=None),
                claim_ids=tuple(c.id for c in cell_claims),
            ))
    return cells


def map_gaps(cells: Iterable[MapCell]) -> dict[Topic, list[PopulationTag]]:
    """Empty cells grouped by topic, in vocabulary order: what no study in the base has measured."""
    gaps: dict[Topic, list[PopulationTag]] = {}
    for cell in cells:
        if cell.is_gap:
            gaps.setdefault(cell.topic, []).append(cell.population)
    return gaps


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def cell_name(cell: MapCell) -> str:
    """'Disc height in runners', for headings, options and the gaps list."""
    return f"{cell.topic.label} in {_lower_first(cell.population.label)}"


def timeline_summary(studies: Iterable[Study]) -> list[str]:
    """Sentences on how the evidence grew, generated from the records (years, designs, the disc thread)."""
    studies = sorted(studies, key=lambda s: (s.year, s.id))
    if not studies:
        return ["There are no studies in the base yet."]
    first, last = studies[0].year, studies[-1].year
    middle = studies[len(studies) // 2].year
    recent = sum(s.year >= middle for s in studies)
    lines = [f"The base holds {len(studies)} studies published from {first} to {last}; "
             f"{recent} of them appeared in {middle} or later."]
    firsts: dict = {}
    for s in studies:
        firsts.setdefault(s.design, s)
    lines.append("First of each kind: " + "; ".join(
        f"{_lower_first(d.label)} in {s.year} ({s.short_citation})" for d, s in firsts.items()) + ".")
    disc_topics = {Topic.DISC_HYDRATION, Topic.DISC_HEIGHT, Topic.DISC_DEGENERATION, Topic.IMAGING}
    thread = [s for s in studies if any(o.topic in disc_topics for o in s.outcomes)]
    if thread:
        steps = [f"{s.short_citation} ({_lower_first(s.design.label)}"
                 + (f", {s.sample_size:,} people)" if s.sample_size else ")") for s in thread]
        lines.append("Studies that measured the discs or scans, in order: " + " → ".join(steps) + ".")
    return lines


def take_homes(base: EvidenceBase, topics: Iterable[str] = (), only: str | None = None) -> list[Claim]:
    """Claims for the take-homes page: bottom line first, then by certainty, then by id."""
    if only:
        return [base.claims[only]] if only in base.claims else []
    topics = set(topics)
    chosen = [c for c in base.claims.values() if not topics or topics & {t.value for t in c.topics}]
    return sorted(chosen, key=lambda c: (c.bottom_line is None, c.bottom_line or 0, -c.certainty.rank, c.id))


def search_glossary(base: EvidenceBase, text: str = "", only: str | None = None) -> list:
    """Glossary terms matching `text` in the term, aliases or definition, alphabetically."""
    if only:
        return [base.glossary[only]] if only in base.glossary else []
    needle = text.strip().lower()
    terms = [t for t in base.glossary.values()
             if not needle or needle in f"{t.term} {' '.join(t.aliases)} {t.definition}".lower()]
    return sorted(terms, key=lambda t: t.term.lower())
