"""The curated base in evidence/data: valid, big enough, and true to shared/evidence-notes.md.

Figures below are copied from the notes by hand (not from the YAML), so a typo in either
shows up here. Outcomes are found by their estimate or name, never by position, so curators
may reorder them freely.
"""

from __future__ import annotations

import re

import pytest

from evidence.load import DEFAULT_DIR
from evidence.model import Outcome, RecallPeriod, Study, Verdict
from evidence.readability import TARGET_GRADE, grade
from tests.shipped import shipped_base

BASE = shipped_base()


def study(sid: str) -> Study:
    assert sid in BASE.studies, f"{sid} is missing from the base"
    return BASE.studies[sid]


def outcome_with(s: Study, estimate: float) -> Outcome:
    found = [o for o in s.outcomes if o.estimate is not None and abs(o.estimate - estimate) < 1e-9]
    assert len(found) == 1, f"{s.id}: expected one outcome with estimate {estimate}, found {len(found)}"
    return found[0]


def outcome_named(s: Study, *words: str) -> Outcome:
    found = [o for o in s.outcomes if all(w.lower() in o.name.lower() for w in words)]
    assert len(found) == 1, f"{s.id}: expected one outcome named with {words}, found {[o.name for o in found]}"
    return found[0]


def interval(o: Outcome) -> tuple[float | None, float | None, float | None]:
    return (o.estimate, o.ci_low, o.ci_high)


# ---- valid and big enough -------------------------------------------------------------------

def test_the_shipped_base_validates_without_a_problem():
    assert [str(p) for p in BASE.problems] == []
    assert BASE.held_back == ()
    assert BASE.meta is not None


def test_records_were_actually_read():
    """So that a broken glob or an empty folder cannot pass as 'no problems'."""
    assert len(list(DEFAULT_DIR.glob("*.yaml"))) >= 6
    assert sum(BASE.counts().values()) > 0


@pytest.mark.parametrize("kind,floor", [
    ("study", 25), ("figure", 10), ("take-home", 15), ("article-claim", 25), ("term", 25),
])
def test_counts_meet_the_floors(kind, floor):
    assert BASE.counts()[kind] >= floor


def test_there_are_exactly_five_source_articles():
    assert BASE.counts()["article"] == 5


def test_last_reviewed_is_not_in_the_future():
    import datetime as dt
    assert BASE.meta.last_reviewed <= dt.date.today()


# ---- integrity ---------------------------------------------------------------------------

def test_every_claim_cites_studies_that_exist():
    missing = {(c.id, s) for c in BASE.take_homes.values() for s in c.studies if s not in BASE.studies}
    assert missing == set()


def test_every_article_claim_cites_studies_that_exist():
    missing = {(cid, s) for cid, (_, c) in BASE.article_claims.items() for s in c.studies if s not in BASE.studies}
    assert missing == set()


@pytest.mark.parametrize("verdict", [Verdict.OVERSTATED, Verdict.CONTRADICTED])
def test_overstated_and_contradicted_verdicts_name_a_study(verdict):
    judged = [c for _, c in BASE.article_claims.values() if c.verdict is verdict]
    assert judged, f"no article claim is {verdict.value}"
    assert [c.id for c in judged if len(c.studies) < 1] == []


def test_every_prevalence_figure_has_a_recall_period_and_a_source_that_exists():
    for f in BASE.prevalence.values():
        assert isinstance(f.recall_period, RecallPeriod), f.id
        assert f.source in BASE.studies, f.id


def test_every_glossary_link_points_at_a_term():
    missing = {(t.id, r) for t in BASE.glossary.values() for r in t.related if r not in BASE.glossary}
    assert missing == set()


def test_bottom_line_slots_are_one_to_n_without_gaps():
    slots = sorted(c.bottom_line for c in BASE.take_homes.values() if c.bottom_line)
    assert slots == list(range(1, len(slots) + 1)) and slots


def test_ids_are_unique_across_article_claims():
    all_ids = [c.id for a in BASE.articles.values() for c in a.claims]
    assert len(all_ids) == len(set(all_ids))


# ---- reading level -------------------------------------------------------------------------

