"""Shared pytest setup for the whole suite.

Markers come from the directory a test lives in, never by hand:
tests/unit/** -> unit, tests/app/** -> app, tests/browser/** -> browser
(tests/browser/test_image.py is also marked `image` by hand: `make image-test` runs just that)
(the markers are registered in pyproject.toml). So `pytest -m browser` and friends just work.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from tests.postgres import Cluster, postgres_url_from_env

TESTS = Path(__file__).resolve().parent
DIRECTORY_MARKERS = ("unit", "app", "browser")

# Readers' reports sent by any test (AppTest, a browser test's server) go to a throwaway SQLite file, never to the
# curator's database (evidence/reports/store.py); a test that wants another one sets its own.
_REPORTS_DIR = tempfile.mkdtemp(prefix="reports-tests-")
atexit.register(shutil.rmtree, _REPORTS_DIR, ignore_errors=True)
os.environ.pop("REPORTS_DATABASE_URL", None)
os.environ["REPORTS_DATABASE_PATH"] = str(Path(_REPORTS_DIR) / "reports.sqlite3")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        try:
            parts = Path(item.path).resolve().relative_to(TESTS).parts
        except ValueError:
            continue  # not under tests/ (e.g. benchmarks/)
        if len(parts) > 1 and parts[0] in DIRECTORY_MARKERS:
            item.add_marker(getattr(pytest.mark, parts[0]))


# ---- PostgreSQL (tests/postgres.py) ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A PostgreSQL server of the tests' own, which a test may stop and start."""
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def postgres_url(request: pytest.FixtureRequest) -> str:
    """REPORTS_TEST_POSTGRES_URL if set (a server someone else runs), else the tests' own cluster's."""
    return postgres_url_from_env() or request.getfixturevalue("postgres_cluster").url
