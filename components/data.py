"""The one cached loader. Everything on screen reads the base through `base()`."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from evidence import DEFAULT_DIR, EvidenceBase, fingerprint
from evidence.base_cache import build_cached, load_cached
from evidence.query import FindingsIndex

# Tests and benchmarks point the app at another base without touching the shipped one.
BASE_DIR = Path(os.environ.get("EVIDENCE_DIR", DEFAULT_DIR))


# cache_resource, not cache_data: the base is immutable (frozen models), so every session can
# share one object; cache_data would unpickle thousands of records on every rerun.
@st.cache_resource(show_spinner="Loading the evidence base…")
def _load(directory: str, stamp: str) -> EvidenceBase:
    return load_cached(directory)  # validated once per content of the files, kept on disk


def base() -> EvidenceBase:
    """The validated base; reloaded only when a YAML file's name, size or mtime changes."""
    return _load(str(BASE_DIR), fingerprint(BASE_DIR))


@st.cache_resource(show_spinner=False)
def _index(directory: str, stamp: str) -> FindingsIndex:
    return build_cached(directory, "index", lambda: FindingsIndex.build(_load(directory, stamp)), FindingsIndex)


def findings_index() -> FindingsIndex:
    """The facet index of all findings, built once per version of the base."""
    return _index(str(BASE_DIR), fingerprint(BASE_DIR))
