"""The "Your situation" guide, without Streamlit: a few plain questions, and the take-homes that
apply to the answers, each with why it applies, in words generated from the study records.

Every answer is a URL parameter with a stable slug (?signs=no&pain=long-lasting&running=start&age=18-45),
so a clinician can send a pre-filled guide. Warning signs come first: "yes" routes to "When to get
help" and asks nothing more. The guide selects and explains; it never adds advice of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .load import EvidenceBase
from .model import TakeHome, Design, PopulationTag, Study, Topic


@dataclass(frozen=True)
class Question:
    key: str  # its URL parameter
    prompt: str
    options: dict[str, str]  # slug -> answer as shown
    help: str = ""


QUESTIONS: tuple[Question, ...] = (
    Question("signs", "Do you have any of the warning signs?", {
        "yes": "Yes, at least one",
        "no": "No, none of them",
    }, "They are listed above, from clinical guidance for doctors, the most urgent first."),
    Question("pain", "Do you have low back pain now?", {
        "none": "No",
        "recent": "Yes, for less than 3 months",
        "long-lasting": "Yes, for 3 months or more",
    }),
    Question("running", "Do you run?", {
        "runs": "Yes, I run now",
        "start": "No, but I want to start",
        "no": "No, and I have no plans to",
    }),
    Question("age", "How old are you?", {
        "under-18": "Under 18",
        "18-45": "18 to 45",
        "over-45": "Over 45",
    }),
)
BY_KEY = {q.key: q for q in QUESTIONS}
KEYS = tuple(q.key for q in QUESTIONS)

# The age bands as ranges, to compare with the ages the studies took.
_AGE_SPAN = {"under-18": (0, 17), "18-45": (18, 45), "over-45": (46, 120)}

# Studies of discs on scans measure no pain; the guide answers "what about my back pain and running",
# so a take-home only about discs is left to the Take-homes page (and said so).
DISC_ONLY = frozenset({Topic.DISC_HYDRATION, Topic.DISC_HEIGHT, Topic.DISC_DEGENERATION, Topic.IMAGING})
# Below this many take-homes about people like the reader, the guide adds what is known about people in general.
FEW = 3

LIMITS = ("This guide only sorts what the studies found. It does not tell you what to do, and it cannot "
          "check your back. Talk with a doctor or physiotherapist about what is right for you.")


@dataclass(frozen=True)
class Situation:
    signs: str | None = None
    pain: str | None = None
    running: str | None = None
    age: str | None = None

    def answers(self) -> dict[str, str]:
        """The answered questions as URL parameters, in question order."""
        return {k: v for k in KEYS if (v := getattr(self, k))}

    @property
    def complete(self) -> bool:
        return all(getattr(self, k) for k in KEYS)

    @property
    def needs_help(self) -> bool:
        return self.signs == "yes"

    def tags(self) -> set[PopulationTag]:
        """The groups in the base that describe the reader."""
        tags = set()
        if self.pain == "long-lasting":
            tags.add(PopulationTag.CHRONIC_LBP)
        if self.pain == "none":
            tags.add(PopulationTag.HEALTHY_ADULTS)
        if self.running == "runs":
            tags.add(PopulationTag.RUNNERS)
        if self.age == "over-45":
            tags.add(PopulationTag.MIDDLE_AGED)
        if self.age == "under-18":
            tags.add(PopulationTag.CHILDREN)
        return tags


def parse(params: Mapping[str, str | None]) -> tuple[Situation, list[str]]:
    """The situation in `params`; unknown answers are dropped and named, never an error."""
    answers, ignored = {}, []
    for q in QUESTIONS:
        value = params.get(q.key)
        if not value:
            continue
        if value in q.options:
            answers[q.key] = value
        else:
            ignored.append(f"{q.key}={value}")
    return Situation(**answers), ignored


def next_question(situation: Situation) -> Question | None:
    """The first unanswered question; none once the guide can answer (or must route to help)."""
    if situation.needs_help:
        return None
    return next((q for q in QUESTIONS if not getattr(situation, q.key)), None)


# ---- Who was studied, in plain words -------------------------------------------------------

# "{}" is who was studied, e.g. "40 people aged 18 to 45".
_DESIGN_WORDS = {
    Design.RCT: "A trial of {}",
    Design.COHORT: "A study that followed {}",
    Design.CROSS_SECTIONAL: "A one-time study of {}",
    Design.SYSTEMATIC_REVIEW_META_ANALYSIS: "A review of {}",
    Design.SYSTEMATIC_REVIEW: "A review of {}",
    Design.NARRATIVE_REVIEW: "An overview article on {}",
    Design.MODELLING: "A world-wide estimate for {}",
    Design.MIXED_METHODS: "A survey with interviews of {}",
    Design.CASE_SERIES: "A case series of {}",
    Design.ANIMAL: "A study in animals",
}
_GROUP_WORDS = {
    PopulationTag.CHRONIC_LBP: "people with long-term back pain",
    PopulationTag.HEALTHY_ADULTS: "healthy adults",
    PopulationTag.RUNNERS: "runners",
    PopulationTag.MIDDLE_AGED: "middle-aged adults",
    PopulationTag.GENERAL_POPULATION: "people in general",
    PopulationTag.CHILDREN: "children and teens",
}
_AGE_RE = re.compile(r"^(about |mean )?(\d+)(?:\s*-\s*(\d+)| or younger)?$")
_WEEKS_RE = re.compile(r">\s*(\d+)\s*weeks")
# The record's own words that the study left out people who already ran.
_NO_RUNNERS_RE = re.compile(r"running were (not eligible|excluded)", re.IGNORECASE)


def age_span(study: Study) -> tuple[int, int] | None:
    """(youngest, oldest) the study took, when its age_range says so; a mean alone gives None."""
    match = _AGE_RE.match((study.age_range or "").strip())
    if not match or match.group(1) == "mean ":
        return None
    low = int(match.group(2))
    if match.group(3):
        return low, int(match.group(3))
    return (0, low) if "younger" in study.age_range else None


def _ages(study: Study) -> str:
    text = (study.age_range or "").strip()
    match = _AGE_RE.match(text)
    if not match:
        return ""
    about, low, high = match.groups()
    if about == "mean ":
        return f", average age {low}"
    if "younger" in text:
        return f" aged {low} or younger"
    return f" aged {'about ' if about else ''}{low} to {high}" if high else ""


def excluded_runners(study: Study, base: EvidenceBase | None = None) -> bool:
    """The record (or another paper of the same trial) says people who already ran could not take part."""
    papers = [study]
    if base is not None and study.registration:
        papers = [s for s in base.studies.values() if s.registration == study.registration]
    return any(_NO_RUNNERS_RE.search(" ".join([s.population, *s.caveats])) for s in papers)


def _groups(study: Study) -> list[str]:
    weeks = _WEEKS_RE.search(study.condition or "")
    words = dict(_GROUP_WORDS)
    if weeks:
        words[PopulationTag.CHRONIC_LBP] = f"people with back pain for more than {weeks.group(1)} weeks"
    return [words[t] for t in study.populations]


def who_was_studied(study: Study, base: EvidenceBase | None = None) -> str:
    """'A trial of 40 people aged 18 to 45. It was about people with back pain for more than 12 weeks.
    People who already ran were left out.', from the record's design, size, ages, groups and condition."""
    if study.studies_included:
        people = f"{study.studies_included} studies"
    elif study.sample_size:
        people = f"{study.sample_size:,} people{_ages(study)}"
    else:
        people = f"people{_ages(study)}"
    sentences = [_DESIGN_WORDS.get(study.design, "A study of {}").format(people) + ".",
                 f"It was about {_join(_groups(study))}."]
    if excluded_runners(study, base):
        sentences.append("People who already ran were left out.")
    return " ".join(sentences)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# ---- Which take-homes apply, and why ---------------------------------------------------------

@dataclass(frozen=True)
class Applies:
    claim: TakeHome
    matched: tuple[PopulationTag, ...]  # the reader's groups this take-home is about; () for "people in general"
    studies: tuple[Study, ...]  # the studies behind it that took people (one per trial)
    cautions: tuple[str, ...]  # where those studies differ from the reader

    @property
    def why(self) -> str:
        if self.matched:
            return f"Why it applies: it covers {_join([_GROUP_WORDS[t] for t in self.matched])}."
        return "Why it is here: it is about people in general, not a group like you."

    def who(self, base: EvidenceBase) -> list[str]:
        return [who_was_studied(s, base) for s in self.studies]


@dataclass(frozen=True)
class Guide:
    situation: Situation
    take_homes: list[Applies]  # about people like the reader
    general: list[Applies]  # about people in general, when few are about the reader
    unknowns: list[str]
    left_out: int  # take-homes about discs on scans only, not shown here
    limits: str = LIMITS

    @property
    def claims(self) -> list[TakeHome]:
        return [a.claim for a in self.take_homes + self.general]


def people_studies(claim: TakeHome, base: EvidenceBase) -> list[Study]:
    """The studies behind `claim` that took people, one per trial (papers of the same trial share a registration)."""
    seen, chosen = set(), []
    for sid in claim.studies:
        study = base.studies.get(sid)
        if study is None or study.design is Design.PROTOCOL or not (study.sample_size or study.studies_included):
            continue
        trial = study.registration or study.id
        if trial not in seen:
            seen.add(trial)
            chosen.append(study)
    return chosen


def _cautions(situation: Situation, studies: list[Study], base: EvidenceBase) -> list[str]:
    if not studies:
        return []
    out = []
    span = _AGE_SPAN.get(situation.age or "")
    spans = [age_span(s) for s in studies]
    if span and spans and all(s is not None for s in spans) and all(s[1] < span[0] or s[0] > span[1] for s in spans):
        out.append(f"But: these studies did not take people your age ({situation.age and _age_words(situation.age)}).")
    tags = [set(s.populations) for s in studies]
    if situation.pain == "long-lasting" and not any(PopulationTag.CHRONIC_LBP in t for t in tags):
        out.append("But: none of these studies was about people with long-lasting back pain.")
    if situation.pain == "recent" and any(PopulationTag.CHRONIC_LBP in t for t in tags):
        out.append("But: the people in these studies had back pain for longer than you have.")
    if situation.pain == "none" and all(t == {PopulationTag.CHRONIC_LBP} for t in tags):
        out.append("But: these studies were about people with back pain.")
    if situation.running == "runs" and any(excluded_runners(s, base) for s in studies):
        out.append("But: the trial left out people who already ran, like you.")
    if situation.running in ("start", "no") and all(t == {PopulationTag.RUNNERS} for t in tags):
        out.append("But: these studies were about people who already ran.")
    return out


def _age_words(age: str) -> str:
    return BY_KEY["age"].options[age].lower()


def _applies(claim: TakeHome, matched: Iterable[PopulationTag], situation: Situation, base: EvidenceBase) -> Applies:
    studies = people_studies(claim, base)
    return Applies(claim, tuple(matched), tuple(studies), tuple(_cautions(situation, studies, base)))


def _order(claim: TakeHome, matched: int) -> tuple:
    return (-matched, claim.bottom_line or 99, -claim.certainty.rank)


def unknowns(situation: Situation, base: EvidenceBase) -> list[str]:
    """What the base cannot say for this situation, each derived from what the studies did."""
    trials = [s for s in base.studies.values() if s.design is Design.RCT and "run" in (s.exposure or "").lower()
              and {Topic.PAIN, Topic.DISABILITY} & set(s.topics)]
    out = []
    if situation.pain == "recent":
        weeks = {m.group(1) for s in trials if (m := _WEEKS_RE.search(s.condition or ""))}
        out.append("No study here tested running for back pain that started in the last few months."
                   + (f" The running trial took people who had pain for more than {min(weeks)} weeks." if weeks else ""))
    span = _AGE_SPAN.get(situation.age or "")
    if span:
        in_age = [s for s in trials if (a := age_span(s)) and not (a[1] < span[0] or a[0] > span[1])]
        if not in_age:
            ages = sorted({age_span(s) for s in trials if age_span(s)})
            took = f" It took people aged {ages[0][0]} to {ages[0][1]}." if len(ages) == 1 else ""
            out.append(f"No trial of running for back pain took people your age.{took}")
    if situation.running == "runs" and trials and all(excluded_runners(s, base) for s in trials):
        out.append("The trial left out people who already ran. We don't know if its results hold for runners.")
    if situation.pain == "none":
        prevent = [s for s in base.studies.values() if s.design is Design.RCT
                   and PopulationTag.CHRONIC_LBP not in s.populations]
        if not prevent:
            out.append("No trial here tested if running stops back pain from starting. Those studies only looked "
                       "for links.")
    comparators = {(s.comparator or "").lower() for s in trials}
    if comparators and all("waitlist" in c for c in comparators):
        out.append("The trial compared running with waiting. We don't know if running is better than other "
                   "exercise.")
    weeks_long = {m.group(1) for s in trials if (m := re.search(r"(\d+)-week", s.exposure or ""))}
    if len(weeks_long) == 1:
        out.append(f"The trial lasted {weeks_long.pop()} weeks. We don't know what happens over years.")
    return out


def guide(base: EvidenceBase, situation: Situation) -> Guide:
    """The take-homes that apply to `situation`, most specific first, with why and what is not known."""
    tags = situation.tags()
    candidates = [c for c in base.take_homes.values() if not set(c.topics) <= DISC_ONLY]
    left_out = sum(1 for c in base.take_homes.values() if set(c.topics) <= DISC_ONLY and set(c.populations) & tags)
    specific = sorted(((c, [t for t in c.populations if t in tags]) for c in candidates if set(c.populations) & tags),
                      key=lambda pair: _order(pair[0], len(pair[1])))
    take_homes = [_applies(c, matched, situation, base) for c, matched in specific]
    general = []
    if len(take_homes) < FEW:
        shown = {a.claim.id for a in take_homes}
        general = [_applies(c, (), situation, base) for c in sorted(candidates, key=lambda c: _order(c, 0))
                   if PopulationTag.GENERAL_POPULATION in c.populations and c.id not in shown]
    return Guide(situation, take_homes, general, unknowns(situation, base), left_out)


def guide_texts(result: Guide, base: EvidenceBase) -> list[str]:
    """Every passage the guide writes itself (the take-homes' own statements are graded elsewhere)."""
    texts = [*(q.prompt for q in QUESTIONS), *(q.help for q in QUESTIONS if q.help), LIMITS, *INTRO.values()]
    for applies in result.take_homes + result.general:
        texts += [applies.why, *applies.who(base), *applies.cautions]
    return texts + result.unknowns


INTRO = {
    "start": "Answer a few questions. We will show what the research says about people like you.",
    "help": "You said you have a warning sign. Please see a doctor or physiotherapist before you run again.",
    "none": "No take-home in this base is about a group like you.",
    "general": "Few studies here were about people like you. So here is what is known about people in general.",
    "left_out": "Studies of discs on scans are left out here, as they did not measure pain.",
}


# The answer's headings, the app's and the plain pages' (components/situation_view.py, evidence/site/pages.py).
HEADINGS = {
    "for_you": "What the research says for people like you",
    "general": "About people in general",
    "not_known": "What is not known for you",
    "who": "Who the studies took",
    "nothing_more": "Nothing more to add.",
}


def answers_text(situation: Situation) -> list[str]:
    """'Do you run? No, but I want to start.' for each answered question."""
    return [f"{q.prompt} {q.options[v]}." for q in QUESTIONS if (v := getattr(situation, q.key))]
