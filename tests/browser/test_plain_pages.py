"""The plain pages as a phone gets them from a plain `streamlit run app.py`: served as HTML at /app/static/plain/,
readable with JavaScript off, axe-clean in both colour schemes, and linked both ways with the explorer."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

from evidence import DEFAULT_DIR, load_base
from evidence.site import addresses
from evidence.site.layout import SITE_NAME, plain_text, sentences

from .helpers import DESKTOP, PHONE_OPTIONS, axe, describe_violations, horizontal_overflow, open_view, screenshot

pytestmark = pytest.mark.browser

BASE = load_base(DEFAULT_DIR)
CLAIM = sorted(BASE.take_homes)[0]
PLAIN = "/" + addresses.SERVED_AT
SAMPLE = [addresses.HOME, addresses.take_home(CLAIM), addresses.GET_HELP, addresses.GLOSSARY, addresses.SITUATION,
          addresses.situation(addresses.situations_worth_a_page()[0]), addresses.study(sorted(BASE.studies)[0])]


def test_the_server_sends_them_as_html_and_the_sitemap_as_xml(server_url):
    for path, kind in ((addresses.HOME, "text/html"), (addresses.take_home(CLAIM), "text/html"),
                       ("sitemap.xml", "xml")):
        with urllib.request.urlopen(server_url + PLAIN + path, timeout=10) as response:
            assert response.status == 200 and kind in response.headers["Content-Type"], (path, response.headers)


def test_a_take_home_reads_on_a_phone_with_javascript_off(new_page):
    page = new_page(java_script_enabled=False, **PHONE_OPTIONS)
    page.goto(PLAIN + addresses.take_home(CLAIM))
    expect(page.locator("main p").filter(has_text=plain_text(BASE.take_homes[CLAIM].statement))).to_be_visible()
    expect(page.get_by_role("link", name="See the warning signs and when to get help")).to_be_visible()
    screenshot(page, "plain-take-home-390")
    page.emulate_media(media="print")  # printed: the text, without the menu
    expect(page.get_by_role("navigation", name="Plain pages")).to_be_hidden()
    expect(page.locator("main p").filter(has_text=plain_text(BASE.take_homes[CLAIM].statement))).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_no_serious_axe_finding_in_either_colour_scheme(new_page, scheme, width):
    options = PHONE_OPTIONS if width == "phone" else {"viewport": DESKTOP}
    page = new_page(color_scheme=scheme, **options)
    found = {}
    for path in SAMPLE:
        page.goto(PLAIN + path)
        blocking = [v for v in axe(page) if v.get("impact") in ("serious", "critical")]
        if blocking:
            found[path] = describe_violations(blocking)
        if width == "phone" and (sideways := horizontal_overflow(page)["overflowing"]):
            found[path] = f"scrolls sideways at 390 px: {sideways}"
    assert not found, found
    if width == "phone":
        page.goto(PLAIN + addresses.HOME)
        screenshot(page, f"plain-home-390-{scheme}")


def test_explore_this_opens_the_same_view_in_the_explorer_and_the_view_links_back(new_page):
    page = new_page()
    page.goto(PLAIN + addresses.take_home(CLAIM))
    page.get_by_role("link", name="Explore this in the evidence explorer").click()
    page.wait_for_url(f"**/take-homes?claim={CLAIM}&v=*")
    open_view(page, f"take-homes?claim={CLAIM}")
    back = page.get_by_role("link", name="Plain page of this view")
    expect(back).to_have_attribute("href", f"{page.url.split('/take-homes')[0]}{PLAIN}{addresses.take_home(CLAIM)}")
    with page.context.expect_page() as opened:  # Streamlit opens a markdown link in a new tab
        back.click()
    expect(opened.value).to_have_title(sentences(BASE.take_homes[CLAIM].statement)[0] + " · " + SITE_NAME)
