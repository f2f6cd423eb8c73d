"""The methods page's tables: the certainty scale with its wording rule, and measured reading levels."""

from __future__ import annotations

import gc

import pandas as pd
import streamlit as st

from components.plain_table import plain_table
from evidence import EvidenceBase
from evidence.grade import CERTAINTY_CEILING, CERTAINTY_WORDS, MEANING, symbol_and_label
from evidence.model import Certainty, Decision
from evidence.readability import TARGET_GRADE, Reading, summary, take_home_readings
from evidence.searches import excluded_total, last_searched, topic_counts


def certainty_scale() -> None:
    rows = [{"Certainty": symbol_and_label(c), "What it means": MEANING[c],
             "Take-homes must say": " or ".join(f"“{w}”" for w in CERTAINTY_WORDS[c]) or "(plain statement)"}
            for c in reversed(list(Certainty))]
    plain_table(pd.DataFrame(rows), "GRADE certainty levels")


def design_ceilings() -> None:
    rows = [{"Best design cited": d.label, "Highest certainty allowed": c.label} for d, c in CERTAINTY_CEILING.items()]
    plain_table(pd.DataFrame(rows), "Highest certainty each design allows")


@st.cache_data(show_spinner=False, max_entries=4)
def _readings(version: str, _evidence: EvidenceBase) -> list[Reading]:
    """Scored once per version of the base; both the summary line and the table read these."""
    readings = take_home_readings(_evidence)
    # Scoring imported textstat and nltk, alive for the life of the process: move them out of the collector's
    # sight, or every later run of every page walks them (docs/decisions.md, Base cache and frozen objects).
    gc.freeze()
    return readings


def reading_levels(evidence: EvidenceBase) -> None:
    readings = _readings(evidence.version, evidence)
    stats = summary(readings)
    st.markdown(f"Measured with the Flesch–Kincaid grade (textstat): **{stats['at_or_below_target']} of "
                f"{stats['count']}** take-homes are at or below grade {TARGET_GRADE:g}; the range is "
                f"{stats['min']:g} to {stats['max']:g}, median {stats['median']:g}.")
    plain_table(pd.DataFrame([{"Take-home": r.id, "US grade": r.grade,
                               f"At or below {TARGET_GRADE:g}": "yes" if r.ok else "no", "Statement": r.text}
                              for r in readings]), "Reading level of each take-home")


def search_log(evidence: EvidenceBase) -> None:
    """The documented literature search: counts per topic (PRISMA-style), then every query with its date."""
    counts = topic_counts(evidence)
    if not counts:
        st.markdown("No documented search is recorded yet: the base rests on the articles and what they cite.")
        return
    left_out = excluded_total(counts)
    reasons = "; ".join(f"{n} {reason.label}" for reason, n in left_out.items()) or "none"
    st.markdown(
        f"Beyond the five articles and what they cite, we searched public records (PubMed and PMC abstracts, "
        f"journal pages, registries) for each question a take-home answers, last on "
        f"**{last_searched(evidence):%d %B %Y}**: **{sum(c.queries for c in counts)} queries**, "
        f"**{sum(c.candidates for c in counts)} candidate studies** screened, **{sum(c.included for c in counts)} "
        f"added**, {sum(c.already for c in counts)} already in the base, and {sum(left_out.values())} left out "
        f"({reasons}). A study counts once per question however many queries found it.")
    plain_table(pd.DataFrame([{
        "Question": c.topic.label, "Queries": c.queries, "Records returned": c.records, "Candidates": c.candidates,
        "Added": c.included, "Already in the base": c.already, "Left out": sum(c.excluded.values())}
        for c in counts]), "The literature search, per question")
    plain_table(pd.DataFrame([{
        "Date": f"{s.date:%Y-%m-%d}", "Question": s.topic.label, "Query": s.query, "Records": s.results,
        "Added": ", ".join(c.study for c in s.candidates if c.decision is Decision.INCLUDED) or "–"}
        for s in evidence.searches.values()]), "Every query run")
