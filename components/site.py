"""The site map: every page, its file, title and stable URL path, in one place.

`app.py` turns these into `st.Page`s; tests walk the same list, so a page that is
added here is automatically smoke-tested under AppTest and in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence.facets import FINDINGS_FACETS, REFERENCE_FACETS


@dataclass(frozen=True)
class PageSpec:
    title: str
    icon: str
    url_path: str
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
    PageSpec("Home", ":material/home:", "home", "Start", default=True),
    PageSpec("Take-homes", ":material/lightbulb:", "take-homes", "Start",
             keys=("topic", "claim", "present", "slide")),
    PageSpec("Your situation", ":material/person_search:", "my-situation", "Start",
             keys=("signs", "pain", "running", "age")),
    PageSpec("When to get help", ":material/emergency:", "get-help", "Start"),
    PageSpec("Findings", ":material/filter_list:", "findings", "Explore",
             keys=(*FILTER_KEYS, "page", "display")),
    PageSpec("How common is back pain?", ":material/bar_chart:", "prevalence", "Explore",
             keys=("period", "population", "figure", "view", "present", "slide")),
    PageSpec("Evidence map", ":material/grid_on:", "evidence-map", "Explore",
             keys=("size", "cell", "present", "slide")),
    PageSpec("Claim check", ":material/fact_check:", "claim-check", "Explore",
             keys=("article", "verdict", "claim", "claims", "present", "slide")),
    PageSpec("Study", ":material/article:", "study", "Reference", keys=("study", "order")),
    PageSpec("References", ":material/menu_book:", "references", "Reference",
             keys=tuple(f.key for f in REFERENCE_FACETS)),
    PageSpec("Glossary", ":material/dictionary:", "glossary", "Reference", keys=("term", "q")),
    PageSpec("Methods", ":material/science:", "methods", "Reference"),
    PageSpec("What's new", ":material/update:", "whats-new", "Reference", keys=("kind", "record")),
    PageSpec("Accessibility", ":material/accessibility_new:", "accessibility",
             "Reference"),
)

BY_PATH = {p.url_path: p for p in PAGES}
HOME = next(p for p in PAGES if p.default)


def page_for(url_path: str) -> PageSpec:
    """The spec of the page at `url_path`, as `st.navigation` reports it ("" is the home page)."""
    return BY_PATH.get(url_path, HOME)
