"""The plain pages (evidence/site/): the copy the app serves is a fresh build; each page has the tags a link preview
and a search engine read, stays inside its byte budget, runs no script, and every link in it leads somewhere."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from evidence import DEFAULT_DIR, load_base
from evidence.site import addresses
from evidence.site.build import SITEMAP, differences, files
from evidence.site.layout import DESCRIPTION_LENGTH
from evidence.site.pages import every_page

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
APP = addresses.DEFAULT_PUBLIC_URL
BUDGET = 60_000  # bytes per page, the target (#24)
BASE = load_base(DEFAULT_DIR)
BUILT = files(BASE, APP)
PAGES = sorted(p for p in BUILT if p.endswith(".html"))


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}  # <link rel=...>
        self.anchors: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.lang = None
        self._title: list[str] | None = None
        self.title = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and (key := a.get("property") or a.get("name")):
            self.meta[key] = a.get("content") or ""
        elif tag == "link":
            self.links[a["rel"]] = a["href"]
        elif tag == "a":
            self.anchors.append(a["href"])
        elif tag == "title":
            self._title = []

    def handle_endtag(self, tag):
        if tag == "title" and self._title is not None:
            self.title, self._title = "".join(self._title), None

    def handle_data(self, data):
        if self._title is not None:
            self._title.append(data)


def read(path: str) -> _Page:
    page = _Page()
    page.feed(BUILT[path].decode("utf-8"))
    return page


def test_the_copy_the_app_serves_is_a_fresh_build():
    found = differences(BASE, ROOT / addresses.STATIC_FOLDER, APP)
    assert not found, f"static/plain/ is stale, run `python -m evidence site`: {found[:5]}"


def test_every_kind_of_page_is_built():
    assert {addresses.HOME, addresses.GET_HELP, addresses.GLOSSARY, addresses.SITUATION, addresses.STUDIES} <= set(PAGES)
    assert {addresses.take_home(c) for c in BASE.take_homes} <= set(PAGES)
    assert {addresses.study(s) for s in BASE.studies} <= set(PAGES)
    assert {addresses.situation(s) for s in addresses.situations_worth_a_page()} <= set(PAGES)
    assert len(addresses.situations_worth_a_page()) == 27


@pytest.mark.parametrize("path", PAGES)
def test_each_page_has_its_preview_tags_and_canonical_address(path):
    page = read(path)
    canonical = APP + addresses.SERVED_AT + path
    assert page.lang == "en" and page.meta["viewport"].startswith("width=device-width")
    assert page.links["canonical"] == canonical == page.meta["og:url"]
    assert page.title.strip() and page.meta["og:title"] and page.title.startswith(page.meta["og:title"])
    assert 20 <= len(page.meta["description"]) <= DESCRIPTION_LENGTH + 1
    assert page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:type"] == "article" and page.meta["og:site_name"] and page.meta["twitter:card"] == "summary"


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_small_runs_no_script_and_fetches_nothing_from_elsewhere(path):
    page = read(path)
    assert len(BUILT[path]) < BUDGET, f"{path}: {len(BUILT[path]):,} bytes"
    assert "script" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert not urlsplit(page.links["icon"]).scheme  # the icon is the site's own


@pytest.mark.parametrize("path", PAGES)
def test_every_link_leads_to_a_built_page_an_anchor_on_it_or_a_view_of_the_explorer(path):
    page = read(path)
    up = "../" * (addresses.SERVED_AT.count("/") + path.count("/"))  # from this page to the app's root
    for href in page.anchors:
        parts = urlsplit(href)
        assert not href.startswith(APP), f"{path}: {href} should be relative, to work on any host"
        if href.startswith(up):
            assert urlsplit(href[len(up):]).path in {p.value for p in addresses.Page}, href
        elif not parts.scheme:
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path))
                assert target in BUILT, f"{path}: {href} leads nowhere"
                if parts.fragment:
                    assert parts.fragment in read(target).ids, f"{path}: no #{parts.fragment} on {target}"
            else:
                assert parts.fragment in page.ids, f"{path}: no #{parts.fragment}"


@pytest.mark.parametrize("path", PAGES)
def test_each_page_carries_the_release_the_disclaimer_the_warning_signs_and_its_view(path):
    text = BUILT[path].decode("utf-8")
    page = read(path)
    meta = BASE.meta
    assert f"Release {meta.version}" in text and f"last reviewed {meta.last_reviewed:%d %B %Y}" in text
    assert meta.disclaimer.split(".")[0] in text
    assert posixpath.relpath(addresses.GET_HELP, posixpath.dirname(path) or ".") in page.anchors
    up = "../" * (addresses.SERVED_AT.count("/") + path.count("/"))
    explore = [h for h in page.anchors if h.startswith(up) and "v=" in h]
    assert explore, f"{path}: no link to the explorer"
    view = urlsplit(explore[-1][len(up):])
    params = dict(parse_qsl(view.query))
    assert params.pop("v") == meta.version
    # The pairing holds both ways: the view's plain page is this page.
    assert addresses.plain_page(view.path, params) == path


def test_a_description_keeps_whole_sentences_so_no_caveat_is_cut_in_half():
    from evidence.site.layout import description
    first = "Running may ease pain a little."
    second = "The gain was smaller than the least change that matters to patients, and the trial was small and short."
    assert description(f"{first} {second} {second}") == f"{first} {second}"
    assert description(f"{first} {second * 2}") == first
    assert description("word " * 100).endswith("…") and len(description("word " * 100)) <= DESCRIPTION_LENGTH
    for claim in BASE.take_homes.values():  # every description is whole sentences of the statement
        text = description(f"{claim.certainty.label} certainty. {claim.statement}")
        assert text.endswith((".", "?", "!")), text


def test_the_sitemap_lists_every_page_once_at_its_canonical_address():
    root = ET.fromstring(BUILT[SITEMAP])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert sorted(locs) == sorted(APP + addresses.SERVED_AT + p for p in PAGES)
    assert {u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)} == {
        f"{BASE.meta.last_reviewed:%Y-%m-%d}"}


def test_a_warning_sign_answer_goes_to_get_help_and_a_partial_one_to_the_questions():
    assert addresses.plain_page("my-situation", {"signs": "yes"}) == addresses.GET_HELP
    assert addresses.plain_page("my-situation", {"signs": "no", "pain": "recent"}) == addresses.SITUATION
    assert addresses.plain_page("findings", {}) is None and addresses.plain_page("take-homes", {}) is None


def test_each_page_is_built_once():
    paths = [p.path for p in every_page(BASE)]
    assert len(paths) == len(set(paths))
