"""Each page reads exactly the URL parameters its PageSpec lists (and so the README's table documents):
the site map is what the pages really understand, not a hope. url_state records every key a run reads."""

from __future__ import annotations

import pytest

from components.site import PAGES
from tests.app.apptest_helpers import open_view


def _read(url_path: str, **params: str) -> set[str]:
    at = open_view(url_path, **params)
    assert not at.exception, [e.value for e in at.exception]
    return set(at.session_state["_url_run"]["read"])


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_a_page_reads_the_parameters_its_spec_lists(spec):
    read = _read(spec.url_path)
    if "present" in spec.keys:
        read |= _read(spec.url_path, present="1")
    assert read == set(spec.keys)
