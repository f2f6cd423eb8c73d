"""Every kind of record, named once: its slug, label, model, YAML key, page, URL key and export name.

Every other table of kinds (the loader's, the release's, What's new's filter, the report links, the
exports, the counts) is derived from `KINDS`; a new kind is one row here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .links import Page
from .model import Article, ArticleClaim, GlossaryTerm, PrevalenceFigure, Record, Study, TakeHome


@dataclass(frozen=True)
class Kind:
    slug: str  # in release snapshots, history, What's new's ?kind= and report links: "take-home"
    label: str  # on screen, one record: "Take-home"
    plural: str  # on screen, counted: "take-homes"
    model: type[Record]
    yaml_key: str | None  # the key in evidence/data/*.yaml; None for article claims, written inside their article
    field: str  # EvidenceBase's attribute holding them, by id
    page: Page  # the page that shows one
    url_key: str  # the query key that selects one there
    export: str | None  # `python -m evidence export --kind`


KINDS: tuple[Kind, ...] = (
    Kind("study", "Study", "studies", Study, "studies", "studies", Page.STUDY, "study", "studies"),
    Kind("figure", "Prevalence figure", "prevalence figures", PrevalenceFigure, "prevalence", "prevalence",
         Page.PREVALENCE, "figure", "prevalence"),
    Kind("take-home", "Take-home", "take-homes", TakeHome, "claims", "take_homes", Page.TAKE_HOMES, "claim", "claims"),
    Kind("article", "Article", "popular articles", Article, "sources", "articles", Page.CLAIM_CHECK, "article", None),
    Kind("article-claim", "Article claim", "checked claims", ArticleClaim, None, "article_claims", Page.CLAIM_CHECK,
         "claim", "article-claims"),
    Kind("term", "Glossary term", "glossary terms", GlossaryTerm, "glossary", "glossary", Page.GLOSSARY, "term",
         "glossary"),
)

BY_SLUG: dict[str, Kind] = {k.slug: k for k in KINDS}
BY_YAML_KEY: dict[str, Kind] = {k.yaml_key: k for k in KINDS if k.yaml_key}
LABELS: dict[str, str] = {k.slug: k.label for k in KINDS}  # slug -> label, e.g. for a filter's options
# The outcomes of the studies export as rows of their own, beside the kinds.
EXPORTS: tuple[str, ...] = ("studies", "outcomes", *(k.export for k in KINDS[1:] if k.export))
