"""Finding cards: the plain statement first, the numbers one click away.

Their words are evidence/wording/cards.py (the plain pages print the same). A card is a handful of elements (its text in as few markdown blocks as the layout allows), and that
text is built once per base version and citation numbering: every element is a message the browser
has to draw, and a card's words do not change between reruns.
"""

from __future__ import annotations

import streamlit as st

from components import change_notice
from components.build_cache import BuildCache
from components.citations import reference_lines
from components.prose import CLASS, inner_html, layer
from components.report_problem import report_link, report_markdown
from evidence import EvidenceBase
from evidence.findings import Finding
from evidence.model import TakeHome
from evidence.wording.cards import EXPERT_LAYER, claim_text, result_text

Numbers = tuple[tuple[str, int], ...]  # citation numbers, hashable for the caches


def _numbers(numbers: dict[str, int]) -> Numbers:
    return tuple(numbers.items())


def claim_card(claim: TakeHome, evidence: EvidenceBase, numbers: dict[str, int], *, heading: str | None = None) -> None:
    label, statement, notes, expert = _claim_text(evidence, claim.id, _numbers(numbers), heading)
    with st.container(border=True):
        st.markdown(label)
        st.markdown(statement)
        # The statement stays word for word; its terms link to the glossary on a line of their own.
        st.caption(notes)
        layer(EXPERT_LAYER, expert)
        report_link("take-home", claim)
    change_notice.shows("take-home", [claim.id])


def claim_cards(claims: list[TakeHome], evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    """Many take-homes at a page's end as one block of server-made HTML (components/prose.py), each card as
    claim_card draws it; then the references, in the same block, so nothing under the list moves when it arrives
    (docs/decisions.md, Lists as one block)."""
    _html_block([_claim_html(claim, evidence, numbers) for claim in claims], numbers, evidence, "References")
    change_notice.shows("take-home", [c.id for c in claims])


def finding_cards(findings: list[Finding], evidence: EvidenceBase, numbers: dict[str, int], *,
                  more: str = "") -> None:
    """Findings' cards at the page's end, one HTML block as claim_cards; `more` (markdown, e.g. a link to the
    next page) closes the list (docs/decisions.md, Lists as one block)."""
    cards = [_claim_html(evidence.take_homes[f.id], evidence, numbers) if f.kind == "claim"
             else _result_html(f, evidence, numbers) for f in findings]
    if more:
        cards.append(inner_html(more))
    _html_block(cards, numbers, evidence, "References on this page")
    change_notice.shows("take-home", [f.id for f in findings if f.kind == "claim"])


def _html_block(cards: list[str], numbers: dict[str, int], evidence: EvidenceBase, heading: str) -> None:
    if references := reference_lines(numbers, evidence):
        cards.append(f'<h2 id="references">{heading}</h2>{inner_html(references)}')
    st.html(f'<div class="{CLASS}">{"".join(cards)}</div>')


def _claim_html(claim: TakeHome, evidence: EvidenceBase, numbers: dict[str, int]) -> str:
    label, statement, notes, expert = _claim_text(evidence, claim.id, _numbers(numbers), None)
    report = report_markdown("take-home", claim)
    return (f'<section class="entry" id="{claim.id}">{inner_html(label)}{inner_html(statement)}'
            f'<div class="note">{inner_html(notes)}</div>'
            f"<details><summary>{EXPERT_LAYER}</summary>{inner_html(expert)}</details>"
            + (f'<div class="note">{inner_html(report)}</div>' if report else "") + "</section>")


def _result_html(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> str:
    summary, expert = _result_text(evidence, finding.id, finding.certainty, _numbers(numbers))
    anchor = finding.id.replace(":", "-")
    return (f'<section class="entry" id="{anchor}">{inner_html(summary)}'
            f"<details><summary>For experts: the study</summary>{inner_html(expert)}</details></section>")


_claim_texts: BuildCache[tuple[str, str, str, str]] = BuildCache(512)
_result_texts: BuildCache[tuple[str, str]] = BuildCache(2048)


def _claim_text(evidence: EvidenceBase, claim_id: str, numbers: Numbers, heading: str | None
                ) -> tuple[str, str, str, str]:
    """(heading and badges) · (the statement, word for word) · (words explained, why this certainty) · (experts)."""
    return _claim_texts.get(evidence, (claim_id, numbers, heading),
                            lambda: claim_text(evidence, claim_id, dict(numbers), heading))


def result_card(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    summary, expert = _result_text(evidence, finding.id, finding.certainty, _numbers(numbers))
    with st.container(border=True):
        st.markdown(summary)
        layer("For experts: the study", expert)


def _result_text(evidence: EvidenceBase, finding_id: str, certainty: str, numbers: Numbers) -> tuple[str, str]:
    """(badges, what was measured in whom, the result) · (design, size, comparator, note, caveats)."""
    return _result_texts.get(evidence, (finding_id, certainty, numbers),
                             lambda: result_text(evidence, finding_id, certainty, dict(numbers)))


def finding_card(finding: Finding, evidence: EvidenceBase, numbers: dict[str, int]) -> None:
    if finding.kind == "claim":
        claim_card(evidence.take_homes[finding.id], evidence, numbers)
    else:
        result_card(finding, evidence, numbers)
