"""Pure helpers for the claim check: counting verdicts, choosing claims, grouping design limits.

Everything the claim-check page counts or summarises is computed here from the records,
so the numbers on screen always match the base.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .explain import design_limits
from .load import EvidenceBase
from .model import ArticleClaim, Article, Study, Verdict

# Worst news for the article last, so a stacked bar reads from "backed" to "not backed"; claims nothing here
# tests stand apart after them, because "not tested" is no judgement on the article.
JUDGED: tuple[Verdict, ...] = (Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED, Verdict.OVERSTATED,
                               Verdict.NOT_COMPARABLE, Verdict.NOT_SUPPORTED, Verdict.CONTRADICTED)
VERDICT_ORDER: tuple[Verdict, ...] = (*JUDGED, Verdict.NOT_TESTED)

# What each verdict means, in plain words (grade 8 or below).
VERDICT_MEANING: dict[Verdict, str] = {
    Verdict.SUPPORTED: "The studies back what the article says.",
    Verdict.PARTLY_SUPPORTED: "Part of it is right, but the article leaves out a limit or goes a step too far.",
    Verdict.OVERSTATED: "The studies point the same way, but the article makes the result sound bigger "
                        "or more certain than it is.",
    Verdict.NOT_COMPARABLE: "The article sets two numbers side by side that measure different things.",
    Verdict.NOT_SUPPORTED: "The studies here looked at it, or at something close, and do not back it.",
    Verdict.CONTRADICTED: "The studies show something different from what the article says.",
    Verdict.NOT_TESTED: "No study in this base tests it. That does not make it wrong, and advice to be careful "
                        "still stands.",
}


def verdict_counts(claims: Iterable[ArticleClaim]) -> dict[Verdict, int]:
    """Claims per verdict, every verdict present (zeros included), in VERDICT_ORDER."""
    counted = Counter(c.verdict for c in claims)
    return {v: counted.get(v, 0) for v in VERDICT_ORDER}


def counts_by_article(base: EvidenceBase) -> dict[str, dict[Verdict, int]]:
    """{article id: {verdict: count}} for every source article, in the base's order."""
    return {a.id: verdict_counts(a.claims) for a in base.articles.values()}


def count_line(counts: dict[Verdict, int]) -> str:
    """'63 claims checked: 7 supported, 14 partly supported, ...; 12 not tested here' (empty verdicts left out):
    the claims nothing here tests are counted apart from those the studies judge."""
    total = sum(counts.values())
    parts = [f"{n} {v.label.lower()}" for v, n in counts.items() if n and v in JUDGED]
    untested = counts.get(Verdict.NOT_TESTED, 0)
    noun = "claim" if total == 1 else "claims"
    line = f"{total} {noun} checked"
    if parts:
        line += ": " + ", ".join(parts)
    if untested:
        line += ("; " if parts else ": ") + f"{untested} {Verdict.NOT_TESTED.label.lower()}"
    return line + "."


@dataclass(frozen=True)
class ArticleSelection:
    article: Article
    claims: tuple[ArticleClaim, ...]


def select_claims(base: EvidenceBase, articles: Iterable[str] = (), verdicts: Iterable[str] = (),
                  claim: str | None = None) -> list[ArticleSelection]:
    """Articles with the claims that match; one claim id narrows to that claim and its article.

    Articles left with no matching claim are dropped, so the page never shows an empty header.
    """
    if claim:
        found = base.article_claims.get(claim)
        return [ArticleSelection(found[0], (found[1],))] if found else []
    articles, verdicts = set(articles), set(verdicts)
    chosen = []
    for a in base.articles.values():
        if articles and a.id not in articles:
            continue
        claims = tuple(c for c in a.claims if not verdicts or c.verdict.value in verdicts)
        if claims:
            chosen.append(ArticleSelection(a, claims))
    return chosen


def cited_studies(claims: Iterable[ArticleClaim], studies: dict[str, Study]) -> list[Study]:
    """The studies behind some claims, each once, in order of first mention; unknown ids skipped."""
    ids = dict.fromkeys(s for c in claims for s in c.studies)
    return [studies[s] for s in ids if s in studies]


def limits_by_study(study_list: Iterable[Study]) -> list[tuple[tuple[Study, ...], tuple[str, ...]]]:
    """What each design can show, with studies that share the same explanation grouped together.

    Four reports of one trial share one paragraph instead of repeating it four times.
    """
    groups: dict[tuple[str, ...], list[Study]] = {}
    for study in study_list:
        groups.setdefault(tuple(design_limits(study)), []).append(study)
    return [(tuple(members), lines) for lines, members in groups.items()]


def article_byline(article: Article) -> str:
    """'Fitness Simplified · Zachary Keith · 2025 · Coach's evidence review' ('undated' when no date)."""
    parts = [article.publisher]
    if article.author:
        parts.append(f"by {article.author}")
    parts.append(article.date or "undated")
    parts.append(article.kind.label)
    return " · ".join(parts)


def newest_first(articles: Iterable[Article]) -> list[Article]:
    """Articles by date, newest first (a date is YYYY, YYYY-MM or YYYY-MM-DD, so text order is date order);
    undated ones last, in the order given."""
    return sorted(articles, key=lambda a: a.date or "", reverse=True)
