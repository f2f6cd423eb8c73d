"""Streamlit's DOM as our stylesheets and site script rely on it, in a real browser on the installed Streamlit.

Our CSS (assets/*.css) and the site script (components/theme.py SITE_JS) address Streamlit's own elements by its
DOM hooks: `data-testid` attributes and its `st...` classes. Streamlit does not promise them; a release that
renames one leaves a rule that silently matches nothing (captions grey again, a printed page full of buttons).
So the hooks are read out of the CSS and script text (a new one is covered as soon as it is written), and each
must be drawn on a page that uses it (`WHERE`), or, for a kind of element no page draws yet, still be named by
Streamlit's frontend (`NOT_DRAWN`). `make test-floors` runs this on the lowest declared Streamlit too.
docs/decisions.md says why each hook is styled and when to drop it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit
from PIL import ImageColor
from playwright.sync_api import expect

from evidence import palette
from components.nav import IN_APP
from components.stylesheets import ASSETS
from components.theme import SITE_JS

from .helpers import PHONE_OPTIONS, SCHEMES, assert_no_exception, in_scheme, open_view


def _sources() -> dict[str, str]:
    """Every text that addresses Streamlit's DOM, by where it lives; comments left out."""
    sources = {f"assets/{p.name}": re.sub(r"/\*.*?\*/", "", p.read_text(), flags=re.S)
               for p in sorted(ASSETS.glob("*.css"))}
    sources["components/theme.py SITE_JS"] = re.sub(r"^\s*//.*$", "", SITE_JS, flags=re.M)
    return sources


# A data-testid, with the element it is written on if any (header[data-testid="stHeader"]); a class of Streamlit's
# (.stApp, .st-key-<key> of a keyed container); an attribute naming Streamlit (an iframe's title, say).
_TESTID = re.compile(r'(?<![\w-])([a-z][a-z0-9]*)?\[data-testid=["\']([^"\']+)["\']\]')
_CLASS = re.compile(r"(?<![\w-])(\.st(?:[A-Z][\w-]*|-[\w-]+))")
_ATTRIBUTE = re.compile(
    r'(?<![\w-])([a-z][a-z0-9]*)?\[(?!data-testid)([\w-]+)[~|^$*]?=["\']([^"\']*streamlit[^"\']*)["\']\]', re.I)


def hooks() -> dict[str, list[str]]:
    """Each Streamlit DOM hook (as a CSS selector) and the files that rely on it."""
    found: dict[str, set[str]] = {}
    for source, text in _sources().items():
        selectors = [f'{tag}[data-testid="{testid}"]' for tag, testid in _TESTID.findall(text)]
        selectors += _CLASS.findall(text)
        selectors += [f'{tag}[{name}="{value}"]' for tag, name, value in _ATTRIBUTE.findall(text)]
        for selector in selectors:
            found.setdefault(selector, set()).add(source)
    return {selector: sorted(sources) for selector, sources in sorted(found.items())}


@dataclass(frozen=True)
class View:
    path: str
    phone: bool = False

    def __str__(self) -> str:
        return self.path + (" on a phone" if self.phone else "")


ANY = View("/glossary")  # any page: the frame draws these on every one
HOME = View("/")
PHONE = View("/", phone=True)  # the sidebar starts closed; the toolbar shows (toolbarMode "minimal" hides it wider)
FINDINGS = View("/findings")  # a bare link opens the Filters panel
MAP = View("/evidence-map")
SITUATION = View("/my-situation")
TAKE_HOMES = View("/take-homes")
SLIDES = View("/take-homes?present=1")
REPORT_FORM = View("/take-homes?claim=running-may-ease-back-pain&report=take-home:running-may-ease-back-pain")

