"""The validated base (and its findings index), kept on disk between processes, keyed by what it was built from.

Validating 10,000 studies takes seconds; a restart, a second replica or a redeploy of the same
data should not pay it again. The key is the YAML files' content, the code that validates them
(every evidence/*.py) and the year (a year "in the future" becomes valid on 1 January), so a cached
base is exactly the one `load_base` would build now. Anything wrong with the cache (absent,
corrupt, unwritable) only means validating again.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from .load import EvidenceBase, _snapshot_files, _yaml_files, load_base
from .model import _this_year  # the validator's own clock: the only date a validation depends on

T = TypeVar("T")

_CODE = sorted(Path(__file__).parent.glob("*.py"))


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "running-back-evidence"
    return Path(os.environ.get("EVIDENCE_CACHE_DIR", default))


def content_key(directory: Path | str) -> str:
    # The folder too: problems name their files.
    digest = hashlib.sha256(f"{sys.version}|{_this_year()}|{Path(directory).resolve()}".encode())
    # The release snapshots too: the history rules compare the base against them.
    for path in [*_yaml_files(Path(directory)), *_snapshot_files(Path(directory)), *_CODE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building or unpickling a base creates a million objects that all live on; collecting while
    they are made only walks them again and again (at 10k studies, most of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_cached(directory: Path | str) -> EvidenceBase:
    """`load_base(directory)`, from the on-disk cache when the same files were validated before."""
    return build_cached(directory, "base", lambda: load_base(directory), EvidenceBase)


def build_cached(directory: Path | str, name: str, build: Callable[[], T], kind: type[T]) -> T:
    """`build()`, or what it returned before for the same base files and code (e.g. the findings index).

    What is built here lives as long as the process, so it is then moved out of the collector's
    sight (gc.freeze): later collections, run while pages draw, no longer walk its records.
    """
    path = cache_dir() / f"{name}-{content_key(directory)}.pickle"
    with collector_paused():
        built = _read(path, kind)
        if built is None:
            built = build()
            _write(path, built)
    gc.freeze()
    return built


def _read(path: Path, kind: type[T]) -> T | None:
    try:
        built = pickle.loads(path.read_bytes())
    except Exception:  # absent, truncated, or from another version of a dependency: build again
        return None
    return built if isinstance(built, kind) else None


def _write(path: Path, built: object) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".base-", delete=False) as out:
            temporary = Path(out.name)
            pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # atomic: a replica starting alongside never reads half a file
        for old in path.parent.glob(f"{path.name.split('-')[0]}-*.pickle"):  # other years' and versions'
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # a read-only home, a full disk: serve without a cache
        if temporary is not None:
            temporary.unlink(missing_ok=True)
