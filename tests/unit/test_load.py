"""The loader: every problem is collected, bad records are held back, and so is all that cites them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from evidence.grade import CERTAINTY_CEILING, certainty_ceiling
from evidence.load import HeldBack, Problem, fingerprint, load_base
from evidence.model import Certainty, Design
from evidence.positions import Position, load_located

ROOT = Path(__file__).resolve().parents[2]

GOOD_STUDY = """\
  - id: {id}
    authors: [Smith AB, et al.]
    title: A study
    journal: Journal of Tests
    year: 2020
    doi: 10.1234/{id}
    design: {design}
    populations: [chronic-lbp]
    population: Forty adults.
    topics: [pain]
    summary: It found something.
    verified: as-cited
"""

BAD_STUDY = """\
  - id: bad-2020-trial
    authors: [Bad AB]
    journal: Journal of Tests
    year: 2020
    doi: 10.1234/bad
    design: rct
    populations: [chronic-lbp]
    population: Forty adults.
    topics: [pain]
    summary: It has no title.
    verified: as-cited
"""


def claim(cid: str, studies: str, certainty: str = "low", statement: str = "Running may help.") -> str:
    return f"""\
  - id: {cid}
    statement: {statement}
    expert_summary: Numbers.
    certainty: {certainty}
    certainty_reason: Reasons.
    direction: benefit
    topics: [pain]
    populations: [chronic-lbp]
    studies: [{studies}]
"""


def figure(fid: str, source: str) -> str:
    return f"""\
  - id: {fid}
    population: Adults
    population_tag: chronic-lbp
    region: Global
    recall_period: point
    value: 10
    case_definition: Pain today.
    source: {source}
    comparability: Point only.
"""


ARTICLE = """\
  - id: art-blog
    title: A blog
    publisher: Blog
    kind: clinic-blog
    summary: A post.
    claims:
      - id: ab-cites-bad
        claim: Running cures backs.
        verdict: overstated
        reason: A trial found a modest average change.
        studies: [good-2019-trial, bad-2020-trial]
      - id: ab-cites-good
        claim: Running may help.
        verdict: supported
        reason: A trial found a modest average change.
        studies: [good-2019-trial]
      - id: ab-cites-none
        claim: Shoes prevent back pain.
        verdict: not-tested
        reason: Nothing here tested shoes.
  - id: art-all-bad
    title: Another blog
    publisher: Blog
    kind: health-news
    summary: A story.
    claims:
      - id: aab-only
        claim: Running heals discs.
        verdict: overstated
        reason: No trial showed that.
        studies: [bad-2020-trial]
"""

GLOSSARY = """\
glossary:
  - id: disc
    term: disc
    definition: A pad.
    related: [broken-term]
  - id: broken-term
    term: ""
    definition: Empty term.
  - id: spine
    term: spine
    definition: Your backbone.
    related: [disc]
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(text) if not text.startswith(("studies:", "claims:")) else text, encoding="utf-8")
    return path


@pytest.fixture
def cascade_dir(tmp_path: Path) -> Path:
    """One invalid study, and records of every kind citing it, spread over several files."""
    studies = "studies:\n" + GOOD_STUDY.format(id="good-2019-trial", design="rct") + BAD_STUDY
    write(tmp_path, "studies.yaml", studies)
    write(tmp_path, "claims.yaml", "claims:\n" + claim("cites-bad", "bad-2020-trial")
          + claim("cites-good", "good-2019-trial") + claim("cites-both", "good-2019-trial, bad-2020-trial"))
    write(tmp_path, "prevalence.yaml", "prevalence:\n" + figure("fig-bad", "bad-2020-trial")
          + figure("fig-good", "good-2019-trial"))
    write(tmp_path, "sources.yaml", "sources:\n" + ARTICLE)
    return tmp_path


def held(base) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(h.kind, h.id): h.reasons for h in base.held_back}


# ---- held-back behaviour ------------------------------------------------------------------

def test_an_invalid_study_is_held_back_with_its_reason(cascade_dir):
    base = load_base(cascade_dir)
    assert "bad-2020-trial" not in base.studies
    assert held(base)[("studies", "bad-2020-trial")] == ("bad-2020-trial.title: required field is missing",)


def test_claims_citing_a_held_back_study_are_held_back_too(cascade_dir):
    base = load_base(cascade_dir)
    reasons = held(base)
    assert reasons[("claims", "cites-bad")] == ("cites held-back study 'bad-2020-trial'",)
    # Citing one good study does not save a claim that also leans on a held-back one.
    assert reasons[("claims", "cites-both")] == ("cites held-back study 'bad-2020-trial'",)
    assert set(base.take_homes) == {"cites-good"}


