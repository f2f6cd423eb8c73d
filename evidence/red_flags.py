"""Warning signs for the 'When to get help' page and the handout, read from guidance.yaml.

The signs come from a published clinical guideline (a `guidelines:` record), never from a
popular article: each sign names the guideline entry it rests on. Most urgent group first.
"""

from __future__ import annotations

from .load import EvidenceBase
from .model import Guideline, RedFlagGroup


def red_flag_groups(base: EvidenceBase) -> list[RedFlagGroup]:
    """The groups in order of urgency (emergency first), each group's signs as curated."""
    return sorted(base.red_flags.values(), key=lambda g: g.urgency.rank)


def guidelines_behind(groups: list[RedFlagGroup], base: EvidenceBase) -> list[Guideline]:
    """The guidelines the groups cite, each once, in order of first mention."""
    ids = dict.fromkeys(gid for g in groups for gid in g.guidelines)
    return [base.guidelines[i] for i in ids if i in base.guidelines]


def red_flag_readings(base: EvidenceBase) -> list:
    """Reading grade of every patient-facing line: each group's action and each sign with its detail."""
    from .readability import Reading, grade  # textstat loads a dictionary: only pay for it when measuring

    out = []
    for group in red_flag_groups(base):
        out.append(Reading(f"{group.id}.action", group.action, grade(group.action)))
        if group.move_up:
            out.append(Reading(f"{group.id}.move_up", group.move_up, grade(group.move_up)))
        for sign in group.signs:
            text = f"{sign.sign.rstrip('.')}. {sign.detail}"
            out.append(Reading(f"{group.id}.{sign.id}", text, grade(text)))
    return out
