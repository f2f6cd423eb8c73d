"""One study, in full: citation, design and its limits, who was studied, the numbers, and who cites it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import badges, change_notice
from components.citations import locator_markdown, study_href
from components.plain_table import plain_table
from components.prose import prose
from components.report_problem import report_link
from components.trial_counts_view import trial_counts
from components.url_state import link
from evidence import EvidenceBase
from evidence.explain import design_limits
from evidence.links import Page
from evidence.outputs.export import vancouver
from evidence.model import Study, Verification
from evidence.selections import article_claims_citing, claims_citing, prevalence_from
from evidence.textlinks import link_terms


def citation_block(study: Study) -> None:
    links = []
    if study.doi:
        links.append(locator_markdown(study).strip())
    if study.url:
        links.append(f"[Record online]({study.url})")
    if study.pmid:
        links.append(f"[PubMed {study.pmid}](https://pubmed.ncbi.nlm.nih.gov/{study.pmid}/)")
    if study.registration:
        links.append(f"Trial registration {study.registration}")
    st.markdown("\n\n".join([vancouver(study), " · ".join(links)]))  # one element: the reference, then its links
    icon = ":material/verified:" if study.verified is Verification.CONFIRMED else ":material/help_outline:"
    where = f" ({study.verified_in})" if study.verified_in else ""
    note = f" {study.verification_note}" if study.verification_note else ""
    st.caption(f"{icon} {study.verified.label}{where}.{note}")


def participants(study: Study) -> str | None:
    """'40 (run-walk programme: 20 randomised, 20 analysed; ...)': the sample with each arm's size."""
    arms = "; ".join(f"{a.name}: " + ", ".join(f"{n} {what}" for n, what in ((a.randomised, "randomised"),
                                                                          (a.analysed, "analysed")) if n is not None)
                     for a in study.arms if a.randomised is not None or a.analysed is not None)
    total = f"{study.sample_size:,}" if study.sample_size else ""
    return " ".join(p for p in (total, f"({arms})" if arms else "") if p) or None


def facts(study: Study) -> None:
    rows = [
        ("Publication", study.publication_type.label),
        ("Design", study.design.label + (f" — {study.design_note}" if study.design_note else "")),
        ("Who", study.population),
        ("Age", study.age_range),
        ("Condition", study.condition),
        ("Participants", participants(study)),
        ("Studies included", str(study.studies_included) if study.studies_included else None),
        ("Exposure or treatment", study.exposure),
        ("Compared with", study.comparator),
        ("Topics", ", ".join(t.label for t in study.topics)),
        ("Funding", study.funding),
        ("Declared conflicts of interest", study.conflicts),
    ]
    st.markdown("\n".join(f"- **{name}:** {value}" for name, value in rows if value))


def what_design_shows(study: Study) -> None:
    with st.container(border=True):
        st.markdown("**What this kind of study can and cannot show**\n\n" +
                    "\n".join(f"- {line}" for line in design_limits(study)))


def outcomes_table(study: Study) -> None:
    if not study.outcomes:
        st.caption("This record carries no numeric results: it is cited for background.")
        return
    table = pd.DataFrame([{
        "Outcome": o.name, "Measure": o.measure,
        # A confidence interval and a modelling study's uncertainty interval are different things: say which.
        "Estimate": o.estimate, "Interval": (f"{o.ci_low:g} to {o.ci_high:g} ({o.interval.value})"
                                             if o.ci_low is not None and o.ci_high is not None else ""),
        "Unit": o.unit or "", "p": "" if o.p_value is None else f"{o.p_value:g}", "n": o.n or "",
        "Direction": o.direction.label, "Subgroup": "yes (hypothesis only)" if o.subgroup else "",
        "Note": o.note or "",
    } for o in study.outcomes])
    # A column empty on every row (no p-values reported, say) only narrows the ones that say something.
    plain_table(table.loc[:, (table != "").any()], "Results as reported")


def cited_by(study: Study, evidence: EvidenceBase) -> None:
    claims = claims_citing(evidence, study.id)
    articles = article_claims_citing(evidence, study.id)
    figures = prevalence_from(evidence, study.id)
    # One element for all three lists, near the page's end: HTML made on the server (components/prose.py).
    sections = [(heading, lines) for heading, lines in (
        ("Take-homes that cite it",
         [f"- {badges.certainty(c.certainty.value)} [{c.statement}]({link(Page.TAKE_HOMES, claim=c.id)})" for c in claims]),
        ("Article claims checked against it",
         [f"- {badges.verdict(c.verdict)} [{c.claim}]({link(Page.CLAIM_CHECK, claim=c.id)}) — *{a.title}*"
          for a, c in articles]),
        ("Prevalence figures from it",
         [f"- {f.display} ({f.recall_period.label.lower()}): {f.population}" for f in figures]),
    ) if lines]
    if sections:
        prose("\n\n".join(f"**{heading}**\n\n" + "\n".join(lines) for heading, lines in sections))
    else:
        st.caption("Nothing else in the base cites this study yet.")


# ---- the page's start: every study, in a chosen order -----------------------------------

_VERIFIED_ICON = {Verification.CONFIRMED: ":material/verified:", Verification.AS_CITED: ":material/help_outline:"}


def study_line(study: Study) -> str:
    """'[Belavý 2017: title](study?study=…)', then design · year · participants · verification below it."""
    people = f"{study.sample_size:,} participants" if study.sample_size else "participants not reported"
    # The whole first line is the link: two studies can share a short citation ("Hoegh 2023").
    title = study.title.replace("[", "\\[").replace("]", "\\]")
    return (f"[{study.short_citation}: {title}]({study_href(study.id)})  \n"
            f"{study.design.label} · {study.year} · {people} · "
            f"{_VERIFIED_ICON[study.verified]} {study.verified.label}")


def study_list(studies: list[Study]) -> None:
    """One markdown list (real links, keyboard-reachable, wraps on a phone), in the order given."""
    st.markdown("\n".join(f"- {study_line(s)}" for s in studies))
    st.caption("Each study's page says where its details were checked (or why they could not be).")


def study_page(study: Study, evidence: EvidenceBase) -> None:
    """Everything about one study, in reading order."""
    st.header(study.title, anchor=False)
    citation_block(study)
    st.info(link_terms(study.summary, evidence.glossary), icon=":material/summarize:")
    left, right = st.columns([3, 2])
    with left:
        facts(study)
    with right:
        what_design_shows(study)
    st.subheader("Results", anchor=False)
    outcomes_table(study)
    trial_counts(study)
    if study.caveats:
        st.subheader("Limits the authors and we note", anchor=False)
        st.markdown("\n".join(f"- {c}" for c in study.caveats))
    st.subheader("Cited by", anchor=False)
    cited_by(study, evidence)
    report_link("study", study)
    change_notice.shows("study", [study.id])
