"""Parse YAML while remembering where every value came from.

PyYAML's composed nodes carry start marks; we walk them once, building plain Python
data and a map from each value's path (("studies", 3, "doi")) to its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:  # the C parser is ~10x faster on a large base; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based


class DuplicateKey(Exception):
    def __init__(self, key: str, position: Position):
        super().__init__(key)
        self.key = key
        self.position = position


@dataclass
class Located:
    """Plain data from one YAML document plus where each part of it was written."""

    data: Any
    positions: dict[Path, Position]
    duplicate_keys: list[tuple[Path, Position]]

    def position_of(self, path: Path) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Position(1, 1))


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def load_located(text: str) -> Located:
    """Parse `text`; raises yaml.YAMLError (with a problem_mark) on malformed YAML."""
    root = yaml.compose(text, Loader=_Loader)
    positions: dict[Path, Position] = {}
    duplicates: list[tuple[Path, Position]] = []
    constructor = yaml.SafeLoader("")  # reuses PyYAML's scalar rules (ints, dates, bools)

    def build(node: yaml.Node, path: Path) -> Any:
        positions[path] = _position(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node)
                if key in out:
                    duplicates.append((path + (key,), _position(key_node)))
                out[key] = build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(child, path + (i,)) for i, child in enumerate(node.value)]
        return constructor.construct_object(node)

    data = None if root is None else build(root, ())
    return Located(data, positions, duplicates)
