"""The claim-check page under AppTest, opened the way a shared link would open it."""

from __future__ import annotations

import json
import re

import pytest

from evidence.model import Verdict
from tests.app.apptest_helpers import open_view, plain_tables, texts
from tests.shipped import shipped_base

COUNT_LINE = re.compile(r"(\d+) claims? checked: (.*)\.")
CLAIM_LINK = re.compile(r"\(claim-check\?claim=([a-z0-9-]+)\)")


@pytest.fixture(scope="module")
def base():
    return shipped_base()


def _markdown(at) -> list[str]:
    """The page's text, a paragraph at a time (a claim card holds several in one element)."""
    return [paragraph for text in texts(at) for paragraph in text.split("\n\n")]


def _shown_claim_ids(at) -> list[str]:
    """The claim cards on the page: each ends with its own 'Link to this claim'."""
    return [m.group(1) for text in _markdown(at) if text.startswith("[Link to this claim]")
            for m in [CLAIM_LINK.search(text)]]


def _no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_page_runs_and_shows_every_claim(base):
    """The full list is one parameter away (a bare link opens on the articles' summary, see below)."""
    at = open_view("claim-check", claims="all")
    _no_exception(at)
    assert at.title[0].value == "Claim check"
    assert sorted(_shown_claim_ids(at)) == sorted(base.article_claims)
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    assert f"verdicts on {len(base.article_claims)} claims" in charts[0].proto.alt


def test_chart_bars_hold_the_counts(base):
    at = open_view("claim-check")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    per_verdict = {trace["name"]: trace["x"] for trace in spec["data"]}
    articles = list(base.articles.values())
    for v in Verdict:
        expected = [sum(c.verdict is v for c in a.claims) for a in articles]
        name = next((n for n in per_verdict if n.endswith(v.label)), None)
        if not any(expected):
            assert name is None
            continue
        assert name is not None and name[0] != v.label[0], f"legend entry for {v.label} lacks its symbol: {name!r}"
        assert per_verdict[name] == expected, v


def test_verdict_counts_on_the_page_equal_the_base(base):
    at = open_view("claim-check")
    lines = [COUNT_LINE.search(text) for text in _markdown(at)]
    found = [m for m in lines if m]
    assert found, "no 'N claims checked: ...' line on the page"
    total, parts = int(found[0].group(1)), found[0].group(2)
    shown = {label: int(n) for n, label in (re.match(r"(\d+) (.+)", p.strip()).groups() for p in re.split("[,;]", parts))}
    claims = [c for a in base.articles.values() for c in a.claims]
    expected = {v.label.lower(): sum(c.verdict is v for c in claims) for v in Verdict}
    assert total == len(claims)
    assert shown == {label: n for label, n in expected.items() if n}


def test_counts_table_matches_each_article(base):
    at = open_view("claim-check")
    table = plain_tables(at)[0]
    assert list(table["Article"]) == [a.title for a in base.articles.values()]
    for article, (_, row) in zip(base.articles.values(), table.iterrows()):
        assert row["All claims"] == len(article.claims)
        for v in Verdict:
            column = next(c for c in table.columns if c.endswith(v.label))
            assert row[column] == sum(c.verdict is v for c in article.claims), (article.id, v)


def test_article_link_shows_only_that_article(base):
    article = list(base.articles.values())[1]
    at = open_view("claim-check", article=article.id)
    _no_exception(at)
    assert _shown_claim_ids(at) == [c.id for c in article.claims]
    assert [h.value for h in at.subheader] == [article.title]
    assert at.multiselect(key="article").value == [article.id]


def test_claim_link_shows_that_claim_and_its_reason(base):
    article, claim = next((a, c) for a in base.articles.values() for c in a.claims
                          if c.verdict is Verdict.OVERSTATED and len(c.studies) > 1)
    at = open_view("claim-check", claim=claim.id)
    _no_exception(at)
    assert _shown_claim_ids(at) == [claim.id]
    assert [h.value for h in at.subheader] == [article.title]
    # Lighthouse heading-order: an h2 comes between the page's h1 and the article's h3.
    assert [h.value for h in at.header][0] == "The claim this link opens"
    texts = _markdown(at)
    assert any(claim.reason in t for t in texts), "the claim's reason is not on the page"
    assert any(t.startswith("**Studies behind this verdict:**") and all(f"study?study={s}" in t for s in claim.studies)
               for t in texts)
    expander = next(e for e in at.expander if e.label == "What these studies can show")
    assert any("can show" in t for t in _markdown(expander))