@pytest.mark.parametrize("cid", list(BASE.take_homes))
def test_every_claim_statement_is_at_grade_8_or_below(cid):
    statement = BASE.take_homes[cid].statement
    assert grade(statement) <= TARGET_GRADE, f"grade {grade(statement)}: {statement}"


@pytest.mark.parametrize("tid", list(BASE.glossary))
def test_every_glossary_definition_is_at_grade_8_or_below(tid):
    definition = BASE.glossary[tid].definition
    assert grade(definition) <= TARGET_GRADE, f"grade {grade(definition)}: {definition}"


# ---- ASTEROID main trial (Neason 2024) -------------------------------------------------------

def test_asteroid_main_trial_citation_and_design():
    s = study("neason-2024-asteroid-rct")
    assert s.authors[:4] == ["Neason C", "Samanna CL", "Tagliaferri SD", "Belavý DL"]
    assert (s.journal, s.year, s.doi, s.pmid) == ("British Journal of Sports Medicine", 2024,
                                                  "10.1136/bjsports-2024-108245", "39375007")
    assert s.registration == "ACTRN12622001276741"
    assert s.design.value == "rct"
    assert s.sample_size == 40
    assert s.age_range == "18-45"
    assert "waitlist" in s.comparator.lower()
    assert "mean age 33" in s.population and "50%" in s.population


@pytest.mark.parametrize("estimate,low,high,p,words", [
    (-15.30, -25.33, -5.27, 0.003, ("average pain",)),
    (-19.35, -32.01, -6.69, 0.003, ("current pain",)),
    (-5.20, -10.12, -0.24, 0.038, ("oswestry",)),
])
def test_asteroid_main_trial_results(estimate, low, high, p, words):
    s = study("neason-2024-asteroid-rct")
    o = outcome_with(s, estimate)
    assert o is outcome_named(s, *words)
    assert interval(o) == (estimate, low, high) and o.p_value == p
    assert o.direction.value == "benefit" and not o.subgroup


def test_asteroid_acceptability_and_adverse_events():
    s = study("neason-2024-asteroid-rct")
    assert outcome_named(s, "adverse events", "all types").estimate == 9
    assert outcome_named(s, "lower-limb").estimate == 7
    assert outcome_named(s, "syncope").estimate == 1
    assert outcome_named(s, "adverse events", "low back pain").estimate == 1
    assert outcome_named(s, "attrition").estimate == 0
    adherence = outcome_named(s, "adherence")
    assert adherence.estimate == 70 and "SD 20%" in adherence.measure


def test_asteroid_disc_outcomes():
    s = study("asteroid-2025-disc-outcomes")
    assert s.sample_size == 40 and s.age_range == "18-45" and s.registration == "ACTRN12622001276741"
    overall = outcome_with(s, -0.13)
    assert interval(overall) == (-0.13, -1.74, 1.48) and overall.p_value == 0.873
    assert overall.direction.value == "no-clear-effect" and overall.unit == "ms"
    assert overall is outcome_named(s, "average", "t2")
    t11 = outcome_with(s, 4.54)
    assert interval(t11) == (4.54, 0.42, 8.66) and t11 is outcome_named(s, "T11/T12")
    pfirrmann = outcome_with(s, -0.15)
    assert interval(pfirrmann) == (-0.15, -0.25, -0.05) and pfirrmann is outcome_named(s, "pfirrmann")
    distance = outcome_named(s, "total distance")
    assert distance.estimate == 50 and "SD 32" in distance.measure and "2 to 110" in distance.note


def test_asteroid_fears_and_beliefs():
    s = study("neason-2025-fears-beliefs")
    assert (s.doi, s.year, s.sample_size) == ("10.1186/s40798-025-00861-6", 2025, 40)
    unsafe = outcome_with(s, 25)
    assert unsafe.n == 40 and "10 of 40" in unsafe.note
    for estimate, low, high, word in [(0.52, 0.20, 0.84, "gravel"), (0.54, 0.18, 0.89, "pavement"),
                                      (0.49, 0.14, 0.84, "treadmill"), (0.56, 0.06, 1.06, "sprinting")]:
        o = outcome_with(s, estimate)
        assert interval(o) == (estimate, low, high) and o is outcome_named(s, word)
    assert outcome_named(s, "interview").n == 19


