"""Methods: how the base is built and checked, what the certainty words mean, and how to correct us."""

import streamlit as st

from components.frame import enter
from components.base_loader import base
from components.methods_view import certainty_scale, design_ceilings, reading_levels, search_log

enter()  # first: on a cold server, hands this bare run to app.py (components/frame.py)

evidence = base()
counts = evidence.counts()

st.title("Methods")
st.header("How the evidence base is built", anchor=False)
st.markdown(f"""
The base is a set of YAML files, curated by hand and checked by a typed model on every load. It holds
**{counts['study']} studies**, **{counts['figure']} prevalence figures**, **{counts['take-home']} take-homes**,
**{counts['article']} popular articles** with **{counts['article-claim']} checked claims**, and
**{counts['term']} glossary terms**.

- **Sources.** We started from five popular web articles on running and back pain, traced every study they cite
  or describe, and added the studies needed to compare like with like (for example, point-prevalence figures for
  everyone to set beside figures for runners).
- **Numbers.** Every figure comes from the study record it is attached to, as the authors report it (estimate,
  95% confidence interval, p-value, sample size). We do not recalculate or pool.
- **Checks.** Loading the base checks every field: types, allowed values, ranges (0–100 for percentages, low not
  above high), DOIs, years not in the future, and that every citation points at a real record. A record with a
  problem is held back with its reason, and so is anything that cites it; the app shows a banner when that
  happens. Curators run `python -m evidence validate`.
- **Verified.** *Confirmed* means we checked the facts against a public record of the study (PubMed, the journal
  page, a registry or a university repository) and name it. *As cited* means we took the details from the article
  that cited the study and have not checked them against the paper.
""")

st.header("How we searched", anchor="search-log")
search_log(evidence)

st.header("How sure are we? The certainty scale", anchor=False)
st.markdown("Each take-home gets a GRADE-style certainty with its reason, and its wording must match: the model "
            "rejects a take-home whose words are stronger than its certainty.")
certainty_scale()
st.markdown("A take-home can never be rated above what its best study design allows (GRADE starts observational "
            "evidence at low):")
design_ceilings()

st.header("Reading level", anchor=False)
reading_levels(evidence)

st.header("Review, licence and corrections", anchor=False)
if evidence.meta:
    st.markdown(f"- **Last reviewed:** {evidence.meta.last_reviewed:%d %B %Y}\n"
                f"- **Licence:** [{evidence.meta.licence}]({evidence.meta.licence_url})\n"
                f"- **Corrections:** {evidence.meta.corrections}")
    st.info(evidence.meta.disclaimer, icon=":material/medical_information:")
