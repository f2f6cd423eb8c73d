"""Findings: filters come from the URL, counts match the pure query, bad values give a notice."""

import re

from components.base_loader import findings_index
from evidence.findings import PAGE_SIZE, FindingsQuery
from tests.app.apptest_helpers import links_in, open_filters, open_view, prose_html

COUNT = re.compile(r"\*\*(\d+) of (\d+) findings match\*\*")


def shown_count(at) -> tuple[int, int]:
    for md in at.markdown:
        if m := COUNT.search(md.value):
            return int(m.group(1)), int(m.group(2))
    raise AssertionError("no count line on the page")


def test_unfiltered_count_is_every_finding():
    at = open_view("findings")
    matched, total = shown_count(at)
    assert matched == total == len(findings_index().findings)


def test_url_filters_set_widgets_and_narrow_to_the_pure_query():
    at = open_view("findings", topic=["pain"], design=["rct"])
    expected = findings_index().select(FindingsQuery(topics=frozenset({"pain"}), designs=frozenset({"rct"})))
    matched, total = shown_count(at)
    assert matched == len(expected) and 0 < matched < total  # the panel is closed: the URL alone filters
    open_filters(at)
    assert at.multiselect(key="topic").value == ["pain"]
    assert at.multiselect(key="design").value == ["rct"]
    assert shown_count(at) == (matched, total)


def test_unknown_filter_value_is_ignored_with_a_notice():
    at = open_view("findings", topic=["pain", "bogus"], sort="nope")
    assert not at.exception
    notice = " ".join(i.value for i in at.info)
    assert "topic=bogus" in notice and "sort=nope" in notice
    assert open_filters(at).multiselect(key="topic").value == ["pain"]


def test_changing_a_filter_writes_slugs_to_the_url():
    at = open_view("findings")
    at.multiselect(key="topic").set_value(["disc-hydration", "pain"]).run()
    assert at.query_params["topic"] == ["disc-hydration", "pain"]


def test_certainty_filter_not_graded_keeps_only_single_results():
    at = open_view("findings", certainty=["not-graded"])
    matched, _ = shown_count(at)
    assert matched == sum(f.kind == "result" for f in findings_index().findings)


def test_page_beyond_the_end_clamps_with_a_notice():
    at = open_view("findings", page="999")
    assert not at.exception
    assert any("There is no page 999" in i.value for i in at.info)


def test_year_range_from_url_narrows():
    at = open_view("findings", years=["2024", "2026"])
    assert open_filters(at).slider(key="years").value == (2024, 2026)
    matched, _ = shown_count(at)
    expected = findings_index().select(FindingsQuery(year_from=2024, year_to=2026))
    assert matched == len(expected)


def test_cards_are_one_block_with_every_shown_finding_its_references_and_a_link_to_the_next_page():
    at = open_view("findings", topic=["pain"])
    found = findings_index().select(FindingsQuery(topics=frozenset({"pain"})))
    blocks = [html for html in prose_html(at) if '<section class="entry"' in html]
    assert len(blocks) == 1, "the cards come as one server-made block at the page's end"
    shown = found[:PAGE_SIZE]
    anchors = re.findall(r'<section class="entry" id="([^"]+)"', blocks[0])
    assert anchors == [f.id.replace(":", "-") for f in shown]
    assert '<h2 id="references">References on this page</h2>' in blocks[0]
    next_links = [a["href"] for _, a in links_in(blocks[0]) if "page=2" in a["href"]]
    if len(found) > PAGE_SIZE:
        assert next_links == ["findings?topic=pain&page=2"], "the next page keeps the filters"
    else:
        assert not next_links


def test_the_table_view_draws_no_cards():
    at = open_view("findings", display="table")
    assert not [html for html in prose_html(at) if '<section class="entry"' in html]