def test_asteroid_protocol_citation():
    s = study("tagliaferri-2023-asteroid-protocol")
    assert (s.journal, s.year, s.volume, s.issue, s.pages, s.doi) == (
        "BMJ Open Sport & Exercise Medicine", 2023, "9", "1", "e001524", "10.1136/bmjsem-2022-001524")
    assert s.design.value == "protocol"


def test_asteroid_symposium_weekly_distance():
    s = study("neason-2023-asteroid-symposium")
    assert outcome_with(s, 2.9).unit == outcome_with(s, 5.6).unit == "km/week"


# ---- Samanna 2026 (ASTEROID disc moderators) ------------------------------------------------

@pytest.mark.parametrize("estimate,low,high,words", [
    (3.42, 0.22, 6.62, ("degeneration",)),
    (4.80, 2.51, 7.10, ("cumulative", "28.6-46.1 km", "12 weeks")),
    (2.46, 0.14, 4.79, ("speed", "10.5-11.7 km/h")),
    (2.93, 0.10, 5.76, ("grass",)),
])
def test_samanna_subgroups(estimate, low, high, words):
    s = study("samanna-2026-disc-moderators")
    o = outcome_with(s, estimate)
    assert o is outcome_named(s, *words)
    assert interval(o) == (estimate, low, high)
    assert o.subgroup is True and o.unit == "ms"


def test_samanna_citation():
    s = study("samanna-2026-disc-moderators")
    assert s.authors[:2] == ["Samanna CL", "Neason C"]
    assert (s.journal, s.year, s.doi) == ("European Spine Journal", 2026, "10.1007/s00586-026-09759-7")
    assert s.sample_size == 40
    assert all(o.subgroup for o in s.outcomes)
    assert any("hypothesis-generating" in c for c in s.caveats)


# ---- Belavý 2017 -----------------------------------------------------------------------------

def test_belavy_2017():
    s = study("belavy-2017-running-discs")
    assert s.authors == ["Belavý DL", "Quittner MJ", "Ridgers N", "Ling Y", "Connell D", "Rantalainen T"]
    assert (s.journal, s.year, s.volume, s.pages, s.doi) == ("Scientific Reports", 2017, "7", "45975",
                                                              "10.1038/srep45975")
    assert s.design.value == "cross-sectional"
    assert s.sample_size == 79 == 24 + 30 + 25
    groups = [int(n) for n in re.findall(r"\b(\d+) (?:non-sporting|runners)", s.population)]
    assert groups == [24, 30, 25]
    assert "mean 28 km" in s.population and "mean 66.6 km" in s.population
    assert "25-35" in s.age_range
    sitting = outcome_with(s, 9.7)
    assert "6.3" in sitting.measure
    assert "2.3, 2.2 and 2.1" in outcome_named(s, "pfirrmann").note
    assert outcome_named(s, "t2").direction.value == "benefit"
    assert outcome_named(s, "relative disc height").direction.value == "benefit"
    assert any("no mouse or animal experiment" in c for c in s.caveats)


# ---- Maselli 2020 ----------------------------------------------------------------------------

def test_maselli_2020_study():
    s = study("maselli-2020-runner-prevalence")
    assert s.authors == ["Maselli F", "Storari L", "Barbari V", "Colombi A", "Turolla A", "Gianola S",
                         "Rossettini G", "Testa M"]
    assert (s.journal, s.year, s.volume, s.pages, s.doi) == ("BMC Musculoskeletal Disorders", 2020, "21", "343",
                                                              "10.1186/s12891-020-03357-4")
    assert s.studies_included == 19
    assert s.design.value == "systematic-review"
    assert "0.7% to 20.2%" in outcome_named(s, "prevalence").measure
    assert "0.3% to 22%" in outcome_named(s, "incidence").measure


