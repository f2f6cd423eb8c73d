"""What the simpler pages select from the base: take-homes, studies, glossary terms, citation numbers and
back-links (who cites a study). Pure functions, no Streamlit.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from .load import EvidenceBase
from .model import ArticleClaim, TakeHome, GlossaryTerm, PrevalenceFigure, Article, Study


def numbered_references(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    """Number study ids in order of first citation across a page: {'belavy-2017': 1, ...}."""
    numbers: dict[str, int] = {}
    for ids in groups:
        for sid in ids:
            numbers.setdefault(sid, len(numbers) + 1)
    return numbers


def claims_citing(base: EvidenceBase, study_id: str) -> list[TakeHome]:
    return [c for c in base.take_homes.values() if study_id in c.studies]


def article_claims_citing(base: EvidenceBase, study_id: str) -> list[tuple[Article, ArticleClaim]]:
    return [(a, c) for a in base.articles.values() for c in a.claims if study_id in c.studies]


def prevalence_from(base: EvidenceBase, study_id: str) -> list[PrevalenceFigure]:
    return [f for f in base.prevalence.values() if f.source == study_id]


def bottom_line(base: EvidenceBase) -> list[TakeHome]:
    return sorted((c for c in base.take_homes.values() if c.bottom_line), key=lambda c: c.bottom_line)


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


def distinct_participants(studies: Iterable[Study]) -> int:
    """People across studies, counting each trial once: reports sharing a registration are one sample.

    Four reports of the same 40-person trial are 40 people, not 160. Studies without a sample size add 0.
    """
    largest: dict[str, int] = {}
    for s in studies:
        group = s.registration or s.id
        largest[group] = max(largest.get(group, 0), s.sample_size or 0)
    return sum(largest.values())


def take_homes(base: EvidenceBase, topics: Iterable[str] = (), only: str | None = None) -> list[TakeHome]:
    """Claims for the take-homes page: bottom line first, then by certainty, then by id."""
    if only:
        return [base.take_homes[only]] if only in base.take_homes else []
    topics = set(topics)
    chosen = [c for c in base.take_homes.values() if not topics or topics & {t.value for t in c.topics}]
    return sorted(chosen, key=lambda c: (c.bottom_line is None, c.bottom_line or 0, -c.certainty.rank, c.id))


def search_glossary(base: EvidenceBase, text: str = "", only: str | None = None) -> list[GlossaryTerm]:
    """Glossary terms matching `text` in the term, aliases or definition, alphabetically."""
    if only:
        return [base.glossary[only]] if only in base.glossary else []
    needle = text.strip().lower()
    terms = [t for t in base.glossary.values()
             if not needle or needle in f"{t.term} {' '.join(t.aliases)} {t.definition}".lower()]
    return sorted(terms, key=lambda t: t.term.lower())


def year_span(base: EvidenceBase) -> tuple[int, int]:
    """First and last year a study in the base was published; this year twice for an empty base."""
    years = [s.year for s in base.studies.values()] or [dt.date.today().year]
    return min(years), max(years)


# The study list's orders: slug -> how it reads in the sort control.
STUDY_ORDERS = {"year": "Newest first", "size": "Most participants first", "design": "Design",
                "author": "First author, A to Z"}


def studies_in_order(base: EvidenceBase, order: str = "year") -> list[Study]:
    """Every study, in one of STUDY_ORDERS; ties (and unknown sizes, which go last) fall back to author and year."""
    by_author = sorted(base.studies.values(), key=lambda s: (s.first_author_surname.casefold(), s.year, s.id))
    if order == "year":
        return sorted(by_author, key=lambda s: -s.year)
    if order == "size":
        return sorted(by_author, key=lambda s: -(s.sample_size or -1))
    if order == "design":
        designs = list(type(by_author[0].design)) if by_author else []
        return sorted(by_author, key=lambda s: designs.index(s.design))
    return by_author
