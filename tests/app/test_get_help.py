"""'When to get help' under AppTest: the guideline's warning signs, most urgent first, each with its source."""

from __future__ import annotations

import pytest

from evidence import load_base
from evidence.red_flags import red_flag_groups
from tests.app.apptest_helpers import open_view, texts


@pytest.fixture(scope="module")
def base():
    return load_base()


@pytest.fixture(scope="module")
def page():
    at = open_view("get-help")
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(at) -> str:
    return "\n".join(texts(at))


def test_groups_appear_most_urgent_first(page, base):
    headings = [h.value for h in page.header]  # h2 under the page title: no heading level is skipped
    groups = red_flag_groups(base)
    assert [h.split(" ", 1)[1] for h in headings[:len(groups)]] == [g.urgency.label for g in groups]
    assert headings[0].endswith("Get emergency care now")
    assert headings[-1] == "Where this comes from"


def test_every_sign_and_action_is_shown_with_its_guideline_entry(page, base):
    text = _text(page)
    for group in red_flag_groups(base):
        assert " ".join(group.action.split()) in " ".join(text.split())
        for sign in group.signs:
            assert f"**{sign.sign}**" in text
            for row in sign.where:  # every guidance row the sign rests on, named with its place
                name = base.guidelines[row.guideline].short_citation
                assert f"{name} ({row.where})" in text, (sign.id, row.guideline)
        if group.move_up:
            assert " ".join(group.move_up.split()) in " ".join(text.split())


def test_the_source_is_the_guideline_not_an_article(page, base):
    text = _text(page)
    for guideline in base.guidelines.values():
        if any(guideline.id in g.guidelines for g in red_flag_groups(base)):
            assert f"]({guideline.url})" in text or f"](https://doi.org/{guideline.doi})" in text
    assert "same day" not in text.lower()
    assert "health-news article" not in text


def test_a_claim_checked_against_the_guideline_links_to_it():
    at = open_view("claim-check", claim="hn-seek-help-signs")
    assert not at.exception
    text = _text(at)
    assert "**Clinical guideline checked:**" in text and "(get-help)" in text
    assert "No study in this base tests this claim" not in text


def test_the_emergency_group_comes_first_and_holds_every_emergency_sign(page, base):
    """Read as rendered: the first group's heading is the emergency one, and its list of signs (the first list
    on the page) holds every sign any source treats as an emergency, and nothing from a calmer group."""
    groups = red_flag_groups(base)
    assert page.header[0].value.endswith(groups[0].urgency.label) and groups[0].urgency.value == "emergency"
    sign_lists = [t for t in texts(page) if t.startswith("- **")]
    assert len(sign_lists) == len(groups)
    emergency_block = sign_lists[0]
    must = [s for g in groups for s in g.signs if any(r.urgency and r.urgency.value == "emergency" for r in s.where)]
    assert len(must) >= 8
    for sign in must:
        assert f"**{sign.sign}**" in emergency_block, sign.id
    for group in groups[1:]:
        for sign in group.signs:
            assert f"**{sign.sign}**" not in emergency_block, sign.id