# Hook -> a view where the app draws it.
WHERE: dict[str, View] = {
    ".stApp": ANY,
    '[data-testid="stAppViewContainer"]': ANY,
    '[data-testid="stMain"]': ANY,
    '[data-testid="stMainBlockContainer"]': ANY,
    'header[data-testid="stHeader"]': ANY,
    '[data-testid="stSidebar"]': ANY,
    '[data-testid="stSidebarContent"]': ANY,
    '[data-testid="stVerticalBlock"]': ANY,
    '[data-testid="stElementContainer"]': ANY,
    '[data-testid="stLayoutWrapper"]': ANY,
    '[data-testid="stPopover"]': ANY,  # the share panel
    '[data-testid="stCaptionContainer"]': ANY,  # "N of M terms"
    '[data-testid="stPageLink-NavLink"]': HOME,
    '[data-testid="stExpandSidebarButton"]': PHONE,
    '[data-testid="stToolbar"]': PHONE,
    '[data-testid="stExpander"]': FINDINGS,
    '[data-testid="stIconMaterial"]': FINDINGS,  # in the expander's summary
    '[data-testid="stMultiSelect"]': FINDINGS,
    '[data-testid="stSlider"]': FINDINGS,
    '[data-testid="stSliderThumbValue"]': FINDINGS,
    '[data-testid="stTextInput"]': FINDINGS,
    '[data-testid="stSelectbox"]': MAP,
    '[data-testid="stPlotlyChart"]': MAP,
    '[data-testid="stRadio"]': SITUATION,
    '[data-testid="stButton"]': TAKE_HOMES,
    '[data-testid="stBaseButton-secondary"]': TAKE_HOMES,
    '[data-testid="stDownloadButton"]': TAKE_HOMES,  # the handout
    ".st-key-slide_qr": SLIDES,
    '[data-testid="stElementToolbar"]': SLIDES,  # the QR image's
    ".st-key-report_trap_box": REPORT_FORM,  # the report form's bots' box, hidden by assets/report.css
    '[data-testid="stFormSubmitButton"]': REPORT_FORM,
    '[data-testid="stTextArea"]': REPORT_FORM,
}

# Hook -> why no page draws it: kinds of element the print stylesheet hides before any page has one.
NOT_DRAWN: dict[str, str] = {
    '[data-testid="stStatusWidget"]': "drawn only while a script runs",
    '[data-testid="stBottom"]': "drawn only under a chat input, which no page has",
    '[data-testid="stLinkButton"]': "no page has a link button",
    '[data-testid="stNumberInput"]': "no page has a number input",
    '[data-testid="stCheckbox"]': "no page has a checkbox or toggle",
    '[data-testid="stButtonGroup"]': "no page has pills, a segmented control or feedback",
    '[data-testid="stDateInput"]': "no page has a date input",
    '[data-testid="stFileUploader"]': "no page has a file uploader",
}


def test_every_hook_our_css_and_script_rely_on_has_a_page_or_a_reason():
    found = hooks()
    assert '[data-testid="stCaptionContainer"]' in found and '[data-testid="stSidebarContent"]' in found
    unmapped = {selector: sources for selector, sources in found.items()
                if selector not in WHERE and selector not in NOT_DRAWN}
    assert not unmapped, ("Streamlit DOM hooks no test checks: name a page that draws each in WHERE (or why none "
                          f"does in NOT_DRAWN): {unmapped}")
    stale = sorted((set(WHERE) | set(NOT_DRAWN)) - set(found))
    assert not stale, f"hooks no stylesheet or script uses any more: drop them from WHERE/NOT_DRAWN: {stale}"
    assert not set(WHERE) & set(NOT_DRAWN)


def _message(selector: str, where: str) -> str:
    return f"Streamlit no longer renders {selector} on {where} (relied on by {', '.join(hooks()[selector])})"


def _open(new_page, view: View, **options):
    page = open_view(new_page(**PHONE_OPTIONS, **options) if view.phone else new_page(**options), view.path)
    assert_no_exception(page, str(view))
    return page


@pytest.mark.parametrize("view", sorted(set(WHERE.values()), key=str), ids=str)
def test_streamlit_still_draws_every_hook_we_style_where_we_use_it(new_page, view):
    page = _open(new_page, view)
    missing = []
    for selector in (s for s, v in WHERE.items() if v == view):
        try:  # attached, visible or not (a hidden element is still styled); a chart or a widget whose code
            # Streamlit loads on first use is a placeholder for a moment after the run
            expect(page.locator(selector).first).to_be_attached(timeout=15_000)
        except AssertionError:
            missing.append(selector)
    assert not missing, "\n".join(_message(selector, str(view)) for selector in missing)


def _frontend() -> str:
    js = Path(streamlit.__file__).parent / "static" / "static" / "js"
    return "".join(p.read_text(errors="replace") for p in js.glob("*.js"))


