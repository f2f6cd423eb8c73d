"""Two replicas behind HAProxy (tools/serve-scaled.sh, as `make serve-scaled` starts them): a deep link,
the share panel's QR image and a download all work through the proxy.

Why affinity is tested: Streamlit serves media (QR images, downloads) over plain HTTP from the replica
that holds the session, so every request of a tab must reach that replica. HAProxy's cookie does that;
the last test shows the same media URL is a 404 on the other replica.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.share import LABEL

from .helpers import assert_no_exception, findings_count, new_context, open_view, serve_scaled

REPLICAS = 2
COOKIE = "RB_REPLICA"
QR_ALT = "QR code of the link above"


@pytest.fixture(scope="module")
def proxy_url():
    # No warm-up: the proxy tests must not depend on it either.
    with serve_scaled(REPLICAS) as (url, _):
        yield url


@pytest.fixture
def proxied(browser, proxy_url):
    context = new_context(browser, proxy_url)
    yield context.new_page()
    context.close()


def _replica_cookie(page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert COOKIE in cookies, f"HAProxy set no affinity cookie: {cookies}"
    return cookies[COOKIE]


def test_deep_link_through_the_proxy(proxied):
    page = open_view(proxied, "/findings?topic=pain")
    assert_no_exception(page)
    assert page.get_by_role("dialog").filter(has_text="Page not found").count() == 0
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Findings")
    n, m = findings_count(page)
    assert 0 < n < m
    assert _replica_cookie(page).startswith("replica")


def test_qr_image_loads_through_the_proxy_only_from_its_own_replica(proxied, proxy_url, browser):
    page = open_view(proxied, "/take-homes?topic=pain")
    page.get_by_role("button", name=LABEL).click()
    image = page.get_by_test_id("stPopoverBody").get_by_role("img", name=QR_ALT)
    expect(image).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    source = image.get_attribute("src")
    assert "/media/" in source, source

    own = _replica_cookie(page)
    response = page.context.request.get(source)
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    # The same URL asked of the other replica: that process never saw this session's media.
    other = next(f"replica{i}" for i in range(1, REPLICAS + 1) if f"replica{i}" != own)
    stranger = new_context(browser, proxy_url)
    try:
        stranger.add_cookies([{"name": COOKIE, "value": other, "url": proxy_url}])
        assert stranger.request.get(source).status == 404, "media was found on a replica without the session"
    finally:
        stranger.close()


def test_download_through_the_proxy(proxied):
    page = open_view(proxied, "/prevalence")
    assert_no_exception(page)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Data as CSV").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert info.value.suggested_filename.endswith(".csv")
    assert len(rows) > 1 and len(rows[0]) > 1, rows[:2]


def test_plain_pages_through_the_proxy_with_javascript_off(browser, proxy_url):
    """The plain pages come from every replica's own copy (static/plain/), so any replica serves them."""
    from evidence.site import addresses
    context = new_context(browser, proxy_url, java_script_enabled=False)
    try:
        page = context.new_page()
        response = page.goto("/" + addresses.SERVED_AT + addresses.GET_HELP)
        assert response.status == 200 and response.headers["content-type"].startswith("text/html")
        expect(page.locator("h1")).to_have_text("When to get help")
        # The host's robots.txt is the plain pages' (Streamlit would answer with its HTML page).
        robots = page.goto("/robots.txt")
        assert robots.headers["content-type"].startswith("text/plain"), robots.headers
        assert f"/{addresses.SERVED_AT}sitemap.xml" in robots.text()
    finally:
        context.close()
