"""The evidence map (outcome topic × population: who was studied for what, how many people, which way
results point, where the gaps are) and the sentences on how the evidence grew over time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .load import EvidenceBase
from .model import Certainty, TakeHome, Direction, PopulationTag, Study, Topic
from .selections import distinct_participants


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


def evidence_map(base: EvidenceBase) -> list[MapCell]:
    """Outcome topic × population: who was studied for what, how many people, which way it points."""
    studies: dict[tuple[Topic, PopulationTag], set[str]] = defaultdict(set)
    directions: dict[tuple[Topic, PopulationTag], set[Direction]] = defaultdict(set)
    for s in base.studies.values():
        for o in s.outcomes:
            for p in s.populations:
                studies[(o.topic, p)].add(s.id)
                directions[(o.topic, p)].add(o.direction)
    claims: dict[tuple[Topic, PopulationTag], list[TakeHome]] = defaultdict(list)
    for c in base.take_homes.values():
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