def test_a_prevalence_figure_sourced_from_a_held_back_study_is_held_back(cascade_dir):
    base = load_base(cascade_dir)
    assert held(base)[("prevalence", "fig-bad")] == ("cites held-back study 'bad-2020-trial'",)
    assert set(base.prevalence) == {"fig-good"}


def test_an_article_claim_citing_it_is_held_back_but_the_rest_of_the_article_stays(cascade_dir):
    base = load_base(cascade_dir)
    reasons = held(base)
    assert reasons[("article claims", "ab-cites-bad")] == ("cites held-back study 'bad-2020-trial'",)
    assert [c.id for c in base.articles["art-blog"].claims] == ["ab-cites-good", "ab-cites-none"]
    # An article left with no claims is held back as a whole.
    assert "art-all-bad" not in base.articles
    assert reasons[("sources", "art-all-bad")] == ("every claim of this article is held back",)
    assert set(base.article_claims) == {"ab-cites-good", "ab-cites-none"}


def test_valid_records_still_load_and_only_the_root_fault_is_a_problem(cascade_dir):
    base = load_base(cascade_dir)
    assert base.counts() == {"study": 1, "figure": 1, "take-home": 1, "article": 1, "article-claim": 2,
                             "term": 0}
    # Being held back for citing a held-back record is not a problem of its own: one fault, one report.
    assert [str(p) for p in base.problems] == [
        f"{cascade_dir / 'studies.yaml'}:14:5: bad-2020-trial.title: required field is missing",
    ]
    assert not base.ok
    assert len(base.held_back) == 7


def test_what_loads_never_points_at_what_was_held_back(cascade_dir):
    base = load_base(cascade_dir)
    assert all(s in base.studies for c in base.take_homes.values() for s in c.studies)
    assert all(f.source in base.studies for f in base.prevalence.values())
    assert all(s in base.studies for _, c in base.article_claims.values() for s in c.studies)


def test_glossary_terms_relating_to_an_invalid_term_are_held_back_in_turn(tmp_path):
    write(tmp_path, "glossary.yaml", GLOSSARY)
    base = load_base(tmp_path)
    reasons = held(base)
    assert reasons[("glossary", "broken-term")] == ("broken-term.term: must not be empty",)
    assert reasons[("glossary", "disc")] == ("cites held-back glossary term 'broken-term'",)
    assert [p.field for p in base.problems] == ["broken-term.term"]


def test_held_back_glossary_terms_cascade_so_no_kept_term_links_to_a_missing_one(tmp_path):
    """'spine' relates to 'disc', which is held back for relating to the invalid 'broken-term'.

    The loader's rule is that every record citing a held-back one is held back too, so 'spine'
    must go as well (or at least lose its link); otherwise the glossary page links to a term
    that is not in the base.
    """
    write(tmp_path, "glossary.yaml", GLOSSARY)
    base = load_base(tmp_path)
    dangling = {(t.id, r) for t in base.glossary.values() for r in t.related if r not in base.glossary}
    assert dangling == set()


