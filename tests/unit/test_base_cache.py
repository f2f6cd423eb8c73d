"""The on-disk cache of the validated base (evidence/base_cache.py): same base, faster, never stale."""

from __future__ import annotations

import shutil

import pytest

from evidence import DEFAULT_DIR, load_base
from evidence.base_cache import build_cached, cache_dir, content_key, load_cached


@pytest.fixture
def base_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EVIDENCE_CACHE_DIR", str(tmp_path / "cache"))
    return shutil.copytree(DEFAULT_DIR, tmp_path / "base")


def test_a_cached_base_is_the_base_load_base_builds(base_dir):
    first = load_cached(base_dir)
    assert list(cache_dir().glob("base-*.pickle"))
    again = load_cached(base_dir)
    assert again is not first
    assert again == first == load_base(base_dir)


def test_editing_a_file_is_never_served_from_the_cache(base_dir):
    load_cached(base_dir)
    key = content_key(base_dir)
    path = base_dir / "studies.yaml"
    path.write_text(path.read_text().replace("studies:", "studies:\n  - id: Not A Slug", 1))
    assert content_key(base_dir) != key
    edited = load_cached(base_dir)
    assert not edited.ok and edited == load_base(base_dir)


def test_a_corrupt_cache_file_only_means_building_again(base_dir):
    load_cached(base_dir)
    for path in cache_dir().glob("base-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert load_cached(base_dir) == load_base(base_dir)


def test_an_unwritable_cache_still_serves(base_dir, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("EVIDENCE_CACHE_DIR", str(blocker / "cache"))
    assert build_cached(base_dir, "thing", lambda: [1, 2], list) == [1, 2]
