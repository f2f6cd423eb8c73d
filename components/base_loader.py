"""The cached loader: everything on screen reads the base through `base()`.

The base is read again only when a YAML file's name, size or mtime changes (`fingerprint`, taken once
a run). Everything derived from it (the findings index, chart figures, exports, reading levels,
handouts) is cached on `base().version`, the content hash the loader stamps on it.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from evidence import DEFAULT_DIR, EvidenceBase, fingerprint
from evidence.base_cache import build_cached, load_cached
from evidence.findings import FindingsIndex


def base_dir() -> Path:
    """The shipped base, or the one $EVIDENCE_DIR points at (tests, benchmarks, a curator's draft)."""
    return Path(os.environ.get("EVIDENCE_DIR", DEFAULT_DIR))


# cache_resource, not cache_data: the base is immutable (frozen models), so every session can
# share one object; cache_data would unpickle thousands of records on every rerun.
@st.cache_resource(show_spinner="Loading the evidence base…")
def _load(directory: str, stamp: str) -> EvidenceBase:
    return load_cached(directory)  # validated once per content of the files, kept on disk


# A run asks for the base a dozen times (cards, links, the share panel); the files are looked at once a run.
_THIS_RUN = "_base_this_run"


def new_run() -> None:
    """Called as a run starts (components/frame.py): the next `base()` looks at the files again."""
    st.session_state.pop(_THIS_RUN, None)


def base() -> EvidenceBase:
    """The validated base, as the files were when this run started."""
    found = st.session_state.get(_THIS_RUN)
    if found is None:
        directory = base_dir()
        found = st.session_state[_THIS_RUN] = _load(str(directory), fingerprint(directory))
    return found


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(version: str, _evidence: EvidenceBase) -> FindingsIndex:
    return build_cached(base_dir(), "index", lambda: FindingsIndex.build(_evidence), FindingsIndex)


def findings_index() -> FindingsIndex:
    """The facet index of all findings, built once per version of the base."""
    evidence = base()
    return _index(evidence.version, evidence)
