"""The site map: every page, its file, title and stable URL path, in one place.

`app.py` turns these into `st.Page`s; tests walk the same list, so a page that is
added here is automatically smoke-tested under AppTest and in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence.facets import FINDINGS_FACETS, REFERENCE_FACETS
from evidence.links import Page


@dataclass(frozen=True)
class PageSpec:
    title: str
    icon: str
    url_path: Page
    section: str
    default: bool = False
    # Query keys this page understands; links to it carry them along (see url_state), and the README's
    # table of link parameters must list each (tests/unit/test_docs.py).
    keys: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        """The page's one file, named after its URL path (tests/unit/test_site.py keeps the two in step)."""
        return f"pages/{self.url_path}.py"


FILTER_KEYS = tuple(f.key for f in FINDINGS_FACETS)

PAGES: tuple[PageSpec, ...] = (
    PageSpec("Home", ":material/home:", Page.HOME, "Start", default=True),
    PageSpec("Take-homes", ":material/lightbulb:", Page.TAKE_HOMES, "Start",
             keys=("topic", "claim", "present", "slide")),
    PageSpec("Your situation", ":material/person_search:", Page.MY_SITUATION, "Start",
             keys=("signs", "pain", "running", "age")),
    PageSpec("When to get help", ":material/emergency:", Page.GET_HELP, "Start"),
    PageSpec("Findings", ":material/filter_list:", Page.FINDINGS, "Explore",
             keys=(*FILTER_KEYS, "page", "display")),
    PageSpec("How common is back pain?", ":material/bar_chart:", Page.PREVALENCE, "Explore",
             keys=("period", "population", "figure", "view", "present", "slide")),
    PageSpec("Evidence map", ":material/grid_on:", Page.EVIDENCE_MAP, "Explore",
             keys=("size", "cell", "present", "slide")),
    PageSpec("Claim check", ":material/fact_check:", Page.CLAIM_CHECK, "Explore",
             keys=("article", "verdict", "claim", "claims", "present", "slide")),
    PageSpec("Study", ":material/article:", Page.STUDY, "Reference", keys=("study", "order")),
    PageSpec("References", ":material/menu_book:", Page.REFERENCES, "Reference",
             keys=tuple(f.key for f in REFERENCE_FACETS)),
    PageSpec("Glossary", ":material/dictionary:", Page.GLOSSARY, "Reference", keys=("term", "q")),
    PageSpec("Methods", ":material/science:", Page.METHODS, "Reference"),
    PageSpec("What's new", ":material/update:", Page.WHATS_NEW, "Reference", keys=("kind", "record")),
    PageSpec("Accessibility", ":material/accessibility_new:", Page.ACCESSIBILITY,
             "Reference"),
)

BY_PATH = {p.url_path: p for p in PAGES}
HOME = next(p for p in PAGES if p.default)


def page_for(url_path: str) -> PageSpec:
    """The spec of the page at `url_path`, as `st.navigation` reports it ("" is the home page)."""
    return BY_PATH.get(url_path, HOME)
