"""Each page reads exactly the URL parameters its PageSpec lists (and so the README's table documents):
the site map is what the pages really understand, not a hope. url_state records every key a run reads."""

from __future__ import annotations

import pytest

from components.site import BY_PATH, PAGES
from urllib.parse import parse_qs, urlsplit

from tests.app.apptest_helpers import links_in, open_filters, open_view


def _read(url_path: str, **params: str) -> set[str]:
    at = open_view(url_path, **params)
    assert not at.exception, [e.value for e in at.exception]
    return set(at.session_state["_url_run"]["read"])


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_a_page_reads_the_parameters_its_spec_lists(spec):
    read = _read(spec.url_path)
    if "present" in spec.keys:
        read |= _read(spec.url_path, present="1")
    assert read == set(spec.keys)


def test_the_sidebar_links_carry_the_parameters_each_page_understands():
    at = open_view("findings", topic=["pain", "disability"], design="rct")
    navs = [h.proto.body for h in at.sidebar.get("html") if h.proto.body.startswith("<nav")]
    assert len(navs) == 1, "one navigation element in the sidebar"
    links = {text: attrs for text, attrs in links_in(navs[0])}
    assert [t for t, a in links.items() if a.get("aria-current") == "page"] == ["Findings"]
    query = {text: parse_qs(urlsplit(attrs["href"]).query) for text, attrs in links.items()}
    assert query["Findings"] == {"topic": ["pain", "disability"], "design": ["rct"]}
    assert query["References"] == {"topic": ["pain", "disability"], "design": ["rct"]}
    assert query["Take-homes"] == {"topic": ["pain", "disability"]}
    assert query["Glossary"] == {} and query["Home"] == {}


def test_filters_carried_to_another_page_keep_their_values():
    """Findings and References both filter by topic and design. Arriving at References with the values the
    sidebar link carried, its own widgets take them (the widgets of the page before are not its widgets)."""
    at = open_view("references")  # a bare page: its filter panel opens, and stays open for this session
    at.switch_page(BY_PATH["findings"].file)
    at.run()
    at.multiselect(key="topic").set_value(["pain"]).run()
    at.multiselect(key="design").set_value(["rct"]).run()
    at.switch_page(BY_PATH["references"].file)  # the query string stays, as the sidebar link carries it
    at.run()
    assert dict(at.query_params) == {"topic": "pain", "design": "rct"}
    assert at.multiselect(key="topic").value == ["pain"] and at.multiselect(key="design").value == ["rct"]
    assert any(m.value.startswith("**2 of ") for m in at.markdown), "the list is filtered"
