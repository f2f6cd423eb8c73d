"""The findings explorer's data: one `Finding` per take-home and per study result, a facet index built
once per base, and the query the filters fill in (its facets are declared in facets.py).

The index maps each facet value to the set of rows that carry it, so a filter change is a few set
intersections, fast even at 10,000 studies.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .outputs.export import locator, vancouver
from .facets import FINDINGS_FACETS, MULTI, YEAR_RANGE
from .grade import NOT_GRADED
from .load import EvidenceBase
from .model import Certainty, TakeHome, Direction, Outcome, PopulationTag, Study, Topic
from .selections import distinct_participants

PAGE_SIZE = 20
_CHOICE_FACETS = tuple(f for f in FINDINGS_FACETS if f.kind == MULTI)


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
    """What the filters ask for; each field is filled by the facet whose `field` names it."""

    topics: frozenset[str] = frozenset()
    populations: frozenset[str] = frozenset()
    designs: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    certainties: frozenset[str] = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    text: str = ""
    sort: str = "certainty"

    @classmethod
    def from_values(cls, values: Mapping[str, object], years: tuple[int, int]) -> FindingsQuery:
        """From the widgets' values keyed by facet key; the whole span of `years` means no year filter."""
        fields: dict[str, object] = {}
        for facet in FINDINGS_FACETS:
            value = values.get(facet.key)
            if facet.kind == MULTI:
                fields[facet.field] = frozenset(value or ())
            elif facet.kind == YEAR_RANGE:
                if value is not None and tuple(value) != (years[0], max(years[1], years[0] + 1)):
                    fields["year_from"], fields["year_to"] = value
            elif value:
                fields[facet.field] = value
        return cls(**fields)

    def active(self) -> list[str]:
        """Names of the filters in force, for the 'active filters' line."""
        names = [f.active_name for f in _CHOICE_FACETS if getattr(self, f.field)]
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
        findings = [_claim_finding(c, base.studies) for c in base.take_homes.values()]
        findings += [f for s in base.studies.values() for f in _result_findings(s)]
        facets: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for i, f in enumerate(findings):
            for facet in _CHOICE_FACETS:
                values = getattr(f, facet.matches)
                for value in values if isinstance(values, frozenset) else (values,):
                    facets[facet.key][str(value)].add(i)
        years = [f.year for f in findings] or [0]
        return cls(findings, {k: dict(v) for k, v in facets.items()}, (min(years), max(years)))

    def select(self, query: FindingsQuery) -> list[Finding]:
        rows: set[int] | None = None
        for facet in _CHOICE_FACETS:
            wanted = getattr(query, facet.field)
            if not wanted:
                continue
            hits = set().union(*(self.facets.get(facet.key, {}).get(v, set()) for v in wanted))
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


def _claim_finding(claim: TakeHome, studies: dict[str, Study]) -> Finding:
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


def format_result(outcome: Outcome) -> str:
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


def finding_rows(findings: Iterable[Finding], base: EvidenceBase) -> list[dict[str, object]]:
    """One row per finding with what its card shows, plus each study's citation and where to find it: the
    Findings table view and its CSV download read these."""
    rows = []
    for f in findings:
        studies = [base.studies[s] for s in f.study_ids if s in base.studies]
        if f.kind == "claim":
            claim = base.take_homes[f.id]
            finding, effect = claim.statement, claim.direction.label
        else:
            outcome = studies[0].outcomes[int(f.id.rsplit(":", 1)[1])]
            finding, effect = outcome.name, format_result(outcome)
        rows.append({
            "Kind": "Take-home" if f.kind == "claim" else "Study result",
            "Finding": finding,
            "Effect": effect,
            "Certainty": Certainty(f.certainty).label if f.certainty != NOT_GRADED else "Not graded (single study)",
            "Topic": ", ".join(sorted(t.label for t in f.topics)),
            "Population": ", ".join(sorted(p.label for p in f.populations)),
            "Design": ", ".join(sorted({s.design.label for s in studies})),
            "Year": f.year,
            "People": f.participants or "",
            "Study": "; ".join(s.short_citation for s in studies),
            "Citation": "; ".join(vancouver(s) for s in studies),
            "Link": "; ".join(found[1] for s in studies if (found := locator(s))),
        })
    return rows
