"""The claim check is no stronger than the articles, and its verdicts no stronger than the evidence (issue #13)."""

from __future__ import annotations

import re

import pytest

from evidence.load import DEFAULT_DIR, load_base
from evidence.model import Design, Verdict

BASE = load_base(DEFAULT_DIR)
CLAIMS = {cid: claim for cid, (_, claim) in BASE.article_claims.items()}
GUIDELINE = "acp-aps-2007-low-back-pain"


def claim(cid: str):
    assert cid in CLAIMS, f"article claim {cid} is missing"
    return CLAIMS[cid]


def test_an_existing_back_problem_claim_keeps_can_and_is_not_contradicted():
    c = claim("wolf-worsens-existing")
    assert re.search(r"\bcan\b", c.claim) and "tends to" not in c.claim
    assert c.verdict is not Verdict.CONTRADICTED
    # The trial's limits are stated: who it left out, and its own back-pain adverse event.
    for words in ("radiculopathy", "surgery", "no clear cause", "adverse event"):
        assert words in c.reason, words


@pytest.mark.parametrize("cid,hedge", [
    ("wolf-worsens-existing", r"\bcan\b"),
    ("sc-running-grows-discs", r"\bmay\b"),
    ("sc-bigger-discs-less-pain", r"\bmay\b"),
    ("sc-shrinking-discs-cause-pain", r"\bcan\b"),
    ("sc-causes-of-pain-after-running", r"\bcan\b"),
    ("hn-runners-walkers-study", r"\bassociated with\b"),
    ("hn-strong-muscles-protect", r"\btend to\b"),
    ("hn-surfaces-shoes-mileage", r"\bcan\b"),
    ("fs-runners-less-disc-ageing", r"\bsuggest\b"),
    ("fs-more-running-better", r"\btended to\b"),
    ("fs-discs-explain-lower-pain", r"\bplausible\b"),
    ("mpt-loading-stimulates-hydration", r"\bcan\b"),
])
def test_paraphrases_keep_the_articles_hedge(cid, hedge):
    assert re.search(hedge, claim(cid).claim), claim(cid).claim


def test_a_causal_claim_about_years_of_running_is_not_contradicted_by_snapshots_and_short_studies():
    c = claim("wolf-pounding-degenerates-discs")
    designs = {BASE.studies[s].design for s in c.studies}
    assert designs <= {Design.CROSS_SECTIONAL, Design.COHORT, Design.RCT}
    assert c.verdict is Verdict.NOT_SUPPORTED


def test_supported_never_rests_on_an_unchecked_source():
    for c in CLAIMS.values():
        if c.verdict is Verdict.SUPPORTED:
            assert not re.search(r"as cited|not checked|taken as cited", c.reason), c.id


def test_a_difference_against_the_waitlist_is_never_called_a_fall():
    for c in CLAIMS.values():
        assert not re.search(r"(fell|dropped)\s+(by\s+)?15\.30|pain -15\.30 points", c.reason), c.id


def test_each_article_claim_the_issue_listed_has_a_verdict():
    for cid in ("hn-stop-if-pain-builds", "hn-stop-if-nerve-signs", "hn-stop-if-pain-lingers",
                "hn-stop-if-gait-changes", "hn-seek-help-signs", "hn-mild-pain-work-through",
                "wolf-rest-to-heal", "wolf-prescription-drugs", "wolf-surgery-rare", "wolf-most-keep-running",
                "wolf-body-compensates", "mpt-manual-shortens-adaptation", "mpt-running-part-of-recovery",
                "fs-discs-prevent-fractures"):
        assert claim(cid).reason.strip()


def test_article_002_warning_signs_are_checked_against_the_guideline():
    signs = [c for c in BASE.articles["art-health-news-stop-running"].claims
             if c.id.startswith(("hn-stop-if-", "hn-seek-help"))]
    assert len(signs) == 5
    # Safety advice is never "not supported": the guideline backs it in whole or part, or it is untested here
    # and the reason says so in those words.
    for c in signs:
        assert c.verdict is not Verdict.NOT_SUPPORTED, c.id
        if c.verdict is Verdict.NOT_TESTED:
            assert "sensible but untested here" in c.reason, c.id
        else:
            assert c.guidelines == [GUIDELINE], c.id
    # Its advice for numbness or weakness is too calm next to the guideline's emergency signs.
    seek = claim("hn-seek-help-signs")
    assert seek.verdict is Verdict.PARTLY_SUPPORTED and "emergency" in seek.reason


def test_every_cited_guideline_exists():
    for c in CLAIMS.values():
        assert all(g in BASE.guidelines for g in c.guidelines), c.id
