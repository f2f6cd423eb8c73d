"""The shipped base, loaded once per test session (every test that reads it shares this one object)."""

from __future__ import annotations

from functools import lru_cache

from evidence import DEFAULT_DIR, EvidenceBase, load_base


@lru_cache(maxsize=1)
def shipped_base() -> EvidenceBase:
    return load_base(DEFAULT_DIR)
