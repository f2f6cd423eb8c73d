"""The sidebar navigation (components/nav.py): every page once, in the site map's order, under its section;
the page you are on announced; each link carrying the parameters its page understands."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from components.nav import IN_APP, nav_html
from components.site import BY_PATH, HOME, PAGES
from tests.app.apptest_helpers import links_in

URL = {"topic": ["pain", "disability"], "design": ["rct"], "study": ["a&b"], "term": ["x y"]}


def carried(keys):
    return {k: URL[k] for k in keys if k in URL}


def test_every_page_once_in_site_order_with_only_the_current_one_marked():
    links = links_in(nav_html(BY_PATH["findings"], carried))
    assert [text for text, _ in links] == [spec.title for spec in PAGES]
    assert [text for text, attrs in links if attrs.get("aria-current") == "page"] == ["Findings"]
    assert all(IN_APP in attrs for _, attrs in links), "the site script keeps only marked links inside the app"


def test_sections_name_their_lists():
    html = nav_html(HOME, carried)
    sections = list(dict.fromkeys(spec.section for spec in PAGES))
    for section in sections:
        assert f">{section}</p><ul aria-labelledby=" in html
    assert html.count("<ul") == html.count("</ul>") == len(sections)


def test_each_link_keeps_only_the_parameters_its_page_understands():
    hrefs = {text: attrs["href"] for text, attrs in links_in(nav_html(HOME, carried))}
    assert hrefs["Home"] == "./"  # the app's root under any base path
    for spec in PAGES:
        if spec.default:
            continue
        address = urlsplit(hrefs[spec.title])
        assert address.path == spec.url_path, "relative, so it works under a base path"
        assert parse_qs(address.query) == carried(spec.keys)
    assert parse_qs(urlsplit(hrefs["Findings"]).query) == {"topic": ["pain", "disability"], "design": ["rct"]}
    assert parse_qs(urlsplit(hrefs["Study"]).query) == {"study": ["a&b"]}  # escaped in the HTML, read back whole


def test_the_home_page_entry_points_are_in_app_links_to_their_pages():
    from components.entry_points import _ENTRIES, entry_points_html

    links = links_in(entry_points_html())
    assert [(text, attrs["href"]) for text, attrs in links] == [(BY_PATH[p].title, p) for p, _ in _ENTRIES]
    assert all(IN_APP in attrs for _, attrs in links)
