"""Selections over a tiny base built in code, against expectations worked out by hand.

The base (five studies, four claims, eight numeric results):

    study          design           populations               year  n    outcomes (topic, direction)
    trial-2024     rct              chronic-lbp               2024  40   pain+, disability+, safety harm
    cross-2017     cross-sectional  runners, healthy-adults   2017  79   disc-hydration+, sitting descr.,
                                                                   disc-hydration 0
    review-2020    systematic-rev.  runners                   2020  -    prevalence descriptive
    cohort-2022    cohort           runners                   2022  28   disc-degeneration 0 (n=21)
    protocol-2023  protocol         chronic-lbp               2023  -    (none)

    claim      certainty  direction    studies                      -> year  participants
    c-pain     low        benefit      trial-2024, protocol-2023       2024  40
    c-discs    low        benefit      cross-2017, cohort-2022         2022  107
    c-common   moderate   descriptive  review-2020                     2020  0
    c-unknown  very-low   mixed        cohort-2022                     2022  28
"""

from __future__ import annotations

import pytest

from evidence.load import EvidenceBase
from evidence.model import (
    Certainty,
    TakeHome,
    Direction,
    Outcome,
    PopulationTag,
    PrevalenceFigure,
    RecallPeriod,
    Article,
    Study,
    Topic,
)
from evidence.evidence_map import evidence_map
from evidence.facets import CERTAINTY_OPTIONS as CERTAINTY_FILTER_LABELS
from evidence.facets import SORTS
from evidence.findings import PAGE_SIZE, FindingsIndex, FindingsQuery, format_result, page_of
from evidence.grade import NOT_GRADED
from evidence.prevalence import prevalence_by_period, select_prevalence
from evidence.selections import (article_claims_citing, bottom_line, claims_citing, filter_studies,
                                 numbered_references, prevalence_from, take_homes)


def outcome(topic: str, direction: str, **extra) -> dict:
    return dict(name=f"{topic} result", topic=topic, measure="difference", direction=direction, **extra)


def study(sid: str, design: str, populations: list[str], year: int, n: int | None, outcomes: list[dict],
          author: str, population: str = "Adults.") -> Study:
    return Study.model_validate(dict(
        id=sid, authors=[author], title=f"Title of {sid}", journal="Journal of Tests", year=year, doi=f"10.1234/{sid}",
        design=design, populations=populations, population=population, sample_size=n, topics=["pain"],
        summary="Summary.", outcomes=outcomes, verified="as-cited"))


def claim(cid: str, certainty: str, direction: str, topics: list[str], populations: list[str], studies: list[str],
          statement: str, bottom: int | None = None) -> TakeHome:
    return TakeHome.model_validate(dict(
        id=cid, statement=statement, expert_summary=f"Expert summary of {cid}.", certainty=certainty,
        certainty_reason="Reasons.", direction=direction, topics=topics, populations=populations, studies=studies,
        bottom_line=bottom))


def figure(fid: str, tag: str, period: str, source: str, low: float, high: float | None = None) -> PrevalenceFigure:
    shape = {"value": low} if high is None else {"low": low, "high": high}
    return PrevalenceFigure.model_validate(dict(
        id=fid, population=fid, population_tag=tag, region="Global", recall_period=period, case_definition="Pain.",
        source=source, comparability="Like with like.", **shape))


