"""The links an offline deck and an embedded view give out: the app's own address (for the deck's QR codes,
so they reach the server the visitor used) and a view's link with Streamlit's ?embed=true."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from evidence.outputs.deck import takehome_url
from evidence.links import DEFAULT_ORIGIN, app_root, embed_url, page_url, sibling_url


@pytest.mark.parametrize(("page", "root"), [
    ("http://127.0.0.1:8765/take-homes", "http://127.0.0.1:8765/"),
    ("https://explorer.example.org/take-homes?present=1&slide=2", "https://explorer.example.org/"),
    ("https://example.org/course/back/take-homes", "https://example.org/course/back/"),  # served under a base path
    ("https://example.org/course/back/", "https://example.org/course/back/"),  # the home page under that path
    ("http://localhost:8501", "http://localhost:8501/"),
])
def test_app_root_is_the_origin_and_base_path_of_a_page(page, root):
    assert app_root(page) == root


def test_without_a_browser_the_root_is_the_default_origin():
    assert app_root(page_url(None, "take-homes")) == f"{DEFAULT_ORIGIN}/"


def test_a_deck_built_for_the_root_links_to_that_server():
    assert takehome_url(app_root("https://ex.org/base/take-homes"), "c1") == "https://ex.org/base/take-homes?claim=c1"


def test_sibling_url_still_keeps_host_and_base_path():
    assert sibling_url("https://ex.org/base/take-homes?topic=pain", "glossary?term=x") == \
        "https://ex.org/base/glossary?term=x"


def test_embed_url_adds_the_flag_and_keeps_every_parameter():
    url = "http://127.0.0.1:8765/findings?topic=pain&topic=disability&q=disc%20height&v=2026.11.29"
    embedded = embed_url(url)
    assert embedded == url + "&embed=true"
    query = parse_qs(urlsplit(embedded).query)
    assert query == {"topic": ["pain", "disability"], "q": ["disc height"], "v": ["2026.11.29"], "embed": ["true"]}
    assert embed_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765/?embed=true"
