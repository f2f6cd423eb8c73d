"""Shared pytest setup for the whole suite.

Markers come from the directory a test lives in, never by hand:
tests/unit/** -> unit, tests/app/** -> app, tests/browser/** -> browser
(tests/browser/test_image.py is also marked `image` by hand: `make image-test` runs just that)
(the markers are registered in pyproject.toml). So `pytest -m browser` and friends just work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DIRECTORY_MARKERS = ("unit", "app", "browser")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        try:
            parts = Path(item.path).resolve().relative_to(TESTS).parts
        except ValueError:
            continue  # not under tests/ (e.g. benchmarks/)
        if len(parts) > 1 and parts[0] in DIRECTORY_MARKERS:
            item.add_marker(getattr(pytest.mark, parts[0]))
