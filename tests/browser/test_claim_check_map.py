"""Claim check and evidence map in a real browser: shared links, a click on the map, screenshots."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from evidence.model import Verdict
from evidence.evidence_map import evidence_map
from tests.shipped import shipped_base

from .helpers import (DESKTOP, PHONE, assert_no_exception, describe_violations, horizontal_overflow,
                      main_axe_blocking, open_view, rerun, screenshot)

BASE = shipped_base()
CELLS = evidence_map(BASE)
CLAIM = next(c for _, c in BASE.article_claims.values() if c.verdict is Verdict.OVERSTATED and c.studies)
CELL = max((c for c in CELLS if not c.is_gap), key=lambda c: len(c.study_ids))


def _study_links(page) -> list[str]:
    hrefs = page.locator('[data-testid="stMain"] a[href*="study?study="]').evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    return [re.search(r"study=([a-z0-9-]+)", h).group(1) for h in hrefs]


@pytest.mark.parametrize("path", ["/claim-check", "/evidence-map"])
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_page_renders_and_fits(new_page, path, size):
    phone = size is PHONE
    page = new_page(viewport=size, **({"is_mobile": True, "has_touch": True} if phone else {}))
    open_view(page, path)
    assert_no_exception(page, path)
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    # plotly.js is loaded lazily on first use: give a cold browser time to fetch it.
    expect(page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first).to_be_visible(timeout=30_000)
    screenshot(page, f"{path.strip('/')}-{'phone' if phone else 'desktop'}-full")
    if phone:
        result = horizontal_overflow(page)
        assert not result["overflowing"], f"{path} scrolls sideways at 390px: {result}"


def test_shared_claim_link_shows_that_claim_in_a_fresh_browser(new_page):
    page = open_view(new_page(), f"/claim-check?claim={CLAIM.id}")
    assert_no_exception(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(CLAIM.reason.split(".")[0], exact=False)).to_be_visible()
    expect(main.get_by_text("The claim in your link")).to_be_visible()
    assert main.get_by_text("Link to this claim").count() == 1, "only the linked claim should be shown"
    assert sorted(set(_study_links(page))) == sorted(set(CLAIM.studies))


def test_shared_cell_link_lists_the_same_studies_in_a_fresh_browser(new_page):
    first = open_view(new_page(), f"/evidence-map?cell={CELL.key}")
    assert_no_exception(first)
    listed = _study_links(first)
    assert sorted(listed) == sorted(CELL.study_ids)
    fresh = open_view(new_page(), f"/evidence-map?cell={CELL.key}")
    assert _study_links(fresh) == listed


def test_stale_cell_link_gives_a_notice(new_page):
    page = open_view(new_page(), "/evidence-map?cell=bogus")
    assert_no_exception(page)
    expect(page.get_by_text("No cell on the map called 'bogus'")).to_be_visible()


# Centre of point `index` of the map's trace named `name`, in page coordinates, found through plotly's own
# axes (the same maths plotly uses to draw it), so the click lands on the bubble whatever the layout.
_POINT_JS = """
([name, key]) => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const trace = gd._fullData.find(t => t.name === name);
  const i = trace.customdata.indexOf(key);
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
  return {x: box.left + xa.d2p(trace.x[i]), y: box.top + ya.d2p(trace.y[i])};
}
"""


def _click_cell(page, cell) -> None:
    # Streamlit may draw the chart more than once while it settles: wait until this trace is in the plot.
    page.wait_for_function(
        "(name) => !!document.querySelector('[data-testid=\"stPlotlyChart\"] .js-plotly-plot')?._fullData"
        "?.some(t => t.name === name)", arg=cell.direction.label, timeout=30_000)
    point = page.evaluate(_POINT_JS, [cell.direction.label, cell.key])
    # Bring the bubble to the middle of the window (clear of Streamlit's sticky header), then measure again.
    page.evaluate("(dy) => { document.querySelector('[data-testid=\"stMain\"]').scrollTop += dy; }",
                  point["y"] - DESKTOP["height"] / 2)
    page.wait_for_timeout(200)
    point = page.evaluate(_POINT_JS, [cell.direction.label, cell.key])
    assert 100 < point["y"] < DESKTOP["height"] - 50, point
    with rerun(page):
        page.mouse.click(point["x"], point["y"])


def test_clicking_a_bubble_puts_the_cell_in_the_url(new_page):
    first, second = [c for c in CELLS if not c.is_gap and len(c.study_ids) == 1][:2]
    page = open_view(new_page(), "/evidence-map")
    # Known app-level issue (reported to the lead, not this page's): the very first session after the server
    # starts shows a "Page not found" dialog over a correctly rendered page. It would swallow the click.
    dialog = page.get_by_role("dialog").filter(has_text="Page not found")
    if dialog.count():
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)
    _click_cell(page, first)
    expect(page).to_have_url(re.compile(rf"[?&]cell={re.escape(first.key)}(&|$)"))
    assert _study_links(page) == list(first.study_ids)
    expect(page.get_by_role("combobox", name="Show a cell")).to_have_value(re.compile(".+"))
    screenshot(page, "evidence-map-after-click")

    _click_cell(page, second)  # a second click on the redrawn (highlighted) map moves the listing along
    expect(page).to_have_url(re.compile(rf"[?&]cell={re.escape(second.key)}(&|$)"))
    assert _study_links(page) == list(second.study_ids)

    fresh = open_view(new_page(), page.url)  # and the URL it wrote reproduces the listing
    assert _study_links(fresh) == list(second.study_ids)


@pytest.mark.parametrize("path", [f"/claim-check?claim={CLAIM.id}", f"/evidence-map?cell={CELL.key}",
                                  "/claim-check?present=1&slide=2", "/evidence-map?present=1"])
def test_deep_links_have_no_serious_axe_violations_in_the_page_body(new_page, path):
    """The page's own content (st main area) under WCAG 2.2 AA; the shared sidebar is covered by test_pages."""
    page = open_view(new_page(), path)
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    if "evidence-map" in path:
        expect(page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first).to_be_visible(timeout=30_000)
    blocking = main_axe_blocking(page)
    details = "\n".join(f"{n.get('html', '')[:160]}\n{n.get('failureSummary')}"
                        for v in blocking for n in v["nodes"][:4])
    assert not blocking, f"{path}:\n{describe_violations(blocking)}\n{details}"
