"""Red-flag guidance, shared by the 'When to get help' page and the patient handout.

This is clinical advice, not a finding of the studies in the base, and the page says so.
"""

from __future__ import annotations

from evidence import EvidenceBase

RED_FLAGS: tuple[tuple[str, str], ...] = (
    ("Pain that builds as you run", "Soreness that eases as you warm up is common. Pain that keeps climbing "
                                    "during a run is different: stop and get it checked."),
    ("Pain that spreads down a leg", "Pain that shoots below the knee can come from an irritated nerve "
                                     "(sciatica). Have it assessed before you run again."),
    ("Numbness, tingling or weakness", "Pins and needles, a numb patch, or a leg or foot that feels weak "
                                       "needs a check."),
    ("Pain that lasts or is worse at rest", "Normal soreness fades within two or three days. Pain that lasts "
                                            "longer, or is worse when you rest, needs a check."),
    ("Pain that changes how you move", "If you limp or favour one side, running on can strain other parts. "
                                       "Rest and get advice."),
)

URGENT: tuple[str, ...] = (
    "you cannot control your bladder or bowels, or you cannot pass urine",
    "you have numbness around your bottom or genitals",
    "both legs feel weak or numb",
    "the pain came after a fall or accident, or you also have a fever or feel very unwell",
)

SOURCE_ARTICLE = "art-health-news-stop-running"
NHS_BACK_PAIN = "https://www.nhs.uk/conditions/back-pain/"


def red_flag_source(evidence: EvidenceBase) -> str:
    article = evidence.sources.get(SOURCE_ARTICLE)
    named = f"the health-news article *{article.title}*" if article else "general clinical guidance"
    return (f"The warning signs above are clinical advice summarised from {named}, not results of the studies "
            f"in this base: no trial has tested them. The same-day signs are standard emergency advice for back "
            f"pain from national health services (for example the [NHS back pain page]({NHS_BACK_PAIN})).")
