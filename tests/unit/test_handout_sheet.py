"""A handout a clinician can hand over: one A4 sheet (two sides at most) by default, the full one as an option;
and the "Your situation" guide's handout the same way."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from evidence import DEFAULT_DIR, load_base
from evidence.outputs.handout import COMPACT, GUIDE_SHEET, build_guide_handout, build_handout
from evidence.red_flags import red_flag_groups
from evidence.selections import bottom_line
from evidence.situation import Situation, guide

URL = "http://localhost:8501/take-homes"
TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def evidence():
    return load_base(DEFAULT_DIR)


def pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages(pdf)).replace("’", "'"))


def test_the_short_handout_is_one_sheet_with_the_bottom_line_and_the_warning_signs(evidence):
    claims = bottom_line(evidence)
    pdf = build_handout(claims, evidence, URL, today=TODAY, layout=COMPACT)
    count = len(pages(pdf))
    assert count <= 2, f"the one-sheet handout runs to {count} pages"
    text = flat(pdf)
    for claim in claims:
        assert re.sub(r"\s+", " ", claim.statement.replace("’", "'"))[:60] in text
    signs = [sign.sign for group in red_flag_groups(evidence) for sign in group.signs]
    assert signs
    for sign in signs:
        assert re.sub(r"\s+", " ", sign.replace("’", "'")) in text
    assert "References" in text
    print(f"short handout: {count} pages")


def test_the_full_handout_has_every_take_home_and_more_pages(evidence):
    claims = list(evidence.take_homes.values())
    pdf = build_handout(claims, evidence, URL, today=TODAY)
    assert len(pages(pdf)) > 2
    print(f"full handout: {len(pages(pdf))} pages")


# The situations with the most take-homes and the longest references (general-population studies with long URLs).
CROWDED = [Situation("no", "long-lasting", "runs", "over-45"), Situation("no", "recent", "no", "over-45")]


@pytest.mark.parametrize("situation", CROWDED, ids=lambda s: "-".join(s.answers().values()))
def test_the_guide_handout_fits_one_sheet_and_says_how_many_more_apply(evidence, situation):
    result = guide(evidence, situation)
    url = "http://localhost:8501/my-situation?" + "&".join(f"{k}={v}" for k, v in situation.answers().items())
    pdf = build_guide_handout(result, evidence, url, today=TODAY)
    assert len(pages(pdf)) <= 2
    text = flat(pdf)
    assert "Your situation" in text and "Your answers" in text and "What this guide does not do" in text
    assert "Why it applies" in text or "Why it is here" in text
    shown = [a for a in result.take_homes + result.general
             if re.sub(r"\s+", " ", a.claim.statement.replace("’", "'"))[:50] in text]
    assert 1 <= len(shown) <= GUIDE_SHEET
    assert shown == (result.take_homes + result.general)[:len(shown)]  # the guide's order, most specific first
    more = len(result.claims) - len(shown)
    assert f"{more} more take-homes apply to you" in text
    for unknown in result.unknowns:
        assert unknown.replace("’", "'") in text
    assert "People who already ran were left out." in text or situation.pain != "long-lasting"


def test_the_full_guide_handout_has_every_take_home(evidence):
    result = guide(evidence, CROWDED[0])
    pdf = build_guide_handout(result, evidence, "http://localhost:8501/my-situation",
                              today=TODAY, full=True)
    text = flat(pdf)
    for applies in result.take_homes:
        assert re.sub(r"\s+", " ", applies.claim.statement.replace("’", "'"))[:50] in text
    assert "more take-homes apply" not in text


def test_the_sheet_carries_the_bottom_line_among_those_shown(evidence):
    from evidence.outputs.handout import SHEET, sheet_claims
    everything = list(evidence.take_homes.values())
    assert sheet_claims(everything) == bottom_line(evidence)
    pain_only = [c for c in everything if "pain" in c.topics]
    assert sheet_claims(pain_only) == [c for c in bottom_line(evidence) if c in pain_only]
    no_bottom_line = [c for c in everything if not c.bottom_line]
    assert sheet_claims(no_bottom_line) == no_bottom_line[:SHEET]
