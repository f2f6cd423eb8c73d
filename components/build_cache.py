"""One cache for what is built from the evidence base and costly to build again: download bytes (PDFs, chart
images) and the text of cards. Keyed on the base's version by construction, bounded, least recently used out
first, safe across the sessions' threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import nullcontext
from typing import Callable, Generic, Hashable, TypeVar

from evidence import EvidenceBase

T = TypeVar("T")
_MISSING = object()


class BuildCache(Generic[T]):
    """`get(evidence, key, build)`: what `build()` returned for this base version and key, built once.

    `one_build_at_a_time` serialises the builds (a Chromium render on a two-core server); a request that waited
    finds what the one before it built.
    """

    def __init__(self, size: int, *, one_build_at_a_time: bool = False) -> None:
        self._size = size
        self._items: OrderedDict[tuple, T] = OrderedDict()
        self._lock = threading.Lock()
        self._build_lock = threading.Lock() if one_build_at_a_time else None

    def _hit(self, key: tuple) -> T | object:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return _MISSING

    def get(self, evidence: EvidenceBase | None, key: Hashable, build: Callable[[], T]) -> T:
        """`evidence` None only where the key is the whole input itself (a chart's figure as JSON)."""
        full = (evidence.version if evidence is not None else None, key)
        if (value := self._hit(full)) is not _MISSING:
            return value  # type: ignore[return-value]
        with self._build_lock or nullcontext():
            if (value := self._hit(full)) is not _MISSING:
                return value  # type: ignore[return-value]
            value = build()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
