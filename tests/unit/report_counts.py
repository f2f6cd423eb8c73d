"""Counts for the note a change to the reports store ends with: how many reports the store tests wrote and read back
from each backend. Each test's store is counted as it ends (every report still in it, read back from the database);
the totals go to artifacts/report-store-counts.json when the run ends."""

from __future__ import annotations

import atexit
import json
from collections import Counter
from pathlib import Path

ARTIFACT = Path(__file__).resolve().parents[2] / "artifacts" / "report-store-counts.json"
_READ_BACK: Counter[str] = Counter()
_TESTS: Counter[str] = Counter()


def tally(backend: str, store) -> None:
    try:
        _READ_BACK[backend] += len(store.reports(None))
    except Exception:  # noqa: BLE001 - a test that left its database unusable on purpose counts none
        pass
    _TESTS[backend] += 1


@atexit.register
def _write() -> None:
    if _TESTS:
        ARTIFACT.parent.mkdir(exist_ok=True)
        ARTIFACT.write_text(json.dumps({"tests": dict(_TESTS), "reports_read_back": dict(_READ_BACK)}, indent=2))