STUDIES = [
    study("trial-2024", "rct", ["chronic-lbp"], 2024, 40, [
        outcome("pain", "benefit", estimate=-15.3, ci_low=-25.33, ci_high=-5.27, unit="points (0-100)", p_value=0.003),
        outcome("disability", "benefit"), outcome("safety", "harm")], "Trial AB"),
    study("cross-2017", "cross-sectional", ["runners", "healthy-adults"], 2017, 79, [
        outcome("disc-hydration", "benefit"), outcome("sitting", "descriptive"),
        outcome("disc-hydration", "no-clear-effect")], "Cross CD", population="Zebra runners."),
    study("review-2020", "systematic-review", ["runners"], 2020, None, [outcome("prevalence", "descriptive")],
          "Review EF"),
    study("cohort-2022", "cohort", ["runners"], 2022, 28, [outcome("disc-degeneration", "no-clear-effect", n=21)],
          "Cohort GH"),
    study("protocol-2023", "protocol", ["chronic-lbp"], 2023, None, [], "Protocol IJ"),
]
CLAIMS = [
    claim("c-pain", "low", "benefit", ["pain", "physical-activity"], ["chronic-lbp"], ["trial-2024", "protocol-2023"],
          "Running may ease pain.", bottom=2),
    claim("c-discs", "low", "benefit", ["disc-hydration"], ["runners", "healthy-adults"], ["cross-2017", "cohort-2022"],
          "Runners may have healthier discs.", bottom=1),
    claim("c-common", "moderate", "descriptive", ["prevalence"], ["runners"], ["review-2020"],
          "Back pain is probably common in runners."),
    claim("c-unknown", "very-low", "mixed", ["disc-degeneration"], ["runners"], ["cohort-2022"],
          "We don't know if running wears discs."),
]
FIGURES = [
    figure("runners-mixed", "runners", "mixed", "review-2020", 0.7, 20.2),
    figure("adults-point", "general-population", "point", "review-2020", 11.9),
    figure("adults-lifetime", "general-population", "lifetime", "review-2020", 65, 80),
    figure("runners-point", "runners", "point", "cross-2017", 13.6),
]
ARTICLE = Article.model_validate(dict(
    id="art-1", title="A blog", publisher="Blog", kind="clinic-blog", summary="A post.", claims=[
        dict(id="a1", claim="Running cures.", verdict="overstated", reason="No.", studies=["trial-2024"]),
        dict(id="a2", claim="Discs grow.", verdict="overstated", reason="No.", studies=["cross-2017", "trial-2024"]),
        dict(id="a3", claim="Shoes.", verdict="not-tested", reason="Untested."),
    ]))

BASE = EvidenceBase(
    meta=None, studies={s.id: s for s in STUDIES}, prevalence={f.id: f for f in FIGURES},
    take_homes={c.id: c for c in CLAIMS}, articles={ARTICLE.id: ARTICLE}, glossary={})
INDEX = FindingsIndex.build(BASE)


def ids(query: FindingsQuery | None = None, **filters) -> list[str]:
    return [f.id for f in INDEX.select(query or FindingsQuery(**filters))]


def idset(**filters) -> set[str]:
    return set(ids(**filters))


# ---- the index ------------------------------------------------------------------------------

def test_index_holds_every_claim_and_every_numeric_result():
    assert len(INDEX.findings) == 4 + 8
    assert INDEX.years == (2017, 2024)
    by_id = {f.id: f for f in INDEX.findings}
    assert by_id["c-pain"].designs == {"rct", "protocol"}
    assert (by_id["c-pain"].year, by_id["c-pain"].participants) == (2024, 40)
    assert (by_id["c-discs"].year, by_id["c-discs"].participants) == (2022, 107)
    assert by_id["cohort-2022:0"].participants == 21  # an outcome's own n wins over the study's
    assert by_id["review-2020:0"].participants == 0
    assert by_id["trial-2024:0"].certainty == NOT_GRADED and by_id["trial-2024:0"].kind == "result"


def test_no_filter_returns_everything():
    assert len(ids()) == 12


