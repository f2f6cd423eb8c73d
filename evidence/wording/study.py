"""One study's page in words: its reference and links, what was checked, the facts, what its design can show, its
results as rows, and what cites it. The app draws them (components/study_view.py); the plain pages print them."""

from __future__ import annotations

from evidence.explain import design_limits
from evidence.links import Page, link
from evidence.load import EvidenceBase
from evidence.model import Study, Verification
from evidence.outputs.export import vancouver
from evidence.selections import article_claims_citing, claims_citing, prevalence_from
from evidence.wording import badges
from evidence.wording.citations import locator_markdown, study_href

VERIFIED_ICON = {Verification.CONFIRMED: ":material/verified:", Verification.AS_CITED: ":material/help_outline:"}
DESIGN_HEADING = "What this kind of study can and cannot show"
CAVEATS_HEADING = "Limits the authors and we note"
NO_RESULTS = "This record carries no numeric results: it is cited for background."
NOT_CITED = "Nothing else in the base cites this study yet."


def citation_markdown(study: Study) -> str:
    """The reference, then its links (DOI, the record online, PubMed, the trial's registration)."""
    links = []
    if study.doi:
        links.append(locator_markdown(study).strip())
    if study.url:
        links.append(f"[Record online]({study.url})")
    if study.pmid:
        links.append(f"[PubMed {study.pmid}](https://pubmed.ncbi.nlm.nih.gov/{study.pmid}/)")
    if study.registration:
        links.append(f"Trial registration {study.registration}")
    return "\n\n".join([vancouver(study), " · ".join(links)])


def verification_line(study: Study) -> str:
    where = f" ({study.verified_in})" if study.verified_in else ""
    note = f" {study.verification_note}" if study.verification_note else ""
    return f"{VERIFIED_ICON[study.verified]} {study.verified.label}{where}.{note}"


def participants(study: Study) -> str | None:
    """'40 (run-walk programme: 20 randomised, 20 analysed; ...)': the sample with each arm's size."""
    arms = "; ".join(f"{a.name}: " + ", ".join(f"{n} {what}" for n, what in ((a.randomised, "randomised"),
                                                                          (a.analysed, "analysed")) if n is not None)
                     for a in study.arms if a.randomised is not None or a.analysed is not None)
    total = f"{study.sample_size:,}" if study.sample_size else ""
    return " ".join(p for p in (total, f"({arms})" if arms else "") if p) or None


def facts_markdown(study: Study) -> str:
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
    return "\n".join(f"- **{name}:** {value}" for name, value in rows if value)


def design_markdown(study: Study) -> str:
    return f"**{DESIGN_HEADING}**\n\n" + "\n".join(f"- {line}" for line in design_limits(study))


def outcome_rows(study: Study) -> list[dict[str, object]]:
    """The results as reported, one row per outcome; a column empty on every row is left out."""
    rows = [{
        "Outcome": o.name, "Measure": o.measure,
        # A confidence interval and a modelling study's uncertainty interval are different things: say which.
        "Estimate": o.estimate, "Interval": (f"{o.ci_low:g} to {o.ci_high:g} ({o.interval.value})"
                                             if o.ci_low is not None and o.ci_high is not None else ""),
        "Unit": o.unit or "", "p": "" if o.p_value is None else f"{o.p_value:g}", "n": o.n or "",
        "Direction": o.direction.label, "Subgroup": "yes (hypothesis only)" if o.subgroup else "",
        "Note": o.note or "",
    } for o in study.outcomes]
    kept = [column for column in (rows[0] if rows else {}) if any(row[column] != "" for row in rows)]
    return [{column: row[column] for column in kept} for row in rows]


def cited_by_markdown(study: Study, evidence: EvidenceBase) -> str:
    """The take-homes, article claims and prevalence figures that rest on the study ('' when none)."""
    claims = claims_citing(evidence, study.id)
    articles = article_claims_citing(evidence, study.id)
    figures = prevalence_from(evidence, study.id)
    sections = [(heading, lines) for heading, lines in (
        ("Take-homes that cite it",
         [f"- {badges.certainty(c.certainty.value)} [{c.statement}]({link(Page.TAKE_HOMES, claim=c.id)})" for c in claims]),
        ("Article claims checked against it",
         [f"- {badges.verdict(c.verdict)} [{c.claim}]({link(Page.CLAIM_CHECK, claim=c.id)}) — *{a.title}*"
          for a, c in articles]),
        ("Prevalence figures from it",
         [f"- {f.display} ({f.recall_period.label.lower()}): {f.population}" for f in figures]),
    ) if lines]
    return "\n\n".join(f"**{heading}**\n\n" + "\n".join(lines) for heading, lines in sections)


def study_line(study: Study) -> str:
    """'[Belavý 2017: title](study?study=…)', then design · year · participants · verification below it."""
    people = f"{study.sample_size:,} participants" if study.sample_size else "participants not reported"
    # The whole first line is the link: two studies can share a short citation ("Hoegh 2023").
    title = study.title.replace("[", "\\[").replace("]", "\\]")
    return (f"[{study.short_citation}: {title}]({study_href(study.id)})  \n"
            f"{study.design.label} · {study.year} · {people} · {VERIFIED_ICON[study.verified]} {study.verified.label}")