def test_unknown_article_gives_a_notice_not_an_error(base):
    at = open_view("claim-check", article="nope")
    _no_exception(at)
    assert any("nope" in i.value for i in at.info), [i.value for i in at.info]
    assert len(_shown_claim_ids(at)) == len(base.article_claims)


def test_unknown_claim_gives_a_notice_not_an_error(base):
    at = open_view("claim-check", claim="no-such-claim")
    _no_exception(at)
    assert any("no-such-claim" in i.value for i in at.info)
    assert len(_shown_claim_ids(at)) == len(base.article_claims)


def test_verdict_filter_shows_only_overstated_claims(base):
    at = open_view("claim-check", verdict="overstated")
    _no_exception(at)
    expected = [c.id for a in base.articles.values() for c in a.claims if c.verdict is Verdict.OVERSTATED]
    assert _shown_claim_ids(at) == expected
    badges = [t for t in _markdown(at) if re.fullmatch(r":\w+-badge\[[^\]]*\]( :\w+-badge\[[^\]]*\])?", t)]
    assert len(badges) == len(expected) and all("Overstated" in b for b in badges)


def test_two_verdicts_as_repeated_keys(base):
    at = open_view("claim-check", verdict=["supported", "contradicted"])
    wanted = {Verdict.SUPPORTED, Verdict.CONTRADICTED}
    assert _shown_claim_ids(at) == [c.id for a in base.articles.values() for c in a.claims if c.verdict in wanted]


def test_changing_the_filter_writes_the_url(base):
    at = open_view("claim-check", claims="all")
    at.multiselect(key="verdict").set_value(["contradicted", "overstated"]).run()
    assert at.query_params["verdict"] == ["contradicted", "overstated"]  # slugs, as repeated keys
    wanted = {Verdict.CONTRADICTED, Verdict.OVERSTATED}
    assert len(_shown_claim_ids(at)) == sum(c.verdict in wanted for _, c in base.article_claims.values())


def test_presentation_has_one_slide_per_article(base):
    at = open_view("claim-check", present="1", slide="2")
    _no_exception(at)
    article = list(base.articles.values())[1]
    assert any(t == f"**Slide 2 of {len(base.articles)}**" for t in _markdown(at))
    assert at.title[0].value == f"Claim check: {article.title}"
    listed = next(t for t in _markdown(at) if t.startswith("- :"))
    assert listed.count("\n") + 1 == len(article.claims)
    assert any(article.publisher in c.value for c in at.caption)


# ---- the page's start (issue #11, item 8) -----------------------------------------------

def _summaries(at) -> list[str]:
    return [t for t in texts(at) if t.startswith("### ")]


def test_a_bare_link_opens_on_one_summary_per_article_newest_first(base):
    """Regression: the page showed all checked claims at once (a 16,000-pixel page on a phone)."""
    at = open_view("claim-check")
    _no_exception(at)
    assert _shown_claim_ids(at) == [], "no claim card on the summary"
    blocks = _summaries(at)
    dated = sorted(base.articles.values(), key=lambda a: a.date or "", reverse=True)
    assert [b.splitlines()[0].removeprefix("### ") for b in blocks] == [a.title for a in dated]
    assert [a.date for a in dated if a.date] == sorted((a.date for a in dated if a.date), reverse=True)
    for article, block in zip(dated, blocks):
        assert article.publisher in block and (article.date or "undated") in block
        total, parts = COUNT_LINE.search(block).groups()
        assert int(total) == len(article.claims)
        for v in Verdict:  # each verdict in words with its number; none with no claims
            n = sum(c.verdict is v for c in article.claims)
            assert (f"{n} {v.label.lower()}" in re.split("[,;] ", parts)) == bool(n), (article.id, v)
        assert f"(claim-check?article={article.id})" in block
    assert any(f"(claim-check?claims=all)" in t and f"all {len(base.article_claims)} checked claims" in t
               for t in _markdown(at))


def test_the_full_list_link_keeps_the_list_when_filters_are_cleared(base):
    at = open_view("claim-check", verdict="overstated")
    assert _summaries(at) == []
    at.multiselect(key="verdict").set_value([]).run()
    assert at.query_params["claims"] == "all", "clearing the filters must not jump back to the summary"
    assert len(_shown_claim_ids(at)) == len(base.article_claims)


def test_show_them_all_from_one_claim_opens_the_full_list(base):
    claim = next(iter(base.article_claims))
    at = open_view("claim-check", claim=claim)
    assert _summaries(at) == [] and _shown_claim_ids(at) == [claim]
    at.button[0].click().run()
    assert "claim" not in at.query_params and at.query_params["claims"] == "all"
    assert len(_shown_claim_ids(at)) == len(base.article_claims)