def test_the_cli_lists_what_was_held_back_on_stderr(cascade_dir):
    result = subprocess.run([sys.executable, "-m", "evidence", "validate", "."], cwd=cascade_dir, text=True,
                            capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 1
    assert "1 problem(s); 7 record(s) held back." in result.stderr
    assert "  held back claims 'cites-bad': cites held-back study 'bad-2020-trial'" in result.stderr.splitlines()
    assert "  held back article claims 'ab-cites-bad': cites held-back study 'bad-2020-trial'" in result.stderr


def test_a_dangling_reference_is_a_problem_and_holds_the_citing_record_back(tmp_path):
    write(tmp_path, "a.yaml", "studies:\n" + GOOD_STUDY.format(id="good-2019-trial", design="rct")
          + "claims:\n" + claim("typo", "good-2019-trail"))
    base = load_base(tmp_path)
    assert [(p.line, p.col, p.field, p.message) for p in base.problems] == [
        (23, 15, "typo.studies[0]", "unknown study id 'good-2019-trail'"),
    ]
    assert held(base)[("claims", "typo")] == ("typo.studies[0]: unknown study id 'good-2019-trail'",)
    assert base.take_homes == {}


def test_certainty_above_the_design_ceiling_is_reported_at_the_certainty_line(tmp_path):
    write(tmp_path, "a.yaml", "studies:\n" + GOOD_STUDY.format(id="survey-2019", design="cross-sectional")
          + GOOD_STUDY.format(id="trial-2020", design="rct")
          + "claims:\n" + claim("too-sure", "survey-2019", "moderate", "Running probably helps.")
          + claim("fine", "survey-2019, trial-2020", "moderate", "Running probably helps."))
    base = load_base(tmp_path)
    assert [(p.line, p.field) for p in base.problems] == [(30, "too-sure.certainty")]
    assert "supports at most 'low'" in base.problems[0].message
    assert set(base.take_homes) == {"fine"}  # the best design cited sets the ceiling


# ---- collecting everything -----------------------------------------------------------------

def test_problems_from_every_file_are_collected_in_one_pass(tmp_path):
    write(tmp_path, "a.yaml", "studies:\n  - id: [unclosed\n")
    write(tmp_path, "b.yaml", "studies:\n" + BAD_STUDY)
    write(tmp_path, "c.yaml", "nonsense:\n  - 1\n")
    base = load_base(tmp_path)
    assert [(Path(p.file).name, p.field) for p in base.problems] == [
        ("a.yaml", "yaml"), ("b.yaml", "bad-2020-trial.title"), ("c.yaml", "nonsense"),
    ]


def test_an_empty_file_is_harmless_and_yml_files_count(tmp_path):
    write(tmp_path, "empty.yaml", "")
    write(tmp_path, "studies.yml", "studies:\n" + GOOD_STUDY.format(id="good-2019-trial", design="rct"))
    base = load_base(tmp_path)
    assert base.ok and set(base.studies) == {"good-2019-trial"}


def test_a_directory_without_yaml_is_a_problem_not_an_empty_success(tmp_path):
    base = load_base(tmp_path)
    assert [p.message for p in base.problems] == ["no .yaml files found in this directory"]


def test_duplicate_ids_keep_the_first_record(tmp_path):
    write(tmp_path, "a.yaml", "studies:\n" + GOOD_STUDY.format(id="same", design="rct"))
    write(tmp_path, "b.yaml", "studies:\n" + GOOD_STUDY.format(id="same", design="cohort"))
    base = load_base(tmp_path)
    assert base.studies["same"].design is Design.RCT
    assert base.problems[0].message == f"duplicate id (first defined at {tmp_path / 'a.yaml'}:2)"
    assert held(base)[("studies", "same")] == ("duplicate id",)


def test_problem_prints_as_file_line_col_field_message():
    assert str(Problem("a.yaml", 3, 5, "x.title", "required field is missing")) == \
        "a.yaml:3:5: x.title: required field is missing"
    assert HeldBack("claims", "c", ("r",)).reasons == ("r",)


def test_problems_sort_by_file_then_line():
    problems = [Problem("b.yaml", 1, 1, "f", "m"), Problem("a.yaml", 10, 1, "f", "m"),
                Problem("a.yaml", 2, 1, "f", "m")]
    assert [(p.file, p.line) for p in sorted(problems)] == [("a.yaml", 2), ("a.yaml", 10), ("b.yaml", 1)]


# ---- certainty ceiling ---------------------------------------------------------------------

@pytest.mark.parametrize("designs,ceiling", [
    ([Design.RCT], Certainty.HIGH),
    ([Design.SYSTEMATIC_REVIEW_META_ANALYSIS], Certainty.HIGH),
    ([Design.CROSS_SECTIONAL], Certainty.LOW),
    ([Design.COHORT, Design.CROSS_SECTIONAL], Certainty.LOW),
    ([Design.NARRATIVE_REVIEW, Design.PROTOCOL], Certainty.VERY_LOW),
    ([Design.ANIMAL, Design.COHORT], Certainty.LOW),
    ([Design.CASE_SERIES, Design.RCT], Certainty.HIGH),
    ([], Certainty.VERY_LOW),
])
def test_certainty_ceiling_is_set_by_the_best_design(designs, ceiling):
    assert certainty_ceiling(designs) is ceiling


def test_every_design_has_a_ceiling():
    """Every design the model allows has its own ceiling, and only observational-or-better designs reach high."""
    assert set(CERTAINTY_CEILING) == set(Design)
    for design in Design:
        assert certainty_ceiling([design]) is CERTAINTY_CEILING[design]
    assert certainty_ceiling([Design.COHORT]).rank < Certainty.HIGH.rank


# ---- positions and fingerprint -------------------------------------------------------------

def test_positions_are_one_based_and_fall_back_to_the_nearest_ancestor():
    located = load_located("studies:\n  - id: x\n    title: T\n")
    assert located.position_of(("studies", 0, "title")) == Position(3, 12)
    assert located.position_of(("studies", 0, "missing")) == Position(2, 5)
    assert located.position_of(("nowhere",)) == Position(1, 1)


def test_duplicate_keys_are_recorded_where_the_second_key_is():
    located = load_located("a: 1\nb: 2\na: 3\n")
    assert located.duplicate_keys == [(("a",), Position(3, 1))]
    assert located.data == {"a": 3, "b": 2}


def test_fingerprint_changes_when_a_file_changes(tmp_path):
    path = write(tmp_path, "a.yaml", "studies: []\n")
    before = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == before
    path.write_text("studies: []\n# edited\n", encoding="utf-8")
    assert fingerprint(tmp_path) != before


# ---- the located parser reads YAML exactly as yaml.safe_load does -----------------------------

GOLDEN = Path(__file__).resolve().parent / "golden"


def _parses(path: Path) -> bool:
    try:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return False
    return True


# Every shipped file and every golden fixture that is well-formed YAML.
PARSEABLE = sorted([*(ROOT / "evidence" / "data").glob("*.yaml"), *filter(_parses, GOLDEN.glob("*/*.yaml"))], key=str)

TRICKY = """\
a: 1
b: 1.5
c: true
d: yes
e: ~
f: 2024-06-08
g: '2020'
h: "3"
i: .inf
j: 0x1F
k: 1_000
l: !!str 12
m: |
  block
  text
n: >-
  folded
  text
o: [1, 'x', {p: q}]
r: &shared [1, 2]
s: *shared
"""


@pytest.mark.parametrize("path", PARSEABLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_located_data_equals_safe_load(path):
    text = path.read_text(encoding="utf-8")
    assert load_located(text).data == yaml.safe_load(text)


def test_located_scalars_follow_safe_load_rules():
    assert load_located(TRICKY).data == yaml.safe_load(TRICKY)


def test_keys_after_a_merge_override_it_and_are_not_duplicates():
    """In YAML, explicit keys beside `<<: *anchor` override the merged ones (safe_load agrees)."""
    text = "base: &b {a: 1, c: 3}\ny:\n  <<: *b\n  c: 4\n"
    located = load_located(text)
    assert located.data == yaml.safe_load(text) == {"base": {"a": 1, "c": 3}, "y": {"a": 1, "c": 4}}
    assert located.duplicate_keys == []


# ---- files that must be reported, never crash the loader -------------------------------------

STUDY_WITH_ANCHOR = """\
studies:
  - &first
    id: smith-2020-trial
    authors: [Smith AB, et al.]
    title: A small running trial
    journal: Journal of Tests
    year: 2020
    doi: 10.1234/jt.2020.1
    design: rct
    populations: [chronic-lbp]
    population: Forty adults with chronic low back pain.
    topics: [pain]
    summary: Running eased pain a little.
    verified: as-cited
  - <<: *first
    id: smith-2021-follow-up
    doi: 10.1234/jt.2021.2
"""


def test_a_yaml_merge_key_is_loaded_or_reported_but_never_crashes(tmp_path):
    """`<<: *anchor` is standard YAML (yaml.safe_load merges it) and a natural way to reuse fields.

    Today load_located raises a ConstructorError without a mark and _read_files then crashes on
    `mark.line` (AttributeError), so `python -m evidence validate` prints a traceback. Either
    merging like safe_load or reporting it at line 15 is fine.
    """
    write(tmp_path, "studies.yaml", STUDY_WITH_ANCHOR)
    base = load_base(tmp_path)
    if base.problems:
        assert [(Path(p.file).name, p.line) for p in base.problems] == [("studies.yaml", 15)]
    else:
        assert base.studies["smith-2021-follow-up"].title == "A small running trial"


def test_an_impossible_date_is_a_problem_not_a_crash(tmp_path):
    """YAML resolves 2026-02-30 as a timestamp, and constructing it raises ValueError, which the
    loader does not catch: `python -m evidence validate` dies with a traceback instead of naming
    meta.yaml line 4."""
    write(tmp_path, "meta.yaml", """\
        meta:
          title: Running and your lower back
          question: Is running good or bad for your lower back?
          last_reviewed: 2026-02-30
          licence: CC BY 4.0
          corrections: Open an issue naming the record id.
          disclaimer: This site explains research. It is not medical advice.
        """)
    base = load_base(tmp_path)
    assert [(Path(p.file).name, p.line) for p in base.problems] == [("meta.yaml", 4)]


def test_an_unquoted_article_date_in_the_documented_format_is_accepted(tmp_path):
    """SourceArticle.date documents 'YYYY, YYYY-MM or YYYY-MM-DD', and the JSON Schema (and so an
    editor) accepts `date: 2024-06-08` unquoted. YAML reads it as a date object, and the loader
    then holds the whole article back with 'expected text, got datetime.date(2024, 6, 8)'."""
    write(tmp_path, "a.yaml", "studies:\n" + GOOD_STUDY.format(id="good-2019-trial", design="rct") + """\
sources:
  - id: art-dated
    title: A dated blog
    publisher: Blog
    date: 2024-06-08
    kind: clinic-blog
    summary: A post.
    claims:
      - id: ad-one
        claim: Running may help.
        verdict: supported
        reason: One trial.
        studies: [good-2019-trial]
""")
    base = load_base(tmp_path)
    assert [str(p) for p in base.problems] == []
    assert str(base.articles["art-dated"].date) == "2024-06-08"
