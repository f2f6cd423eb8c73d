"""The Findings page's other ways to take the results: a compact table view and the filtered results as CSV."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.plain_table import plain_table
from evidence import EvidenceBase
from evidence.outputs.export import to_csv
from evidence.findings import Finding, finding_rows

TABLE_COLUMNS = ["Finding", "Effect", "Certainty", "Topic", "Population", "Design", "Study"]


def findings_table(shown: list[Finding], evidence: EvidenceBase) -> None:
    plain_table(pd.DataFrame(finding_rows(shown, evidence), columns=TABLE_COLUMNS), "Findings on this page, one row each")


def csv_button(found: list[Finding], evidence: EvidenceBase) -> None:
    """Every finding that matches the filters (all pages), built only when clicked."""
    st.download_button(f"Download these {len(found)} findings (CSV)", lambda: to_csv(finding_rows(found, evidence)),
                       file_name="running-back-findings.csv", mime="text/csv", icon=":material/download:",
                       key="findings_csv", on_click="ignore", disabled=not found)