@pytest.mark.parametrize("filters,expected", [
    ({"topics": {"pain"}}, {"c-pain", "trial-2024:0"}),
    ({"topics": {"disc-hydration"}}, {"c-discs", "cross-2017:0", "cross-2017:2"}),
    ({"topics": {"pain", "sitting"}}, {"c-pain", "trial-2024:0", "cross-2017:1"}),
    ({"topics": {"imaging"}}, set()),
    ({"populations": {"chronic-lbp"}}, {"c-pain", "trial-2024:0", "trial-2024:1", "trial-2024:2"}),
    ({"populations": {"runners"}}, {"c-discs", "c-common", "c-unknown", "cross-2017:0", "cross-2017:1",
                                    "cross-2017:2", "review-2020:0", "cohort-2022:0"}),
    ({"designs": {"rct"}}, {"c-pain", "trial-2024:0", "trial-2024:1", "trial-2024:2"}),
    ({"designs": {"protocol"}}, {"c-pain"}),
    ({"designs": {"cross-sectional"}}, {"c-discs", "cross-2017:0", "cross-2017:1", "cross-2017:2"}),
    ({"directions": {"harm"}}, {"trial-2024:2"}),
    ({"directions": {"descriptive"}}, {"c-common", "cross-2017:1", "review-2020:0"}),
    ({"directions": {"no-clear-effect"}}, {"cross-2017:2", "cohort-2022:0"}),
    ({"directions": {"mixed"}}, {"c-unknown"}),
    ({"certainties": {"low"}}, {"c-pain", "c-discs"}),
    ({"certainties": {"moderate"}}, {"c-common"}),
    ({"certainties": {"very-low"}}, {"c-unknown"}),
    ({"certainties": {"high"}}, set()),
    ({"certainties": {NOT_GRADED}}, {"trial-2024:0", "trial-2024:1", "trial-2024:2", "cross-2017:0", "cross-2017:1",
                                     "cross-2017:2", "review-2020:0", "cohort-2022:0"}),
    ({"certainties": {"moderate", "very-low"}}, {"c-common", "c-unknown"}),
    ({"year_from": 2020, "year_to": 2022}, {"c-discs", "c-common", "c-unknown", "review-2020:0", "cohort-2022:0"}),
    ({"year_from": 2023}, {"c-pain", "trial-2024:0", "trial-2024:1", "trial-2024:2"}),
    ({"year_to": 2017}, {"cross-2017:0", "cross-2017:1", "cross-2017:2"}),
    ({"text": "zebra"}, {"cross-2017:0", "cross-2017:1", "cross-2017:2"}),
    ({"text": "  COHORT 2022 "}, {"c-discs", "c-unknown", "cohort-2022:0"}),
    ({"text": "healthier discs"}, {"c-discs"}),
    ({"text": "no such words"}, set()),
])
def test_each_filter_narrows_to_the_hand_computed_rows(filters, expected):
    assert idset(**filters) == expected


@pytest.mark.parametrize("filters,expected", [
    ({"populations": {"runners"}, "directions": {"benefit"}}, {"c-discs", "cross-2017:0"}),
    ({"topics": {"pain"}, "certainties": {NOT_GRADED}}, {"trial-2024:0"}),
    ({"designs": {"cohort"}, "certainties": {"very-low", "low"}}, {"c-discs", "c-unknown"}),
    ({"populations": {"runners"}, "year_from": 2021, "text": "cohort"}, {"c-discs", "c-unknown", "cohort-2022:0"}),
    ({"topics": {"pain"}, "populations": {"runners"}}, set()),
])
def test_filters_combine_by_and_across_facets(filters, expected):
    assert idset(**filters) == expected


def test_an_unknown_facet_value_matches_nothing():
    assert ids(topics=frozenset({"no-such-topic"})) == []


SORTED = {
    "certainty": ["c-common", "c-pain", "c-discs", "c-unknown",
                  "trial-2024:0", "trial-2024:1", "trial-2024:2", "cohort-2022:0", "review-2020:0",
                  "cross-2017:0", "cross-2017:1", "cross-2017:2"],
    "year": ["c-pain", "trial-2024:0", "trial-2024:1", "trial-2024:2",
             "c-discs", "c-unknown", "cohort-2022:0",
             "c-common", "review-2020:0",
             "cross-2017:0", "cross-2017:1", "cross-2017:2"],
    "size": ["c-discs", "cross-2017:0", "cross-2017:1", "cross-2017:2",
             "c-pain", "trial-2024:0", "trial-2024:1", "trial-2024:2",
             "c-unknown", "cohort-2022:0", "c-common", "review-2020:0"],
}


@pytest.mark.parametrize("sort", SORTS)
def test_sort_orders(sort):
    assert ids(sort=sort) == SORTED[sort]


