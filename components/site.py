"""The site map: every page, its file, title and stable URL path, in one place.

`app.py` turns these into `st.Page`s; tests walk the same list, so a page that is
added here is automatically smoke-tested under AppTest and in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence.facets import FINDINGS_FACETS, REFERENCE_FACETS


@dataclass(frozen=True)
class PageSpec:
    # No file may be named like a url_path: with a pages/ folder present, Streamlit first tries
    # legacy folder discovery, and a file named `findings.py` would then be run for /findings
    # *without* app.py (no navigation, no frame). tests/unit/test_site.py guards this.
    file: str
    title: str
    icon: str
    url_path: str
    section: str
    default: bool = False
    # Query keys this page understands; links to it carry them along (see url_state), and the README's
    # table of link parameters must list each (tests/unit/test_docs.py).
    keys: tuple[str, ...] = ()


FILTER_KEYS = tuple(f.key for f in FINDINGS_FACETS)

PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/bottom_line.py", "Home", ":material/home:", "home", "Start", default=True),
    PageSpec("pages/take_homes.py", "Take-homes", ":material/lightbulb:", "take-homes", "Start",
             keys=("topic", "claim", "present", "slide")),
    PageSpec("pages/my_situation.py", "Your situation", ":material/person_search:", "my-situation", "Start",
             keys=("signs", "pain", "running", "age")),
    PageSpec("pages/get_help.py", "When to get help", ":material/emergency:", "get-help", "Start"),
    PageSpec("pages/findings_explorer.py", "Findings", ":material/filter_list:", "findings", "Explore",
             keys=(*FILTER_KEYS, "page", "display")),
    PageSpec("pages/prevalence_compare.py", "How common is back pain?", ":material/bar_chart:", "prevalence", "Explore",
             keys=("period", "population", "figure", "view", "present", "slide")),
    PageSpec("pages/evidence_map.py", "Evidence map", ":material/grid_on:", "evidence-map", "Explore",
             keys=("size", "cell", "present", "slide")),
    PageSpec("pages/claim_check.py", "Claim check", ":material/fact_check:", "claim-check", "Explore",
             keys=("article", "verdict", "claim", "claims", "present", "slide")),
    PageSpec("pages/study_detail.py", "Study", ":material/article:", "study", "Reference", keys=("study", "order")),
    PageSpec("pages/reference_list.py", "References", ":material/menu_book:", "references", "Reference",
             keys=tuple(f.key for f in REFERENCE_FACETS)),
    PageSpec("pages/glossary_terms.py", "Glossary", ":material/dictionary:", "glossary", "Reference", keys=("term", "q")),
    PageSpec("pages/methods_and_sources.py", "Methods", ":material/science:", "methods", "Reference"),
    PageSpec("pages/whats_new.py", "What's new", ":material/update:", "whats-new", "Reference", keys=("kind", "record")),
    PageSpec("pages/accessibility_statement.py", "Accessibility", ":material/accessibility_new:", "accessibility",
             "Reference"),
)

BY_PATH = {p.url_path: p for p in PAGES}
HOME = next(p for p in PAGES if p.default)


def page_for(url_path: str) -> PageSpec:
    """The spec of the page at `url_path`, as `st.navigation` reports it ("" is the home page)."""
    return BY_PATH.get(url_path, HOME)