def test_hooks_of_elements_no_page_draws_are_still_named_by_streamlits_frontend():
    frontend = _frontend()
    gone = []
    for selector in NOT_DRAWN:
        testid = re.search(r'data-testid="([^"]+)"', selector).group(1)
        if not re.search(rf"[`\"']{re.escape(testid)}[`\"']", frontend):
            gone.append(selector)
    assert not gone, (f"Streamlit {streamlit.__version__}'s frontend no longer names "
                      + ", ".join(f"{s} (relied on by {', '.join(hooks()[s])})" for s in gone))


def _rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*ImageColor.getrgb(colour)[:3])


def test_our_colours_reach_streamlits_captions_and_our_own_html(new_page):
    """The palette's custom properties are defined and the sheets that name them are applied (a <style> the
    browser's sanitizer drops would leave Streamlit's faded grey)."""
    page = _open(new_page, HOME)  # a caption with a link; our navigation, entry points and counts
    caption = page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first
    expect(caption).to_have_css("opacity", "1")
    expect(caption).to_have_css("color", _rgb(palette.CAPTION_INK))
    expect(caption.locator("a").first).to_have_css("color", _rgb(palette.LINK))
    expect(page.locator("ul.entry-points li").first).to_have_css("border-top-color", _rgb(palette.RULE))
    expect(page.locator("p.site-disclaimer")).to_have_css("color", _rgb(palette.CAPTION_INK))


@pytest.mark.parametrize("first", SCHEMES)
def test_streamlit_marks_its_theme_on_stapp_and_our_colours_follow_it_there_and_outside(new_page, first):
    """Our colours are light-dark() pairs resolved by the color-scheme Streamlit gives .stApp from its active theme,
    which the site script passes to the document for what Streamlit draws outside .stApp (the share panel);
    the contrast test (tests/unit/test_palette.py) assumes Streamlit's backgrounds. Opened in one scheme, then the
    system switches to the other: the theme changes without a rerun, and our colours follow it."""
    page = _open(new_page, View("/glossary"), color_scheme=first)
    page.get_by_role("button", name="Share this view").click()
    panel = page.get_by_test_id("stPopoverBody")
    expect(panel).to_be_visible()
    for scheme in (first, *(s for s in SCHEMES if s != first)):
        in_scheme(page, scheme)
        colours = palette.CSS_COLOURS if scheme == "light" else palette.CSS_COLOURS_DARK
        main, sidebar = palette.STREAMLIT_BACKGROUNDS[scheme]
        expect(page.locator(".stApp")).to_have_css("background-color", _rgb(main))
        expect(page.get_by_test_id("stSidebar")).to_have_css("background-color", _rgb(sidebar))
        expect(panel).to_have_css("background-color", _rgb(main))
        expect(page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first).to_have_css(
            "color", _rgb(colours["caption-ink"]))
        expect(page.locator("p.site-disclaimer")).to_have_css("color", _rgb(colours["caption-ink"]))
        expect(page.locator(".prose a").first).to_have_css("color", _rgb(colours["link"]))
        # Outside .stApp: the share panel's box takes a colour of ours, so it shows which scheme it resolved.
        expect(panel).to_have_css("color-scheme", scheme)


def test_the_site_script_finds_the_sidebar_and_a_sidebar_link_moves_without_a_reload(new_page):
    page = _open(new_page, ANY)
    sidebar = page.get_by_test_id("stSidebar")
    # The script's hook: the sidebar's scrolling box takes keyboard focus (components/theme.py).
    expect(page.locator('[data-testid="stSidebarContent"]')).to_have_attribute("tabindex", "0")
    h1 = page.get_by_test_id("stMain").locator("h1").first
    expect(h1).to_contain_text("Glossary")
    page.evaluate("window.__beforeTheClick = true")  # a reload would lose it
    sidebar.locator(f"nav.site-nav a[{IN_APP}]", has_text=re.compile(r"^Methods$")).click()
    page.wait_for_url(re.compile(r"/methods$"))
    expect(h1).to_contain_text("Methods")
    expect(sidebar.locator('a[aria-current="page"]')).to_have_text("Methods")
    assert page.evaluate("window.__beforeTheClick === true"), "the sidebar link reloaded the page"
    assert_no_exception(page)