def test_an_unknown_sort_falls_back_to_certainty():
    assert ids(sort="nonsense") == SORTED["certainty"]


def test_sorting_applies_after_filtering():
    assert ids(populations=frozenset({"chronic-lbp"}), sort="year") == ["c-pain", "trial-2024:0", "trial-2024:1",
                                                                         "trial-2024:2"]


def test_active_filters_are_named():
    assert FindingsQuery().active() == []
    query = FindingsQuery(topics=frozenset({"pain"}), certainties=frozenset({"low"}), year_to=2020, text=" x ")
    assert query.active() == ["topic", "certainty", "years", "search"]
    assert FindingsQuery(text="   ").active() == []


def test_certainty_filter_offers_not_graded():
    assert set(CERTAINTY_FILTER_LABELS) == {c.value for c in Certainty} | {NOT_GRADED}


# ---- paging -------------------------------------------------------------------------------

@pytest.mark.parametrize("page,shown,first", [(1, 1, 0), (2, 2, 20), (3, 3, 40), (0, 1, 0), (-5, 1, 0), (99, 3, 40)])
def test_page_of_clamps_out_of_range_pages(page, shown, first):
    items = list(range(45))
    chunk, actual, pages = page_of(items, page)
    assert (actual, pages) == (shown, 3)
    assert chunk[0] == first and len(chunk) == (5 if shown == 3 else 20)


def test_page_of_an_empty_list_is_one_empty_page():
    assert page_of([], 7) == ([], 1, 1)


def test_page_of_exact_multiple_and_custom_size():
    assert page_of(list(range(40)), 3) == (list(range(20, 40)), 2, 2)
    assert page_of(list("abcde"), 2, size=2) == (["c", "d"], 2, 3)
    assert PAGE_SIZE == 20


# ---- references and backlinks -------------------------------------------------------------

def test_numbered_references_follow_first_citation_order():
    assert numbered_references([["b", "a"], ["a", "c"], [], ["d", "b"]]) == {"b": 1, "a": 2, "c": 3, "d": 4}
    assert list(numbered_references([["x", "x", "y"]]).items()) == [("x", 1), ("y", 2)]
    assert numbered_references([]) == {}


def test_backlinks():
    assert [c.id for c in claims_citing(BASE, "cohort-2022")] == ["c-discs", "c-unknown"]
    assert [c.id for _, c in article_claims_citing(BASE, "trial-2024")] == ["a1", "a2"]
    assert [f.id for f in prevalence_from(BASE, "review-2020")] == ["runners-mixed", "adults-point", "adults-lifetime"]
    assert claims_citing(BASE, "nobody") == []


def test_bottom_line_and_take_homes_order():
    assert [c.id for c in bottom_line(BASE)] == ["c-discs", "c-pain"]
    # bottom line first (in its order), then by certainty, then by id
    assert [c.id for c in take_homes(BASE)] == ["c-discs", "c-pain", "c-common", "c-unknown"]
    assert [c.id for c in take_homes(BASE, topics=["prevalence", "pain"])] == ["c-pain", "c-common"]
    assert [c.id for c in take_homes(BASE, only="c-unknown")] == ["c-unknown"]
    assert take_homes(BASE, only="missing") == []


def test_filter_studies():
    assert [s.id for s in filter_studies(BASE)] == ["cohort-2022", "cross-2017", "protocol-2023", "review-2020",
                                                    "trial-2024"]  # by first author's surname
    assert [s.id for s in filter_studies(BASE, populations=["runners"], year_from=2018)] == ["cohort-2022",
                                                                                            "review-2020"]
    assert [s.id for s in filter_studies(BASE, designs=["rct", "protocol"], year_to=2023)] == ["protocol-2023"]
    assert [s.id for s in filter_studies(BASE, text="trial ab")] == ["trial-2024"]


