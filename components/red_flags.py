"""Warning signs, shared by the 'When to get help' page and the patient handout.

The signs and their actions are data (evidence/data/guidance.yaml), each resting on a published
clinical guideline; this module only words where they come from.
"""

from __future__ import annotations

from evidence import EvidenceBase
from evidence.model import Guideline, RedFlagGroup, Urgency
from evidence.red_flags import guidelines_behind, red_flag_groups

# An icon beside each urgency, so colour or position is never the only signal.
URGENCY_ICON: dict[Urgency, str] = {
    Urgency.EMERGENCY: ":material/emergency:",
    Urgency.TODAY: ":material/schedule:",
    Urgency.BOOK_A_CHECK: ":material/event:",
}


def guideline_citation(guideline: Guideline) -> str:
    """'Chou R, Qaseem A, ... Annals of Internal Medicine 2007;147(7):478-491' as markdown, linked."""
    who = ", ".join(guideline.authors) if guideline.authors else guideline.organisation
    where = f"*{guideline.journal}* {guideline.year}" if guideline.journal else str(guideline.year)
    if guideline.volume:
        where += f";{guideline.volume}" + (f"({guideline.issue})" if guideline.issue else "")
    if guideline.pages:
        where += f":{guideline.pages}"
    link = f"https://doi.org/{guideline.doi}" if guideline.doi else guideline.url
    return f"{who}. [{guideline.title.strip()}]({link}). {where}."


def red_flag_source(evidence: EvidenceBase, groups: list[RedFlagGroup] | None = None) -> str:
    groups = red_flag_groups(evidence) if groups is None else groups
    cited = guidelines_behind(groups, evidence)
    if not cited:
        return "The warning signs could not be loaded with their guideline, so none are shown."
    names = "; ".join(guideline_citation(g) for g in cited)
    return (f"The warning signs come from a published clinical guideline for doctors: {names} We put its wording "
            "into plain words; each sign's entry in the guideline is listed under it. They are clinical advice, "
            "not results of the studies in this base. The guideline does not mention running: pausing a run is "
            "our own careful step.")
