"""Parse YAML while remembering where every value came from.

We walk libyaml's event stream ourselves instead of PyYAML's composer: the composer and its
resolver are pure Python and took ~90% of the load time at 10,000 studies. Plain scalars are
resolved with PyYAML's own SafeLoader rules (memoised, since the same enum values repeat), so
the data equals `yaml.safe_load` while each value's line and column is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from yaml.error import MarkedYAMLError

try:  # libyaml's parser; the pure-Python one gives identical events, only slower
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class Located:
    """Plain data from one YAML document plus where each part of it was written."""

    data: Any
    marks: dict[Path, yaml.Mark]  # libyaml's own marks, converted only when a problem is reported
    duplicate_keys: list[tuple[Path, Position]]

    def position_of(self, path: Path) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path and path not in self.marks:
            path = path[:-1]
        mark = self.marks.get(path)
        return Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)


class YamlStructureError(MarkedYAMLError):
    """A well-formed YAML feature this base does not use (several documents, complex keys, bad aliases)."""


_resolver = yaml.resolver.Resolver()
_constructor = yaml.SafeLoader("")


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.tag in (None, "!"):  # the composer's rule: only plain scalars are resolved, quoted ones are text
        return _plain(event.value) if event.implicit[0] else event.value
    node = yaml.ScalarNode(event.tag, event.value, event.start_mark, event.end_mark, event.style)
    return _constructor.construct_object(node)


@lru_cache(maxsize=65_536)
def _plain(value: str) -> Any:
    tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:merge":
        return value  # '<<', handled where the mapping is built
    try:
        return _constructor.construct_object(yaml.ScalarNode(tag, value))
    except (ValueError, yaml.constructor.ConstructorError):
        return value  # looks like a date but is not one (2025-02-30): keep the text, let the model object


def _position(event: yaml.Event) -> Position:
    return Position(event.start_mark.line + 1, event.start_mark.column + 1)


def load_located(text: str) -> Located:
    """Parse `text`; raises yaml.MarkedYAMLError (with a problem_mark) on malformed YAML."""
    builder = _Builder()
    for event in yaml.parse(text, Loader=_Loader):
        builder.feed(event)
    return Located(builder.root, builder.marks, builder.duplicates)


class _Builder:
    """Builds the document from the parser's events, noting where each value sits."""

    def __init__(self) -> None:
        self.root: Any = None
        self.marks: dict[Path, yaml.Mark] = {}
        self.duplicates: list[tuple[Path, Position]] = []
        self.anchors: dict[str, Any] = {}
        # Each open container: [container, its path, key awaiting a value, key position, key mark, merged keys]
        self.stack: list[list[Any]] = []
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.place(_scalar(event), event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self.place(container, event)
            self.stack.append([container, path, _NO_KEY, None, None, set()])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise YamlStructureError(None, None, f"found undefined alias '{event.anchor}'", event.start_mark)
            self.place(self.anchors[event.anchor], event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlStructureError(None, None, "expected a single document in the file", event.start_mark)

    def place(self, value: Any, event: yaml.Event) -> Path:
        """Attach a finished value to the container on top of the stack; return its path."""
        if not self.stack:
            self.root, path = value, ()
        else:
            frame = self.stack[-1]
            if isinstance(frame[0], list):
                path = frame[1] + (len(frame[0]),)
                frame[0].append(value)
            elif frame[2] is _NO_KEY:  # this value is a key
                self._key(frame, value, event)
                return frame[1]
            elif (path := self._value(frame, value)) is None:  # a merge key: nothing new to place
                return frame[1]
        # A block value (a list or mapping under a key) is reported at its key, the line a curator
        # looks for; scalars at the value itself.
        block = isinstance(value, (dict, list)) and self.stack and isinstance(self.stack[-1][0], dict)
        self.marks[path] = self.stack[-1][4] if block else event.start_mark
        if anchor := getattr(event, "anchor", None):
            self.anchors[anchor] = value
        return path

    @staticmethod
    def _key(frame: list[Any], value: Any, event: yaml.Event) -> None:
        if isinstance(value, (dict, list)):
            raise YamlStructureError(None, None, "a mapping or list cannot be used as a key", event.start_mark)
        frame[2], frame[3], frame[4] = value, _position(event), event.start_mark

    def _value(self, frame: list[Any], value: Any) -> Path | None:
        """Set the awaited key's value in the mapping on top; its path, or None for a merge key."""
        container, key, key_pos = frame[0], frame[2], frame[3]
        frame[2] = _NO_KEY
        if key == "<<" and _merge(container, value, frame[5]):  # YAML merge key, as SafeLoader does
            return None
        path = frame[1] + (key,)
        if key in frame[5]:  # overriding a merged key is the point of a merge, not a duplicate
            frame[5].discard(key)
        elif key in container:
            self.duplicates.append((path, key_pos))
        container[key] = value
        return path


def _merge(container: dict, value: Any, merged: set) -> bool:
    """Apply `<<: *anchor` (or a list of them): keys set explicitly win. False if it is not a merge."""
    sources = value if isinstance(value, list) else [value]
    if not sources or not all(isinstance(v, dict) for v in sources):
        return False
    for source in sources:
        for key, item in source.items():
            if key not in container:
                container[key] = item
                merged.add(key)
    return True


class _NoKey:
    """Marks a mapping that is waiting for its next key (None is a valid YAML key)."""


_NO_KEY = _NoKey()
