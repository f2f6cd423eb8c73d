"""The site map in components/site.py and the pages/ folder agree: one file per page, named after its URL.

Why the names must match: a fresh process routes its first request by the file names in pages/ (Streamlit's
legacy discovery), and each page file hands that bare run to app.py with `enter()` (components/frame.py;
docs/decisions.md, cold start). A page whose file is named otherwise, or that does not call `enter()` first,
would be drawn bare, without navigation or frame, to the first visitor of its link.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from components.site import BY_PATH, PAGES

ROOT = Path(__file__).resolve().parents[2]
URL_PATHS = {p.url_path for p in PAGES}
# Mirrors streamlit.source_util.PAGE_FILENAME_REGEX and page_icon_and_name(): "01_My page.py" -> "My_page".
LEGACY_NAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def legacy_page_name(file: str) -> str:
    number, name = LEGACY_NAME.fullmatch(Path(file).name).groups()
    return re.sub(r"[_ ]+", "_", name).strip() or number


def page_files() -> set[str]:
    return {str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py")}


def test_every_page_on_the_site_map_has_its_file_and_every_file_is_on_the_map():
    on_map = {p.file for p in PAGES}
    missing, stray = on_map - page_files(), page_files() - on_map
    assert not missing, f"components/site.py lists pages with no file: {sorted(missing)}; add pages/<url_path>.py"
    assert not stray, (f"pages/ holds files that components/site.py does not list: {sorted(stray)}; "
                       "name a page's file after its url_path and add a PageSpec for it")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
def test_the_legacy_router_finds_each_page_by_its_url_path(page):
    """The name Streamlit's legacy discovery gives the file is the URL path it routes to that file."""
    assert legacy_page_name(page.file) == page.url_path


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
def test_each_page_file_calls_enter_right_after_its_imports(page):
    tree = ast.parse((ROOT / page.file).read_text(encoding="utf-8"))
    body = [n for n in tree.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    first = next(n for n in body if not isinstance(n, (ast.Import, ast.ImportFrom)))
    assert ast.unparse(first) == "enter()", (
        f"{page.file}: the first statement after the imports must be enter() (components/frame.py), "
        f"not {ast.unparse(first)[:60]!r}")
    assert any(isinstance(n, ast.ImportFrom) and n.module == "components.frame"
               and [a.name for a in n.names] == ["enter"] for n in body)


def test_url_paths_are_unique_and_indexed():
    assert len(URL_PATHS) == len(PAGES)
    assert set(BY_PATH) == URL_PATHS and all(BY_PATH[p.url_path] is p for p in PAGES)


def test_exactly_one_default_page():
    assert [p.url_path for p in PAGES if p.default] == ["home"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
def test_url_paths_are_url_safe_slugs(page):
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", page.url_path)


def test_the_legacy_name_mirror_matches_streamlit():
    source_util = pytest.importorskip("streamlit.source_util")
    for name in ("findings.py", "01_findings.py", "take-homes.py", "take_homes.py", "2 - My page.py"):
        assert legacy_page_name(name) == source_util.page_icon_and_name(Path(name))[1]