def test_format_result():
    trial = BASE.studies["trial-2024"]
    assert format_result(trial.outcomes[0]) == "difference −15.3 points (0-100) (95% CI −25.33 to −5.27), p=0.003"
    assert format_result(trial.outcomes[1]) == "difference"
    noted = Outcome.model_validate(outcome("pain", "mixed", note="Did not reach the threshold."))
    assert format_result(noted) == "Did not reach the threshold."


# ---- prevalence ---------------------------------------------------------------------------

def test_prevalence_by_period_groups_like_with_like_and_sorts_by_lowest_value():
    groups = prevalence_by_period(FIGURES)
    assert list(groups) == [RecallPeriod.POINT, RecallPeriod.LIFETIME, RecallPeriod.MIXED]
    assert [f.id for f in groups[RecallPeriod.POINT]] == ["adults-point", "runners-point"]
    assert [f.id for f in groups[RecallPeriod.LIFETIME]] == ["adults-lifetime"]
    assert prevalence_by_period([]) == {}


def test_select_prevalence():
    assert [f.id for f in select_prevalence(BASE, periods=["point"])] == ["adults-point", "runners-point"]
    assert [f.id for f in select_prevalence(BASE, populations=["runners"])] == ["runners-mixed", "runners-point"]
    assert [f.id for f in select_prevalence(BASE, periods=["point"], populations=["runners"])] == ["runners-point"]
    assert [f.id for f in select_prevalence(BASE, figure_ids=["adults-lifetime", "nope"])] == ["adults-lifetime"]
    assert len(select_prevalence(BASE)) == 4


# ---- evidence map ---------------------------------------------------------------------------

def test_evidence_map_has_one_cell_per_topic_and_population():
    cells = evidence_map(BASE)
    assert len(cells) == len(Topic) * len(PopulationTag)
    assert len({c.key for c in cells}) == len(cells)


def cell(topic: str, population: str):
    return next(c for c in evidence_map(BASE) if c.key == f"{topic}.{population}")


def test_evidence_map_cells():
    pain = cell("pain", "chronic-lbp")
    assert (pain.study_ids, pain.participants, pain.direction) == (("trial-2024",), 40, Direction.BENEFIT)
    assert (pain.best_certainty, pain.claim_ids) == (Certainty.LOW, ("c-pain",))
    # two directions in one cell -> mixed
    assert cell("disc-hydration", "runners").direction is Direction.MIXED
    assert cell("disc-hydration", "runners").participants == 79
    # descriptive results alone keep 'descriptive'; with a directional one they give way to it
    assert cell("prevalence", "runners").direction is Direction.DESCRIPTIVE
    degeneration = cell("disc-degeneration", "runners")
    assert degeneration.direction is Direction.NO_CLEAR_EFFECT and degeneration.best_certainty is Certainty.VERY_LOW
    # claims alone do not make a cell evidence
    physical = cell("physical-activity", "chronic-lbp")
    assert physical.is_gap and physical.claim_ids == ("c-pain",) and physical.direction is None
    gap = cell("imaging", "children")
    assert gap.is_gap and gap.participants == 0 and gap.best_certainty is None and gap.claim_ids == ()


def test_evidence_map_best_certainty_is_the_highest_claim_in_the_cell():
    runners_prevalence = cell("prevalence", "runners")
    assert runners_prevalence.best_certainty is Certainty.MODERATE
    assert cell("disc-hydration", "healthy-adults").best_certainty is Certainty.LOW



def test_a_query_is_built_from_the_facets_widget_values():
    values = {"topic": ["pain"], "certainty": ["low", NOT_GRADED], "years": (2010, 2020), "q": "disc", "sort": "year"}
    query = FindingsQuery.from_values(values, (2010, 2020))
    assert query == FindingsQuery(topics=frozenset({"pain"}), certainties=frozenset({"low", NOT_GRADED}),
                                  text="disc", sort="year"), "the whole span of years is no year filter"
    narrowed = FindingsQuery.from_values({**values, "years": (2012, 2015)}, (2010, 2020))
    assert (narrowed.year_from, narrowed.year_to) == (2012, 2015)
    assert narrowed.active() == ["topic", "certainty", "years", "search"]
