"""The site map in components/site.py.

Guarded bug: with a `pages/` folder next to app.py, Streamlit still runs its legacy multipage
discovery, which names each page after its file (`pages/findings.py` -> "findings"). If a file's
name equals one of our `url_path`s, opening /findings (a shared link, a refresh) makes Streamlit
run that file directly, without app.py: no st.navigation, no frame, no shared data loading, a
bare broken page. So `Path(file).stem` must never equal a url_path. (Underscore vs hyphen is
enough to keep them apart: `take_homes.py` is legacy page "take_homes", which is not the
url_path "take-homes".) The legacy name is also checked the way Streamlit derives it: leading
digits and separators are dropped, so `pages/01_findings.py` would collide too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.site import BY_PATH, PAGES
from tools.cold_start_entries import is_entry

ROOT = Path(__file__).resolve().parents[2]
URL_PATHS = {p.url_path for p in PAGES}
# Mirrors streamlit.source_util.PAGE_FILENAME_REGEX and page_icon_and_name(): "01_My page.py" -> "My_page".
LEGACY_NAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def legacy_page_name(file: str) -> str:
    number, name = LEGACY_NAME.fullmatch(Path(file).name).groups()
    return re.sub(r"[_ ]+", "_", name).strip() or number


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
def test_no_page_file_is_named_like_a_url_path(page):
    assert Path(page.file).stem not in URL_PATHS, (
        f"{page.file} is named like a url_path: Streamlit's legacy pages/ discovery would run it without app.py")
    assert legacy_page_name(page.file) not in URL_PATHS
    assert legacy_page_name(page.file).lower() not in {u.lower() for u in URL_PATHS}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
def test_every_page_file_exists(page):
    assert (ROOT / page.file).is_file(), page.file


def test_url_paths_are_unique_and_indexed():
    assert len(URL_PATHS) == len(PAGES)
    assert set(BY_PATH) == URL_PATHS and all(BY_PATH[p.url_path] is p for p in PAGES)


def test_files_are_unique():
    assert len({p.file for p in PAGES}) == len(PAGES)


def test_exactly_one_default_page():
    assert [p.url_path for p in PAGES if p.default] == ["home"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
def test_url_paths_are_url_safe_slugs(page):
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", page.url_path)


def test_every_file_in_pages_is_on_the_site_map():
    """A stray pages/*.py would be picked up by legacy discovery and shown as a page of its own.
    The cold-start entries (pages/<url_path>.py, which only run app.py) are the one exception:
    see tools/cold_start_entries.py."""
    on_map = {str(Path(p.file)) for p in PAGES}
    in_folder = {str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py")
                 if p.name != "__init__.py" and not is_entry(p)}
    assert in_folder <= on_map, in_folder - on_map


def test_the_legacy_name_mirror_matches_streamlit():
    source_util = pytest.importorskip("streamlit.source_util")
    for name in ("findings.py", "01_findings.py", "take_homes.py", "2 - My page.py"):
        assert legacy_page_name(name) == source_util.page_icon_and_name(Path(name))[1]
