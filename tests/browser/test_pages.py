"""Every page of components.site.PAGES in a real browser: renders, is accessible at 1280 and 390 px in the system's
light and dark colour schemes, fits a phone.

Each page is loaded once per width and checked in both schemes: the desktop tab opens it light and the system then
turns dark, the phone tab opens it dark and then turns light, so both a first draw and a switch are checked in
each scheme without loading a page twice."""

from __future__ import annotations

import pytest

from components.site import BY_PATH, PAGES

from .helpers import (
    DESKTOP, PHONE, PHONE_OPTIONS, SCHEMES, assert_no_exception, assert_served, axe, describe_violations,
    horizontal_overflow, in_scheme, new_context, open_view, page_path, screenshot, whole_page_on_screen,
)

BLOCKING_IMPACTS = ("serious", "critical")

# Every page as a bare link opens it (Claim check and Study open on their summaries), plus views a bare link no
# longer shows: the full list of checked claims (the Claim check's bare page before issue #11).
VIEWS = [(spec, page_path(spec)) for spec in PAGES] + [(BY_PATH["claim-check"], "/claim-check?claims=all")]


def _view_id(view) -> str:
    spec, path = view
    return spec.url_path + (path[path.index("?"):] if "?" in path else "")


def _visit(page, path: str, scheme: str) -> None:
    """Open `path` with the system in `scheme`, the one each tab's pages are first drawn in."""
    page.emulate_media(color_scheme=scheme)
    open_view(page, path)


@pytest.fixture(scope="module")
def desktop_page(browser, server_url):
    """One desktop tab that visits every page in turn. Each visit is a full page load, so a new
    Streamlit session; sharing the tab only saves the browser's start-up work per page (about 40%
    of a page load), which matters on CI's two cores. Tests that need a fresh browser profile use
    the `new_page` fixture instead."""
    context = new_context(browser, server_url, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module", params=VIEWS, ids=_view_id)
def desktop_view(request, desktop_page):
    """Each page loaded once at 1280x800 with the system light, shared by the read-only tests below."""
    spec, path = request.param
    _visit(desktop_page, path, "light")
    return spec, desktop_page, _view_id(request.param)


def test_page_renders(desktop_view):
    spec, page, name = desktop_view
    screenshot(page, f"{name}-desktop")
    assert_no_exception(page, f"page {spec.url_path!r}")
    assert_served(page, spec)
    h1 = page.locator('[data-testid="stMain"] h1')
    assert h1.count() >= 1, f"page {spec.url_path!r} has no h1 (use st.title)"
    heading = " ".join(h1.first.inner_text().split())
    assert heading and h1.first.is_visible(), f"page {spec.url_path!r}: its h1 {heading!r} is not visible"
    if not spec.default:  # the home page may have a headline of its own instead of "Home"
        assert spec.title.casefold() in heading.casefold(), (
            f"page {spec.url_path!r}: its h1 is {heading!r}; expected it to contain the page title {spec.title!r}"
        )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_page_accessibility(desktop_view, scheme):
    """Regression (issue #24): with the system dark, Streamlit drew its dark theme under our light-theme captions,
    links and badges (axe color-contrast, serious, on every page)."""
    spec, page, name = desktop_view
    _assert_axe_clean(page, spec, f"{name}-{scheme}", f"in the {scheme} scheme", scheme)


@pytest.fixture(scope="module")
def phone_page(browser, server_url):
    """One phone-sized tab (390x844, touch) that visits every page in turn (see desktop_page)."""
    context = new_context(browser, server_url, **PHONE_OPTIONS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module", params=VIEWS, ids=_view_id)
def phone_view(request, phone_page):
    """Every page loaded once at 390x844 (a phone) with the system dark, shared by the phone tests below."""
    spec, path = request.param
    _visit(phone_page, path, "dark")
    return spec, phone_page, _view_id(request.param)


def test_page_fits_a_phone(phone_view):
    spec, page, name = phone_view
    screenshot(page, f"{name}-phone")
    assert_no_exception(page, f"page {spec.url_path!r} on a phone")
    assert_served(page, spec)
    result = horizontal_overflow(page)
    assert not result["overflowing"], (
        f"page {spec.url_path!r} scrolls sideways at {PHONE['width']}px: {result['overflowing']}\n"
        f"widest elements: {result['culprits']}"
    )
    # Streamlit keeps a page link's label on one line and cuts it at the edge (Home's did, issue #10 round 4).
    clipped = page.locator('[data-testid="stPageLink-NavLink"] p').evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert not clipped, f"page link labels cut off at {PHONE['width']}px on {spec.url_path!r}: {clipped}"


@pytest.mark.parametrize("scheme", SCHEMES[::-1])
def test_page_accessibility_on_a_phone(phone_view, scheme):
    """Regression: at 390 px the Claim check's verdict table scrolled sideways in a region a keyboard could not
    reach (axe scrollable-region-focusable, serious)."""
    spec, page, name = phone_view
    _assert_axe_clean(page, spec, f"{name}-phone-{scheme}", f"at {PHONE['width']}px in the {scheme} scheme", scheme)


def _assert_axe_clean(page, spec, name: str, where: str, scheme: str) -> None:
    """axe on the whole page (it judges contrast only on screen, which was the first screen of each page)."""
    in_scheme(page, scheme)
    with whole_page_on_screen(page):
        violations = axe(page, name=name)
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    if blocking:
        screenshot(page, f"{name}-axe")
    assert not blocking, (
        f"page {spec.url_path!r} {where} has {len(blocking)} serious/critical axe violation(s) "
        f"(full report: artifacts/axe/{name}.json):\n{describe_violations(blocking)}"
    )
