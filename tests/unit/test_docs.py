"""The README's table of link parameters is tested, Datasette-style: a parameter a page understands must be
documented, with the pages that read it, and nothing may be documented that no page reads."""

from __future__ import annotations

import re
from pathlib import Path

from components.site import PAGES
from evidence.facets import FINDINGS_FACETS, REFERENCE_FACETS

README = Path(__file__).resolve().parents[2] / "README.md"


def documented() -> dict[str, set[str]]:
    """{parameter: {page titles}} from the README's table under '## Links'."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Links", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z]+)` \| ([^|]+) \|", section, flags=re.MULTILINE)
    assert rows, "no parameter table found under '## Links'"
    return {key: {title.strip() for title in pages.split(", ")} for key, pages in rows}


def understood() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for spec in PAGES:
        for key in spec.keys:
            found.setdefault(key, set()).add(spec.title)
    return found


def test_every_parameter_a_page_understands_is_documented_with_its_pages():
    docs, pages = documented(), understood()
    missing = sorted(set(pages) - set(docs))
    assert not missing, f"README.md's parameter table lacks {missing}"
    for key, titles in pages.items():
        assert docs[key] == titles, \
            f"README says `{key}` is read by {sorted(docs[key])}, the site map says {sorted(titles)}"


def test_nothing_is_documented_that_no_page_reads():
    assert sorted(set(documented()) - set(understood())) == []


def test_the_facets_are_the_pages_filter_parameters():
    by_path = {p.url_path: p for p in PAGES}
    assert {f.key for f in FINDINGS_FACETS} <= set(by_path["findings"].keys)
    assert {f.key for f in REFERENCE_FACETS} == set(by_path["references"].keys)
