"""The words of the warning signs: the 'When to get help' page (in the app and as a plain page), the guide and the
patient handout.

The signs and their actions are data (evidence/data/guidance.yaml), each resting on rows of published
clinical guidance; this module only words where they come from.
"""

from __future__ import annotations

from evidence import EvidenceBase
from evidence.model import Guideline, RedFlagGroup, Urgency, WarningSign
from evidence.red_flags import guidelines_behind, red_flag_groups

# An icon beside each urgency, so colour or position is never the only signal.
URGENCY_ICON: dict[Urgency, str] = {
    Urgency.EMERGENCY: ":material/emergency:",
    Urgency.TODAY: ":material/schedule:",
    Urgency.BOOK_A_CHECK: ":material/event:",
}
MOVE_UP_ICON = ":material/arrow_upward:"

GET_HELP_INTRO = ("Most back pain in runners is not a sign of damage, and it often settles with a few easier days. "
                  "A few signs do need a doctor. They are listed below, the most urgent first, in plain words taken "
                  "from clinical guidance for doctors. If you are not sure which group you are in, choose the more "
                  "urgent one.")
GUIDANCE_LAYER = "What the guidance says about these signs"


def heading(group: RedFlagGroup) -> str:
    return f"{URGENCY_ICON[group.urgency]} {group.urgency.label}"


def signs_markdown(group: RedFlagGroup) -> str:
    """The group's signs as one list, each with its detail, then what would make it more urgent."""
    return ("\n".join(f"- **{sign.sign}**  \n  {sign.detail}" for sign in group.signs)
            + (f"\n\n{move_up_line(group)}" if group.move_up else ""))


def signs_question_markdown(groups: list[RedFlagGroup]) -> str:
    """Your situation's first question, with the signs spelled out so the reader can answer it."""
    return "\n\n".join(["**First, the warning signs.** These come from clinical guidance for doctors. If you have any "
                         "of them, the guide stops here and shows you what to do:",
                         *(f"**{group.urgency.label}** if:\n" + "\n".join(f"- {sign.sign}" for sign in group.signs)
                           for group in groups)])


def guidance_markdown(group: RedFlagGroup, evidence: EvidenceBase) -> str:
    """The group's layer: the guidance's own action, then each sign's rows."""
    return f"{group.guideline_action}\n\n" + "\n".join(sign_sources(s, evidence) for s in group.signs)


def guideline_citation(guideline: Guideline) -> str:
    """'Chou R, Qaseem A, ... Annals of Internal Medicine 2007;147(7):478-491' as markdown, linked."""
    who = ", ".join(guideline.authors) if guideline.authors else guideline.organisation
    where = f"*{guideline.journal}* {guideline.year}" if guideline.journal else guideline.dated
    if guideline.volume:
        where += f";{guideline.volume}" + (f"({guideline.issue})" if guideline.issue else "")
    if guideline.pages:
        where += f":{guideline.pages}"
    if guideline.revised and not guideline.journal:
        where = f"version last revised {guideline.revised}"
    link = f"https://doi.org/{guideline.doi}" if guideline.doi else guideline.url
    return f"{who}. [{guideline.title.strip()}]({link}). {where}."


def move_up_line(group: RedFlagGroup) -> str:
    """The line under a lower group's action: what would make it more urgent."""
    return f"{MOVE_UP_ICON} **Act sooner if things change.** {group.move_up.strip()}" if group.move_up else ""


def sign_sources(sign: WarningSign, evidence: EvidenceBase) -> str:
    """'- **Sign:** GIRFT CES pathway 2023 (item 1): says; its step: *emergency*. ACP and APS 2007 (...)' as one line."""
    rows = []
    for row in sign.where:
        guideline = evidence.guidelines.get(row.guideline)
        name = guideline.short_citation if guideline else row.guideline
        step = f"its step: *{row.urgency.label.lower()}*" if row.urgency else "no step named"
        rows.append(f"{name} ({row.where}): {row.says.strip().rstrip('.')}; {step}.")
    return f"- **{sign.sign}:** " + " ".join(rows)


def red_flag_source(evidence: EvidenceBase, groups: list[RedFlagGroup] | None = None) -> str:
    groups = red_flag_groups(evidence) if groups is None else groups
    cited = guidelines_behind(groups, evidence)
    if not cited:
        return "The warning signs could not be loaded with their guidance, so none are shown."
    names = "\n".join(f"- {guideline_citation(g)}" for g in cited)
    return ("The warning signs come from clinical guidance for doctors and physiotherapists, read in full where "
            "public copies allow:\n\n" + names + "\n\nWe put their wording into plain words. Where they differ on how "
            "fast to act, we follow the most cautious one; each sign's rows are listed under its group. They are "
            "clinical advice, not results of the studies in this base. The guidance does not talk about running: "
            "pausing a run is our own careful step.")
