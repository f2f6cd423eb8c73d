"""The filter facets, declared once: the findings query, the filter widgets, the URL keys and the README's
table of link parameters all read this.

A facet's `key` is its query parameter and its widget's key (?topic=pain&topic=disability); `options`
maps each stable slug to its label, so renaming a label breaks no shared link.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from .grade import NOT_GRADED
from .kinds import LABELS as KIND_LABELS
from .model import Certainty, Design, Direction, PopulationTag, RecallPeriod, Topic
from .selections import STUDY_ORDERS
from .verdicts import VERDICT_ORDER

MULTI, YEAR_RANGE, TEXT, SINGLE = "multi", "year-range", "text", "single"


@dataclass(frozen=True)
class Facet:
    key: str  # query parameter and widget key
    label: str  # widget label
    kind: str  # MULTI (repeated slugs), YEAR_RANGE (?years=from&years=to), TEXT (free words), SINGLE (one slug)
    options: Mapping[str, str] = field(default_factory=dict)  # slug -> label, for MULTI and SINGLE
    field: str = ""  # the FindingsQuery field it fills (MULTI, TEXT, SINGLE)
    doc: str = ""  # what it does, for the README's table of link parameters
    finding_attr: str = ""  # for MULTI: the Finding attribute it matches (default: `field`)
    name: str = ""  # in "filtered by topic, search" (default: `key`)

    @property
    def matches(self) -> str:
        return self.finding_attr or self.field

    @property
    def active_name(self) -> str:
        return self.name or self.key

    def with_options(self, options: Mapping[str, str]) -> Facet:
        """This facet offering `options`: for a facet whose choices are records of the base."""
        return replace(self, options=options)


def _labels(vocabulary) -> dict[str, str]:
    return {member.value: member.label for member in vocabulary}


SORTS = {"certainty": "Certainty, highest first", "year": "Newest first", "size": "Most participants first"}
CERTAINTY_OPTIONS = {**_labels(Certainty), NOT_GRADED: "Not graded (single-study result)"}

TOPIC = Facet("topic", "Topic", MULTI, _labels(Topic), "topics", "outcome topics to keep")
POPULATION = Facet("population", "Population", MULTI, _labels(PopulationTag), "populations", "groups of people")
DESIGN = Facet("design", "Study design", MULTI, _labels(Design), "designs", "study designs")
DIRECTION = Facet("direction", "Direction", MULTI, _labels(Direction), "directions", "which way results point",
                  finding_attr="direction")
CERTAINTY = Facet("certainty", "Certainty", MULTI, CERTAINTY_OPTIONS, "certainties", "certainty grades",
                  finding_attr="certainty")
YEARS = Facet("years", "Years published", YEAR_RANGE, doc="first and last year published (two values)")
SEARCH = Facet("q", "Search words", TEXT, field="text", doc="words to search for", name="search")
SORT = Facet("sort", "Sort by", SINGLE, SORTS, "sort", "order of results")
PERIOD = Facet("period", "Recall period", MULTI, _labels(RecallPeriod), doc="recall periods of prevalence figures")
# Not `view`: the sidebar carries a parameter to every page that reads it, and How common's ?view=chart|icons would
# then meet a value it does not know.
DISPLAY = Facet("display", "Show findings as", SINGLE, {"cards": "Cards", "table": "A table"},
                doc="`cards` (default) or `table`, one row per finding")

# One page's facets. Those whose choices are records get them from the page (`with_options`).
ARTICLE = Facet("article", "Article", MULTI, doc="articles, by id (repeatable)")
VERDICT = Facet("verdict", "Verdict", MULTI, {v.value: v.label for v in VERDICT_ORDER}, doc="verdicts (repeatable slug)")
FIGURE = Facet("figure", "Pick figures to compare", MULTI, doc="prevalence figures, by id (repeatable)")
VIEW = Facet("view", "Show as", SINGLE, {"chart": "Chart of ranges", "icons": "Out of 100 people"})
SIZE = Facet("size", "Bubble size shows", SINGLE, {"participants": "Participants", "studies": "Number of studies"})
STUDY = Facet("study", "Choose a study", SINGLE)
STUDY_ORDER = Facet("order", "Sort the studies by", SINGLE, STUDY_ORDERS)
KIND = Facet("kind", "Kind of record", MULTI, KIND_LABELS)
RECORD = Facet("record", "Record", SINGLE)

FINDINGS_FACETS: tuple[Facet, ...] = (TOPIC, POPULATION, DESIGN, DIRECTION, CERTAINTY, YEARS, SEARCH, SORT)
REFERENCE_FACETS: tuple[Facet, ...] = (TOPIC, POPULATION, DESIGN, YEARS, SEARCH)
BY_KEY: dict[str, Facet] = {f.key: f for f in (*FINDINGS_FACETS, PERIOD, DISPLAY)}
