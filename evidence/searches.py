"""The literature search log (searches.yaml) counted the PRISMA way, for Methods and What's new.

A candidate is counted once per topic however many queries returned it (the first decision stands); a
study is "added" once, at the first search that included it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .load import EvidenceBase
from .model import Candidate, Decision, ExclusionReason, LiteratureSearch, SearchTopic


def _key(candidate: Candidate) -> str:
    return (candidate.doi or candidate.pmid or candidate.study or candidate.citation).lower()


@dataclass
class TopicCount:
    topic: SearchTopic
    queries: int = 0
    records: int = 0
    candidates: int = 0
    repeats: int = 0
    included: int = 0
    already: int = 0
    excluded: Counter = field(default_factory=Counter)
    dates: set = field(default_factory=set)


def topic_counts(base: EvidenceBase) -> list[TopicCount]:
    """Per topic, in the vocabulary's order: queries run, records returned, unique candidates and their fate."""
    counts: dict[SearchTopic, TopicCount] = {}
    seen: dict[SearchTopic, set[str]] = {}
    for search in base.searches.values():
        count = counts.setdefault(search.topic, TopicCount(search.topic))
        count.queries += 1
        count.records += search.results
        count.dates.add(search.date)
        for candidate in search.candidates:
            keys = seen.setdefault(search.topic, set())
            if _key(candidate) in keys:
                count.repeats += 1
                continue
            keys.add(_key(candidate))
            count.candidates += 1
            if candidate.decision is Decision.INCLUDED:
                count.included += 1
            elif candidate.decision is Decision.ALREADY_IN_BASE:
                count.already += 1
            else:
                count.excluded[candidate.reason] += 1
    return [counts[t] for t in SearchTopic if t in counts]


def excluded_total(counts: list[TopicCount]) -> Counter:
    total: Counter = Counter()
    for c in counts:
        total.update(c.excluded)
    return Counter({r: total[r] for r in ExclusionReason if total[r]})


def added_by_search(base: EvidenceBase) -> list[tuple[str, LiteratureSearch]]:
    """(study id, the first search that included it), each study once, in the log's order."""
    added: dict[str, LiteratureSearch] = {}
    for search in base.searches.values():
        for candidate in search.candidates:
            if candidate.decision is Decision.INCLUDED and candidate.study in base.studies:
                added.setdefault(candidate.study, search)
    return list(added.items())


def last_searched(base: EvidenceBase):
    return max((s.date for s in base.searches.values()), default=None)