def test_maselli_2020_prevalence_and_incidence_figures():
    from_maselli = {f.measure: f for f in BASE.prevalence.values() if f.source == "maselli-2020-runner-prevalence"}
    assert set(from_maselli) == {"prevalence", "incidence"}
    prevalence, incidence = from_maselli["prevalence"], from_maselli["incidence"]
    assert (prevalence.low, prevalence.high) == (0.7, 20.2)
    assert (incidence.low, incidence.high) == (0.3, 22)
    for f in (prevalence, incidence):
        assert f.value is None and f.population_tag.value == "runners"
        assert f.recall_period is RecallPeriod.MIXED  # the notes: periods unconfirmed, definitions mixed
        assert "19" in f.population


# ---- every mention in the text agrees ---------------------------------------------------------

NOTES_INTERVALS = [  # (estimate, ci low, ci high) as in shared/evidence-notes.md
    (-15.30, -25.33, -5.27), (-19.35, -32.01, -6.69), (-5.20, -10.12, -0.24),
    (-0.13, -1.74, 1.48), (4.54, 0.42, 8.66), (-0.15, -0.25, -0.05),
    (3.42, 0.22, 6.62), (4.80, 2.51, 7.10), (2.46, 0.14, 4.79), (2.93, 0.10, 5.76),
    (0.52, 0.20, 0.84), (0.54, 0.18, 0.89), (0.49, 0.14, 0.84), (0.56, 0.06, 1.06),
]
NUMBER = r"[-−–+]?\d+(?:\.\d+)?"


def _texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def walk(value, where: str) -> None:
        if isinstance(value, str):
            out.append((where, value))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")

    for records in (BASE.studies, BASE.prevalence, BASE.take_homes, BASE.articles, BASE.glossary):
        for record in records.values():
            walk(record.model_dump(mode="json"), record.id)
    return out


def _magnitude(text: str) -> float:
    return abs(float(text.replace("−", "-").replace("–", "-")))


def written_intervals(estimate: float, texts: list[tuple[str, str]] | None = None) -> list[tuple[str, str, str, str]]:
    """(where, excerpt, bound, bound) for each place the prose quotes `estimate` and then an 'X to Y' range.

    The range must follow in the same clause (no ';' or sentence end between) with no other
    decimal number in between, so "-15.30 points on a 0-100 scale (-25.33 to -5.27)" counts and
    "-15.30; current pain -19.35 (-32.01 to -6.69)" does not.
    """
    mention = re.compile(rf"(?<![\d.])[-−–+]?{re.escape(f'{abs(estimate):.2f}')}(?!\d)")
    found = []
    for where, text in _texts() if texts is None else texts:
        for m in mention.finditer(text):
            clause = re.split(r";|\.\s", text[m.end():m.end() + 90])[0]
            rng = re.search(rf"({NUMBER}) to ({NUMBER})", clause)
            if rng and not re.search(r"\d\.\d", clause[:rng.start()]):
                found.append((where, text[m.start():m.end() + rng.end()], rng[1], rng[2]))
    return found


@pytest.mark.parametrize("estimate,low,high", NOTES_INTERVALS)
def test_every_written_interval_for_a_notes_figure_matches_the_notes(estimate, low, high):
    """Wherever prose quotes an ASTEROID/Samanna estimate with its interval, the bounds are the notes' bounds.

    Compared by size, so "fell 15.30 points ... (95% CI 5.27 to 25.33)" counts as agreeing.
    """
    found = written_intervals(estimate)
    assert found, f"no written interval found for {estimate}; the check would be vacuous"
    wrong = [f"{where}: {excerpt}" for where, excerpt, a, b in found
             if {_magnitude(a), _magnitude(b)} != {abs(low), abs(high)}]
    assert wrong == []


def test_the_interval_check_reads_intervals_the_way_the_prose_writes_them():
    texts = [
        ("a", "pain -15.30 (-25.33 to -5.72)."),
        ("b", "pain fell 15.30 points on a 0-100 scale (95% CI 5.27 to 25.33)."),
        ("c", "pain -15.30; current pain -19.35 (-32.01 to -6.69)."),
        ("d", "pain -15.30 and disc 4.54 (0.42 to 8.66)."),
    ]
    assert [(w, a, b) for w, _, a, b in written_intervals(-15.30, texts)] == [("a", "-25.33", "-5.72"),
                                                                               ("b", "5.27", "25.33")]
