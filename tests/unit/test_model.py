"""The domain model's own rules, checked on records built in code (no YAML, no files)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from evidence.kinds import BY_YAML_KEY, EXPORTS, KINDS
from evidence.model import (
    ArticleClaim,
    Certainty,
    TakeHome,
    Design,
    Direction,
    GlossaryTerm,
    Outcome,
    PrevalenceFigure,
    RecallPeriod,
    Article,
    Study,
    Verdict,
)

STUDY = dict(
    id="smith-2020-trial", authors=["Smith AB", "et al."], title="A small running trial", journal="Journal of Tests",
    year=2020, doi="10.1234/jt.2020.1", design="rct", populations=["chronic-lbp"], population="Forty adults.",
    topics=["pain"], summary="Running eased pain a little.", verified="as-cited",
)
CLAIM = dict(
    id="running-may-ease-pain", statement="Running may ease back pain.", expert_summary="One trial.",
    certainty="low", certainty_reason="One small trial.", direction="benefit", topics=["pain"],
    populations=["chronic-lbp"], studies=["smith-2020-trial"],
)
FIGURE = dict(
    id="runners-point", population="Runners", population_tag="runners", region="Global", recall_period="point",
    value=12.5, case_definition="Back pain on the day asked.", source="smith-2020-trial",
    comparability="Point figures only.",
)


def errors(model, data) -> list[dict]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return info.value.errors()


def messages(model, data) -> str:
    return " | ".join(str((e.get("ctx") or {}).get("error", e["msg"])) for e in errors(model, data))


# ---- records and common rules -------------------------------------------------------------

def test_valid_records_validate():
    assert Study.model_validate(STUDY).id == "smith-2020-trial"
    assert TakeHome.model_validate(CLAIM).certainty is Certainty.LOW
    assert PrevalenceFigure.model_validate(FIGURE).recall_period is RecallPeriod.POINT


def test_kinds_map_every_yaml_key_to_its_model():
    assert {key: kind.model for key, kind in BY_YAML_KEY.items()} == {
        "studies": Study, "prevalence": PrevalenceFigure, "claims": TakeHome, "sources": Article,
        "glossary": GlossaryTerm}


def test_every_kind_is_named_once_and_links_to_a_page_that_reads_its_key():
    from components.site import BY_PATH
    assert len({k.slug for k in KINDS}) == len(KINDS) == len({k.model for k in KINDS})
    for kind in KINDS:
        assert kind.url_key in BY_PATH[kind.page].keys, f"{kind.slug}: {kind.page} does not read ?{kind.url_key}="
    assert EXPORTS == ("studies", "outcomes", "prevalence", "claims", "article-claims", "glossary")


@pytest.mark.parametrize("model,data", [(Study, STUDY), (TakeHome, CLAIM), (PrevalenceFigure, FIGURE)])
def test_unknown_fields_are_errors_not_ignored(model, data):
    errs = errors(model, {**data, "titel": "typo"})
    assert [(e["type"], e["loc"]) for e in errs] == [("extra_forbidden", ("titel",))]


def test_records_are_frozen():
    study = Study.model_validate(STUDY)
    with pytest.raises(ValidationError):
        study.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("good", ["belavy-2017-disc-mri", "a", "gbd-2021", "x1-y2"])
def test_slug_accepts(good):
    assert Study.model_validate({**STUDY, "id": good}).id == good


@pytest.mark.parametrize("bad", ["Belavy_2017", "belavy--2017", "-belavy", "belavy-", "belavy 2017", "belavý-2017", ""])
def test_slug_rejects(bad):
    assert "is not a valid id" in messages(Study, {**STUDY, "id": bad})


@pytest.mark.parametrize("good", ["10.1038/srep45975", "10.1186/s12891-020-03357-4", "10.3174/ajnr.A4498"])
def test_doi_accepts_bare_dois(good):
    assert Study.model_validate({**STUDY, "doi": good}).doi == good


@pytest.mark.parametrize("bad", ["https://doi.org/10.1038/srep45975", "doi:10.1038/srep45975", "10.12/x", "10.1038/",
                                 "10.1038/srep 45975"])
def test_doi_rejects_anything_else(bad):
    assert "is not a DOI" in messages(Study, {**STUDY, "doi": bad})


def test_year_may_be_this_year_but_not_next_or_before_1900():
    this_year = dt.date.today().year
    assert Study.model_validate({**STUDY, "year": this_year}).year == this_year
    future = messages(Study, {**STUDY, "year": this_year + 1})
    assert f"year {this_year + 1} is in the future (it is {this_year})" in future
    assert "implausibly early" in messages(Study, {**STUDY, "year": 1899})


def test_study_needs_a_locator():
    bare = {k: v for k, v in STUDY.items() if k != "doi"}
    assert "needs a doi, url, pmid or registration" in messages(Study, bare)
    for locator in ({"url": "https://example.org"}, {"pmid": "39375007"}, {"registration": "ACTRN12622001276741"}):
        assert Study.model_validate({**bare, **locator})


def test_confirmed_needs_the_record_that_confirmed_it():
    assert "needs verified_in" in messages(Study, {**STUDY, "verified": "confirmed"})
    assert Study.model_validate({**STUDY, "verified": "confirmed", "verified_in": "PubMed 1"})


def test_pmid_is_digits_only():
    assert errors(Study, {**STUDY, "pmid": "PMID 123"})[0]["type"] == "string_pattern_mismatch"


@pytest.mark.parametrize("field", ["authors", "populations", "topics"])
def test_lists_that_must_not_be_empty(field):
    assert errors(Study, {**STUDY, field: []})[0]["type"] == "too_short"


@pytest.mark.parametrize("authors,surname", [
    (["Belavý DL", "Quittner MJ"], "Belavý"),
    (["Baradaran Mahdavi S", "Riahi R"], "Baradaran Mahdavi"),
    (["Mohd Isa IL"], "Mohd Isa"),
    (["GBD 2021 Low Back Pain Collaborators"], "GBD 2021 Low Back Pain Collaborators"),
    (["ASTEROID trial investigators"], "ASTEROID trial investigators"),
])
def test_first_author_surname_keeps_compound_surnames_and_group_authors_whole(authors, surname):
    study = Study.model_validate({**STUDY, "authors": authors, "year": 2017})
    assert study.first_author_surname == surname
    assert study.short_citation == f"{surname} 2017"


# ---- outcomes -----------------------------------------------------------------------------

OUTCOME = dict(name="Average pain", topic="pain", measure="mean difference", direction="benefit")


def test_outcome_interval_must_be_ordered_but_may_be_a_point():
    assert Outcome.model_validate({**OUTCOME, "ci_low": -1, "ci_high": -1}).ci_high == -1
    errs = errors(Outcome, {**OUTCOME, "estimate": -15.3, "ci_low": -5.27, "ci_high": -25.33})
    assert errs[0]["loc"] == ("ci_high",)
    assert "ci_low (-5.27) is greater than ci_high (-25.33)" in str(errs[0]["ctx"]["error"])


def test_outcome_p_value_is_a_probability():
    assert errors(Outcome, {**OUTCOME, "p_value": 1.5})[0]["type"] == "less_than_equal"
    assert errors(Outcome, {**OUTCOME, "p_value": -0.1})[0]["type"] == "greater_than_equal"


def test_outcome_subgroup_defaults_to_false():
    assert Outcome.model_validate(OUTCOME).subgroup is False


# ---- prevalence ---------------------------------------------------------------------------

def test_prevalence_percent_bounds():
    assert errors(PrevalenceFigure, {**FIGURE, "value": 100.5})[0]["type"] == "less_than_equal"
    assert errors(PrevalenceFigure, {**FIGURE, "value": -0.1})[0]["type"] == "greater_than_equal"
    assert PrevalenceFigure.model_validate({**FIGURE, "value": 100}).value == 100
    assert PrevalenceFigure.model_validate({**FIGURE, "value": 0}).value == 0


def test_prevalence_range_rules():
    ranged = {k: v for k, v in FIGURE.items() if k != "value"}
    assert "low (30%) is greater than high (12%)" in messages(PrevalenceFigure, {**ranged, "low": 30, "high": 12})
    assert "a range needs both low and high" in messages(PrevalenceFigure, {**ranged, "low": 12})
    assert "give either value, or low and high" in messages(PrevalenceFigure, ranged)
    assert "uncertainty_low (9%) is greater than uncertainty_high (8%)" in messages(
        PrevalenceFigure, {**FIGURE, "uncertainty_low": 9, "uncertainty_high": 8})


def test_prevalence_measure_is_prevalence_or_incidence():
    assert PrevalenceFigure.model_validate(FIGURE).measure == "prevalence"
    assert PrevalenceFigure.model_validate({**FIGURE, "measure": "incidence"}).measure == "incidence"
    assert errors(PrevalenceFigure, {**FIGURE, "measure": "risk"})[0]["type"] == "string_pattern_mismatch"


def test_prevalence_span_and_display():
    point = PrevalenceFigure.model_validate(FIGURE)
    assert point.span == (12.5, 12.5) and point.display == "12.5%"
    ranged = PrevalenceFigure.model_validate({**{k: v for k, v in FIGURE.items() if k != "value"}, "low": 0.7,
                                              "high": 20.2})
    assert ranged.span == (0.7, 20.2) and ranged.display == "0.7–20.2%"


# ---- claims: the certainty wording rule ---------------------------------------------------

@pytest.mark.parametrize("certainty,statement", [
    ("high", "Running helps."),
    ("moderate", "Running probably helps."),
    ("moderate", "Running is LIKELY to help."),
    ("low", "Running may help."),
    ("low", "Running might help."),
    ("very-low", "We don't know if running helps."),
    ("very-low", "We don’t know if running helps."),  # a typographic apostrophe counts too
    ("very-low", "It is unclear whether running helps."),
    ("very-low", "The effect is very uncertain."),
])
def test_certainty_wording_accepted(certainty, statement):
    claim = TakeHome.model_validate({**CLAIM, "certainty": certainty, "statement": statement})
    assert claim.statement == statement and claim.certainty.value == certainty


@pytest.mark.parametrize("certainty,statement,hint", [
    ("moderate", "Running helps.", "'probably' or 'likely'"),
    ("moderate", "Running may help.", "'probably' or 'likely'"),
    ("moderate", "Running is unlikely to harm.", "'probably' or 'likely'"),  # whole words only
    ("low", "Running helps.", "'may' or 'might'"),
    ("low", "The mayor runs.", "'may' or 'might'"),
    ("very-low", "Running may help.", "'we don't know'"),
])
def test_certainty_wording_rejected(certainty, statement, hint):
    text = messages(TakeHome, {**CLAIM, "certainty": certainty, "statement": statement})
    assert f"-certainty statement must say so: use {hint}" in text


def test_certainty_rank_orders_levels():
    assert [c.rank for c in (Certainty.VERY_LOW, Certainty.LOW, Certainty.MODERATE, Certainty.HIGH)] == [0, 1, 2, 3]


def test_claim_needs_at_least_one_study_and_a_positive_bottom_line_slot():
    assert errors(TakeHome, {**CLAIM, "studies": []})[0]["type"] == "too_short"
    assert errors(TakeHome, {**CLAIM, "bottom_line": 0})[0]["type"] == "greater_than_equal"
    assert errors(TakeHome, {**CLAIM, "studies": ["Not_A_Slug"]})[0]["loc"] == ("studies", 0)


# ---- article claims and sources ------------------------------------------------------------

ARTICLE_CLAIM = dict(id="ac-one", claim="Running cures backs.", reason="One trial, modest effect.")


@pytest.mark.parametrize("verdict", [v.value for v in Verdict if v not in (Verdict.NOT_TESTED, Verdict.NOT_SUPPORTED)])
def test_every_verdict_but_not_tested_must_name_studies(verdict):
    text = messages(ArticleClaim, {**ARTICLE_CLAIM, "verdict": verdict})
    assert f"the verdict '{Verdict(verdict).label.lower()}' must name the studies behind it" in text
    assert ArticleClaim.model_validate({**ARTICLE_CLAIM, "verdict": verdict, "studies": ["smith-2020-trial"]})


def test_not_tested_may_name_no_study():
    assert ArticleClaim.model_validate({**ARTICLE_CLAIM, "verdict": "not-tested"}).studies == []


def test_not_supported_names_the_studies_that_do_not_back_it():
    text = messages(ArticleClaim, {**ARTICLE_CLAIM, "verdict": "not-supported"})
    assert "use 'not-tested' when none tests it" in text


@pytest.mark.parametrize("verdict", ["not-supported", "not-tested"])
def test_advice_judged_against_clinical_guidance_is_never_unsupported_or_untested(verdict):
    claim = {**ARTICLE_CLAIM, "verdict": verdict, "guidelines": ["acp-2007"], "studies": ["smith-2020-trial"]}
    assert "a claim judged against clinical guidance cannot be" in messages(ArticleClaim, claim)


def test_source_article_date_shapes_and_needs_a_claim():
    article = dict(id="art-x", title="T", publisher="P", kind="clinic-blog", summary="S",
                   claims=[{**ARTICLE_CLAIM, "verdict": "not-tested"}])
    for date in ("2024", "2024-06", "2024-06-08"):
        assert Article.model_validate({**article, "date": date})
    assert errors(Article, {**article, "date": "8 June 2024"})[0]["type"] == "string_pattern_mismatch"
    assert errors(Article, {**article, "claims": []})[0]["type"] == "too_short"


# ---- labels ---------------------------------------------------------------------------------

def test_labels_do_not_collide_between_enums_with_equal_values():
    assert Direction.MIXED.label == "Mixed"
    assert RecallPeriod.MIXED.label == "Mixed or unstated periods"
    assert Design.RCT.label == "Randomised controlled trial"


@pytest.mark.parametrize("enum", [Design, Direction, Certainty, RecallPeriod, Verdict])
def test_every_member_has_a_written_label(enum):
    for member in enum:
        assert member.label and member.label[0].isupper(), member
