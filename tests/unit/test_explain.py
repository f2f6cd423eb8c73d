"""Generated explanations: why prevalence figures differ, and what a design can show."""

from __future__ import annotations

import pytest

from evidence.explain import DESIGN_LIMITS, design_limits, like_for_like, why_figures_differ
from evidence.load import load_base
from evidence.model import Design, PrevalenceFigure, Study


def figure(fid: str, period: str, *, tag: str = "general-population", population: str = "Adults worldwide",
           source: str = "survey-2012", definition: str = "Pain in the low back.", measure: str = "prevalence",
           value: float | None = 11.9, low: float | None = None, high: float | None = None) -> PrevalenceFigure:
    shape = {"value": value} if low is None else {"low": low, "high": high}
    return PrevalenceFigure.model_validate(dict(
        id=fid, population=population, population_tag=tag, region="Global", recall_period=period,
        measure=measure, case_definition=definition, source=source, comparability="Like with like.", **shape))


def study(sid: str, design: str = "systematic-review", comparator: str | None = None,
          subgroup: bool = False) -> Study:
    outcomes = [dict(name="Disc T2", topic="disc-hydration", measure="net difference", direction="benefit",
                     subgroup=subgroup)]
    return Study.model_validate(dict(
        id=sid, authors=["Smith AB"], title="T", journal="J", year=2020, doi=f"10.1234/{sid}", design=design,
        populations=["general-population"], population="Adults.", topics=["prevalence"], summary="S.",
        outcomes=outcomes, comparator=comparator, verified="as-cited"))


STUDIES = {"survey-2012": study("survey-2012"), "gbd-2017": study("gbd-2017", "modelling")}


# ---- why figures differ ---------------------------------------------------------------------

def test_two_point_figures_of_the_same_population_and_definition_are_like_for_like():
    a = figure("point-a", "point", value=11.9)
    b = figure("point-b", "point", value=9.4)
    assert why_figures_differ([a, b], STUDIES) == []
    assert like_for_like([a, b])


def test_point_versus_lifetime_says_the_time_windows_differ():
    point = figure("point", "point", value=11.9)
    lifetime = figure("lifetime", "lifetime", low=65, high=80)
    reasons = why_figures_differ([point, lifetime], STUDIES)
    assert reasons == [
        "Different time windows (11.9% counts back pain on the day people were asked; "
        "65–80% counts back pain at any time in their life). A longer window always gives a bigger number."
    ]
    assert not like_for_like([point, lifetime])


def test_a_mixed_window_figure_gets_its_own_warning():
    mixed = figure("runners", "mixed", low=0.7, high=20.2)
    reasons = why_figures_differ([mixed, figure("point", "point")], STUDIES)
    assert reasons[0].startswith("Different time windows (0.7–20.2% counts back pain over periods that differ")
    assert "A range that mixes studies with different or unstated windows is not one measurement." in reasons
    assert not like_for_like([mixed, figure("other", "mixed", low=1, high=2)])


def test_different_groups_definitions_measures_and_designs_are_each_named():
    runners = figure("runners", "point", tag="runners", population="Race entrants", definition="Pain today.",
                     measure="incidence", source="gbd-2017", value=13.6)
    adults = figure("adults", "point")
    reasons = why_figures_differ([runners, adults], STUDIES)
    assert reasons == [
        "Different groups of people (13.6%: Race entrants; 11.9%: Adults worldwide).",
        "Some count who has back pain (prevalence), others who gets new back pain (incidence).",
        "Back pain was defined differently: 13.6%: Pain today; 11.9%: Pain in the low back.",
        "Different kinds of study (burden-of-disease modelling, systematic review).",
    ]
    assert not like_for_like([runners, adults])  # prevalence vs incidence


def test_with_many_figures_reasons_name_kinds_not_every_figure():
    figures = [figure("a", "point"), figure("b", "1-month", tag="runners"), figure("c", "12-month"),
               figure("d", "lifetime", definition="Other.")]
    reasons = why_figures_differ(figures, STUDIES)
    assert reasons[0] == ("Different time windows (point (on the day asked), past month, past 12 months, "
                          "ever in life). "
                          "A longer window always gives a bigger number.")
    assert reasons[1] == "Different groups of people (general population, runners)."
    assert not any(r.startswith("Back pain was defined differently") for r in reasons)


def test_a_figure_whose_source_is_unknown_adds_no_design_reason():
    assert why_figures_differ([figure("a", "point", source="missing"), figure("b", "point")], STUDIES) == []


def test_no_figures_or_one_figure_needs_no_explanation():
    assert why_figures_differ([], STUDIES) == []
    assert why_figures_differ([figure("a", "lifetime", low=65, high=80)], STUDIES) == []


def test_shipped_runners_range_against_lifetime_is_explained():
    """The app's teaching point: 0.7-20.2% (mixed windows) is not comparable with 65-80% (lifetime)."""
    base = load_base()
    pair = [base.prevalence["runners-maselli-2020-range"], base.prevalence["us-adults-urits-2019-lifetime"]]
    reasons = why_figures_differ(pair, base.studies)
    assert reasons[0].startswith("Different time windows (0.7–20.2% counts back pain over periods that differ")
    assert "65–80% counts back pain at any time in their life" in reasons[0]


# ---- design limits --------------------------------------------------------------------------

def test_every_design_has_written_limits():
    assert set(DESIGN_LIMITS) == set(Design)


def test_plain_rct_gets_one_sentence():
    assert design_limits(study("rct", "rct", comparator="usual care")) == [
        "A randomised controlled trial can show whether the treatment caused a change, compared with the control "
        "group. It cannot show what would happen to people unlike those who took part, or over a longer time."
    ]


def test_subgroup_results_are_flagged_as_hypothesis_generating():
    lines = design_limits(study("sub", "rct", subgroup=True))
    assert len(lines) == 2 and "hypothesis-generating" in lines[1]


@pytest.mark.parametrize("comparator", ["waitlist control", "Wait-list control", "wait list", "WAITLIST"])
def test_waitlist_comparators_are_flagged(comparator):
    lines = design_limits(study("wl", "rct", comparator=comparator))
    assert lines[-1].startswith("The control group was a waitlist, not a placebo")


def test_subgroup_and_waitlist_together():
    lines = design_limits(study("both", "rct", comparator="waitlist control", subgroup=True))
    assert len(lines) == 3


def test_shipped_asteroid_records_are_flagged():
    base = load_base()
    samanna = design_limits(base.studies["samanna-2026-disc-moderators"])
    assert any("hypothesis-generating" in line for line in samanna)
    assert any("waitlist" in line for line in samanna)
    assert any("waitlist" in line for line in design_limits(base.studies["neason-2024-asteroid-rct"]))
    assert design_limits(base.studies["belavy-2017-running-discs"])[0].startswith("A cross-sectional study can show")
