"""Warning signs: from a published guideline, emergency signs first, each sign cited, plain words."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from evidence.load import DEFAULT_DIR, load_base
from evidence.model import ArticleClaim, Guideline, RedFlagGroup, Urgency, Verdict
from evidence.readability import TARGET_GRADE, grade
from evidence.red_flags import guidelines_behind, red_flag_groups, red_flag_readings

BASE = load_base(DEFAULT_DIR)
GUIDELINE = {"id": "g-2020", "title": "A guideline", "organisation": "A college", "year": 2020,
             "verified_in": "the publisher's page", "url": "https://example.org/g"}
ROW = {"guideline": "g-2020", "where": "Table 1", "says": "Says.", "urgency": "emergency"}
GROUP = {"id": "emergency", "urgency": "emergency", "action": "Go to an emergency room now.",
         "guideline_action": "Scan at once.", "signs": [{"id": "s", "sign": "A sign", "detail": "Detail.", "where": [ROW]}]}
LOWER = {**GROUP, "id": "today", "urgency": "today", "action": "See a doctor today.",
         "move_up": "If you cannot pee, go to an emergency room now.",
         "signs": [{"id": "t", "sign": "A sign", "detail": "Detail.", "where": [{**ROW, "urgency": "today"}]}]}


def test_the_shipped_guidance_loads_with_every_urgency():
    groups = red_flag_groups(BASE)
    assert [g.urgency for g in groups] == [Urgency.EMERGENCY, Urgency.TODAY, Urgency.BOOK_A_CHECK]
    assert sum(len(g.signs) for g in groups) >= 10


def test_emergency_signs_come_first_and_say_emergency_care_now():
    first = red_flag_groups(BASE)[0]
    assert first.urgency is Urgency.EMERGENCY and first.urgency.label == "Get emergency care now"
    assert "emergency" in first.action.lower()
    signs = " ".join(f"{s.sign} {s.detail} " + " ".join(r.says for r in s.where) for s in first.signs).lower()
    # Every feature of suspected cauda equina syndrome that current guidance lists, in patient words and
    # in the guidance's own terms.
    for feature in ("pee", "bowel", "sex", "saddle", "both legs", "walk", "retention", "incontinence"):
        assert feature in signs, feature


def test_a_sign_any_source_treats_as_an_emergency_is_in_the_emergency_group():
    for group in red_flag_groups(BASE):
        for sign in group.signs:
            most_cautious = min((row.urgency.rank for row in sign.where if row.urgency), default=99)
            assert group.urgency.rank <= most_cautious, (group.id, sign.id)


def test_every_sign_cites_the_guidance_rows_it_rests_on():
    for group in red_flag_groups(BASE):
        for sign in group.signs:
            for row in sign.where:
                guideline = BASE.guidelines[row.guideline]
                assert guideline.verified_in and (guideline.url or guideline.doi)
                assert row.where.strip() and row.says.strip(), (group.id, sign.id)


def test_current_guidance_stands_beside_the_2007_guideline():
    cited = {g.id for g in guidelines_behind(red_flag_groups(BASE), BASE)}
    assert "acp-aps-2007-low-back-pain" in cited
    current = {g for g in cited if (BASE.guidelines[g].year or BASE.guidelines[g].read_on.year) >= 2020}
    assert {"girft-2023-suspected-ces-pathway", "finucane-2020-ifompt-red-flags"} <= current
    assert len(current) >= 5, cited
    for group in red_flag_groups(BASE):  # every group rests on current guidance, not only on 2007
        assert set(group.guidelines) & current, group.id


def test_the_2007_guideline_is_a_real_record_with_a_web_link():
    guideline = BASE.guidelines["acp-aps-2007-low-back-pain"]
    assert (guideline.journal, guideline.year, guideline.volume, guideline.pages) == (
        "Annals of Internal Medicine", 2007, "147", "478-491")
    assert guideline.authors[:2] == ["Chou R", "Qaseem A"]
    assert guideline.url.startswith(("https://", "http://"))


def test_no_group_tells_a_reader_they_do_not_need_emergency_care():
    for group in red_flag_groups(BASE)[1:]:
        assert group.move_up and "emergency" in group.move_up.lower(), group.id
        assert "do not need" not in group.action.lower() and "don't need" not in group.action.lower()


def test_a_lower_group_without_a_way_up_or_with_a_dismissive_line_is_refused():
    assert RedFlagGroup.model_validate(LOWER).move_up
    with pytest.raises(ValidationError, match="needs move_up"):
        RedFlagGroup.model_validate({**LOWER, "move_up": None})
    with pytest.raises(ValidationError, match="never tell a reader"):
        RedFlagGroup.model_validate({**LOWER, "action": "Book a visit. You do not need the emergency room."})
    with pytest.raises(ValidationError, match="never tell a reader"):
        RedFlagGroup.model_validate({**LOWER, "move_up": "This is not an emergency."})


def test_a_sign_filed_below_what_one_source_says_is_refused():
    calmer = {**LOWER, "signs": [{**LOWER["signs"][0], "where": [{**ROW, "urgency": "today"}, ROW]}]}
    with pytest.raises(ValidationError, match="the most cautious source wins"):
        RedFlagGroup.model_validate(calmer)


def test_signs_are_not_taken_from_an_article():
    article_words = {c.claim.lower() for a in BASE.articles.values() for c in a.claims}
    for group in red_flag_groups(BASE):
        for sign in group.signs:
            assert sign.sign.lower() not in article_words


@pytest.mark.parametrize("reading", red_flag_readings(BASE), ids=lambda r: r.id)
def test_every_red_flag_line_is_at_grade_8_or_below(reading):
    assert reading.grade <= TARGET_GRADE, f"grade {reading.grade}: {reading.text}"


def test_readings_cover_every_action_and_sign():
    readings = red_flag_readings(BASE)
    worst = max(readings, key=lambda r: r.grade)
    print(f"warning signs: {len(readings)} patient lines, grade {min(r.grade for r in readings):g} to "
          f"{worst.grade:g} (highest: {worst.id}), target {TARGET_GRADE:g}")
    groups = red_flag_groups(BASE)
    assert len(readings) == len(groups) + sum(len(g.signs) + bool(g.move_up) for g in groups)
    assert all(r.grade == grade(r.text) for r in readings)


def test_a_guideline_needs_a_link():
    with pytest.raises(ValidationError, match="needs a doi or url"):
        Guideline.model_validate({**GUIDELINE, "url": None})


def test_a_group_needs_a_known_urgency_and_a_sign():
    assert RedFlagGroup.model_validate(GROUP).urgency is Urgency.EMERGENCY
    with pytest.raises(ValidationError):
        RedFlagGroup.model_validate({**GROUP, "urgency": "same-day"})
    with pytest.raises(ValidationError):
        RedFlagGroup.model_validate({**GROUP, "signs": []})


def test_an_article_claim_may_be_judged_against_a_guideline_alone():
    claim = ArticleClaim(id="c", claim="x", verdict=Verdict.PARTLY_SUPPORTED, reason="y", guidelines=["g-2020"])
    assert claim.studies == [] and claim.guidelines == ["g-2020"]
    with pytest.raises(ValidationError, match="must name the studies"):
        ArticleClaim(id="c", claim="x", verdict=Verdict.PARTLY_SUPPORTED, reason="y")


def test_a_group_citing_an_unknown_guideline_is_held_back(tmp_path):
    import yaml
    (tmp_path / "guidance.yaml").write_text(yaml.safe_dump({"guidelines": [GUIDELINE], "red_flags": [
        GROUP, {**LOWER, "signs": [{**LOWER["signs"][0], "where": [{**ROW, "guideline": "nope", "urgency": "today"}]}]}]}),
        encoding="utf-8")
    base = load_base(tmp_path)
    assert list(base.red_flags) == ["emergency"]
    assert [p.message for p in base.problems if "guideline" in p.field] == ["unknown guideline id 'nope'"]
    assert any(h.kind == "red_flags" and h.id == "today" for h in base.held_back)
