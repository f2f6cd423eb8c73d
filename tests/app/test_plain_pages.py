"""A plain page says what the app says for the same record: the statement word for word, the same citation numbers
and references, the same study facts and results, the same warning signs (evidence/site/ against AppTest)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from evidence import DEFAULT_DIR, load_base
from evidence.outputs.export import vancouver
from evidence.red_flags import red_flag_groups
from evidence.selections import bottom_line
from evidence.site import addresses
from evidence.site.build import files
from evidence.site.layout import plain_text
from evidence.situation import guide

from .apptest_helpers import open_view

pytestmark = pytest.mark.app

BASE = load_base(DEFAULT_DIR)
BUILT = files(BASE, addresses.DEFAULT_PUBLIC_URL)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def plain(path: str) -> str:
    return _text(BUILT[path].decode("utf-8"))


def shown(at) -> str:
    """Everything the app wrote on the page, as text a reader sees."""
    parts = [plain_text(e.value) for kind in ("markdown", "caption", "info", "error", "header", "subheader", "title")
             for e in at.get(kind)]
    parts += [_text(e.proto.body) for e in at.get("html")]
    return re.sub(r"\s+", " ", " ".join(parts))


@pytest.mark.parametrize("claim_id", sorted(BASE.take_homes))
def test_a_take_home_says_the_same_words_numbers_and_references(claim_id):
    claim = BASE.take_homes[claim_id]
    at = open_view("take-homes", claim=claim_id)
    assert not at.exception
    app, page = shown(at), plain(addresses.take_home(claim_id))
    statement = plain_text(claim.statement)
    for text in (app, page):
        assert statement in text
        assert plain_text(claim.certainty_reason) in text
        for study in (BASE.studies[s] for s in claim.studies):
            assert plain_text(vancouver(study)) in text, study.id
    # The statement is followed by the same citation numbers in both.
    after = re.escape(statement) + r"((?: \[\d+\])+)"
    assert re.search(after, app)[1] == re.search(after, page)[1]


@pytest.mark.parametrize("study_id", sorted(BASE.studies))
def test_a_study_page_says_the_same_reference_facts_and_results(study_id):
    study = BASE.studies[study_id]
    at = open_view("study", study=study_id)
    assert not at.exception
    app, page = shown(at), plain(addresses.study(study_id))
    expected = [plain_text(vancouver(study)), study.population, study.design.label]
    expected += [o.name for o in study.outcomes]
    expected += [f"{o.ci_low:g} to {o.ci_high:g}" for o in study.outcomes if o.ci_low is not None and o.ci_high is not None]
    expected += [plain_text(c) for c in study.caveats]
    for item in expected:
        assert plain_text(item) in app, f"app: {item}"
        assert plain_text(item) in page, f"plain page: {item}"


def test_the_warning_signs_are_the_same_signs_in_the_same_order():
    app, page = shown(open_view("get-help")), plain(addresses.GET_HELP)
    signs = [plain_text(s.sign) for g in red_flag_groups(BASE) for s in g.signs]
    actions = [plain_text(g.action) for g in red_flag_groups(BASE)]
    assert signs and actions
    for text in (app, page):
        positions = [text.index(s) for s in signs]
        assert positions == sorted(positions)
        assert all(a in text for a in actions)


@pytest.mark.parametrize("answers", addresses.situations_worth_a_page(),
                         ids=lambda s: f"{s.pain}-{s.running}-{s.age}")
def test_your_situation_lists_the_same_take_homes_in_the_same_order(answers):
    at = open_view("my-situation", **answers.answers())
    assert not at.exception
    app, page = shown(at), plain(addresses.situation(answers))
    result = guide(BASE, answers)
    statements = [plain_text(a.claim.statement) for a in result.take_homes + result.general]
    assert statements
    for text in (app, page):
        positions = [text.index(s) for s in statements]
        assert positions == sorted(positions)
        assert all(plain_text(u) in text for u in result.unknowns)


def test_the_bottom_line_and_the_glossary_say_the_same_as_the_app():
    home, page = shown(open_view("home")), plain(addresses.HOME)
    lines = [plain_text(c.statement) for c in bottom_line(BASE)]
    assert lines and all(line in home and line in page for line in lines)
    glossary, page = shown(open_view("glossary")), plain(addresses.GLOSSARY)
    for term in BASE.glossary.values():
        for text in (term.term, term.definition, term.expert_note or ""):
            assert plain_text(text) in glossary and plain_text(text) in page, term.id


def test_a_view_with_a_plain_page_links_to_it_and_offers_it_to_share():
    from .apptest_helpers import share_panel
    at = open_view("take-homes", claim=sorted(BASE.take_homes)[0])
    expected = addresses.DEFAULT_PUBLIC_URL + addresses.SERVED_AT + addresses.take_home(sorted(BASE.take_homes)[0])
    assert any(expected in c.value for c in at.caption)
    assert share_panel(at).code[-1].value == expected


def test_a_view_without_one_offers_none():
    from .apptest_helpers import share_panel
    at = open_view("findings")
    assert not any(addresses.SERVED_AT in c.value for c in at.caption)
    assert all(addresses.SERVED_AT not in c.value for c in share_panel(at).code)
