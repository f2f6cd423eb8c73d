"""Pure helpers behind the claim check and the evidence map, checked against the shipped base."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from evidence.model import ArticleClaim, ArticleKind, PopulationTag, Article, Study, Topic, Verdict
from evidence.evidence_map import MapCell, cell_name, evidence_map, map_gaps, timeline_summary
from evidence.selections import distinct_participants
from evidence.verdicts import (VERDICT_MEANING, VERDICT_ORDER, article_byline, cited_studies, count_line,
                               counts_by_article, limits_by_study, select_claims, verdict_counts)
from tests.shipped import shipped_base


@pytest.fixture(scope="module")
def base():
    loaded = shipped_base()
    assert loaded.ok, loaded.problems
    return loaded


def _all_claims(base) -> list[ArticleClaim]:
    return [c for a in base.articles.values() for c in a.claims]


def test_overstated_and_contradicted_verdicts_name_a_study_in_the_base(base):
    judged = [c for c in _all_claims(base) if c.verdict in (Verdict.OVERSTATED, Verdict.CONTRADICTED)]
    assert judged, "the base should have overstated or contradicted claims to check"
    orphans = [c.id for c in judged if not any(s in base.studies for s in c.studies)]
    assert not orphans, f"these verdicts name no study that is in the base: {orphans}"


def test_verdict_counts_equal_a_direct_count(base):
    claims = _all_claims(base)
    direct = Counter(c.verdict for c in claims)
    counted = verdict_counts(claims)
    assert list(counted) == list(VERDICT_ORDER)
    assert counted == {v: direct.get(v, 0) for v in Verdict}
    assert sum(counted.values()) == len(claims) == len(base.article_claims)


def test_counts_by_article_match_each_article(base):
    by_article = counts_by_article(base)
    assert list(by_article) == list(base.articles)
    for article_id, counts in by_article.items():
        article = base.articles[article_id]
        assert sum(counts.values()) == len(article.claims)
        for verdict, n in counts.items():
            assert n == sum(c.verdict is verdict for c in article.claims), (article_id, verdict)


def test_count_line_lists_nonzero_verdicts_in_order():
    counts = {Verdict.SUPPORTED: 2, Verdict.PARTLY_SUPPORTED: 0, Verdict.OVERSTATED: 1, Verdict.NOT_COMPARABLE: 0,
              Verdict.NOT_SUPPORTED: 4, Verdict.CONTRADICTED: 1, Verdict.NOT_TESTED: 0}
    assert count_line(counts) == "8 claims checked: 2 supported, 1 overstated, 4 not supported, 1 contradicted."
    # Claims nothing here tests are counted apart, after the judged ones, never as "not supported".
    assert count_line({**counts, Verdict.NOT_TESTED: 3}) == (
        "11 claims checked: 2 supported, 1 overstated, 4 not supported, 1 contradicted; 3 not tested here.")
    assert count_line({Verdict.NOT_TESTED: 2}) == "2 claims checked: 2 not tested here."
    assert count_line({v: 0 for v in Verdict}) == "0 claims checked."
    assert count_line({Verdict.SUPPORTED: 1}) == "1 claim checked: 1 supported."


def test_every_verdict_has_a_plain_meaning():
    assert set(VERDICT_MEANING) == set(Verdict) == set(VERDICT_ORDER)


def test_select_claims_by_article_verdict_and_claim(base):
    article = next(iter(base.articles.values()))
    only = select_claims(base, articles=[article.id])
    assert [s.article.id for s in only] == [article.id]
    assert only[0].claims == tuple(article.claims)

    overstated = select_claims(base, verdicts=["overstated"])
    assert {c.verdict for s in overstated for c in s.claims} == {Verdict.OVERSTATED}
    assert sum(len(s.claims) for s in overstated) == sum(c.verdict is Verdict.OVERSTATED for c in _all_claims(base))
    assert all(s.claims for s in overstated), "articles with no matching claim must be dropped"

    claim = article.claims[-1]
    one = select_claims(base, articles=["ignored"], claim=claim.id)
    assert [(s.article.id, [c.id for c in s.claims]) for s in one] == [(article.id, [claim.id])]
    assert select_claims(base, claim="no-such-claim") == []
    assert select_claims(base, articles=["no-such-article"]) == []


def test_cited_studies_dedupes_in_order_and_skips_unknown_ids(base):
    ids = list(base.studies)[:3]
    claims = [ArticleClaim(id="a", claim="x", verdict=Verdict.SUPPORTED, reason="y", studies=[ids[1], ids[0]]),
              ArticleClaim(id="b", claim="x", verdict=Verdict.SUPPORTED, reason="y",
                           studies=[ids[0], "not-in-base", ids[2]])]
    assert [s.id for s in cited_studies(claims, base.studies)] == [ids[1], ids[0], ids[2]]


def test_limits_group_reports_of_one_design_together(base):
    asteroid = [s for s in base.studies.values() if s.registration and s.design.value == "rct"]
    assert len(asteroid) >= 2
    groups = limits_by_study(asteroid)
    assert sum(len(members) for members, _ in groups) == len(asteroid)
    assert len(groups) < len(asteroid), "trial reports with the same design limits should share one paragraph"
    for members, lines in groups:
        assert lines[0].startswith("A randomised controlled trial can show")


def test_byline_says_undated_when_there_is_no_date():
    article = Article(id="x", title="T", publisher="P", kind=ArticleKind.HEALTH_NEWS, summary="S",
                            claims=[ArticleClaim(id="c", claim="x", verdict=Verdict.NOT_TESTED, reason="y")])
    assert article_byline(article) == "P · undated · Health news"
    dated = article.model_copy(update={"author": "A Writer", "date": "2018-08-29"})
    assert article_byline(dated) == "P · by A Writer · 2018-08-29 · Health news"


# ---- evidence map helpers ----------------------------------------------------------------

def _study(sid: str, n: int | None, registration: str | None = None) -> Study:
    return Study(id=sid, authors=["Doe J"], title="t", journal="j", year=2020, design="rct",
                 populations=["runners"], population="p", topics=["pain"], summary="s", verified="as-cited",
                 doi="10.1000/x", sample_size=n, registration=registration)


def test_distinct_participants_counts_a_trial_once():
    trial = [_study("a", 40, "ACTRN1"), _study("b", 40, "ACTRN1"), _study("c", 38, "ACTRN1")]
    assert distinct_participants(trial) == 40
    assert distinct_participants([*trial, _study("d", 79), _study("e", None)]) == 119


def test_map_cells_use_distinct_participants(base):
    one_trial = [c for c in evidence_map(base) if len(c.study_ids) >= 2
                 and len({base.studies[s].registration for s in c.study_ids}) == 1
                 and base.studies[c.study_ids[0]].registration]
    assert one_trial, "some cell holds only reports of one trial"
    for cell in one_trial:  # its people are counted once, not once per report
        assert cell.participants == max(base.studies[s].sample_size or 0 for s in cell.study_ids)


def test_gaps_are_exactly_the_empty_cells(base):
    cells = evidence_map(base)
    gaps = map_gaps(cells)
    listed = {(t, p) for t, pops in gaps.items() for p in pops}
    assert listed == {(c.topic, c.population) for c in cells if c.is_gap}
    assert len(listed) + sum(not c.is_gap for c in cells) == len(cells)


def test_cell_name_is_plain_words():
    cell = MapCell(topic=Topic.DISC_HEIGHT, population=PopulationTag.CHILDREN, study_ids=(), participants=0,
                   direction=None, best_certainty=None, claim_ids=())
    assert cell_name(cell) == "Disc height in children and teenagers"


def test_timeline_summary_is_generated_from_the_records(base):
    studies = list(base.studies.values())
    text = " ".join(timeline_summary(studies))
    years = [s.year for s in studies]
    assert f"{len(studies)} studies published from {min(years)} to {max(years)}" in text
    first_rct = min((s for s in studies if s.design.value == "rct"), key=lambda s: (s.year, s.id))
    assert f"randomised controlled trial in {first_rct.year} ({first_rct.short_citation})" in text
    # The disc thread lists the studies with disc or imaging outcomes in year order.
    thread = re.search(r"in order: (.*)\.$", text).group(1).split(" → ")
    assert thread[0].startswith("Brinjikji 2015") and any(step.startswith("Belavý 2017") for step in thread)
    assert [int(re.search(r" (\d{4})", step).group(1)) for step in thread] == sorted(
        int(re.search(r" (\d{4})", step).group(1)) for step in thread)
    assert timeline_summary([]) == ["There are no studies in the base yet."]
