"""The README's module maps are tested like its parameter table (test_docs.py): every module of a mapped folder is
listed, and nothing is listed that is not there. A map is a table headed `| module | what it holds |` right under a
line that names its folder ("`components/`, the Streamlit side:"); a row lists its modules in backticks, a module of
a subpackage by its path in the folder (`outputs/deck.py`)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# The folders the README must map. A module is a .py file (a package's __init__.py aside) or a shell script, in
# the folder or a subpackage of it.
MAPPED = ("evidence", "components", "tools", "benchmarks")
MAP = re.compile(r"^`(?P<folder>[a-z_]+)/`[^\n]*:\n\n(?P<table>\| module \| what it holds \|\n(?:\|[^\n]*\n)+)",
                 re.MULTILINE)
NAME = re.compile(r"`([\w./-]+\.(?:py|sh))`")


def documented() -> dict[str, list[str]]:
    """{folder: [module file names, as listed]} from the README's module maps."""
    found: dict[str, list[str]] = {}
    for match in MAP.finditer(README.read_text(encoding="utf-8")):
        folder = match["folder"]
        assert folder not in found, f"README.md maps {folder}/ twice"
        rows = match["table"].splitlines()[2:]  # below the header and its |---| line
        found[folder] = [name for row in rows for name in NAME.findall(row.split("|")[1])]
    return found


def modules(folder: str) -> set[str]:
    top = ROOT / folder
    return {p.relative_to(top).as_posix() for p in [*top.rglob("*.py"), *top.rglob("*.sh")]
            if p.name != "__init__.py" and (p.parent == top or (p.parent / "__init__.py").exists())}


def test_the_readme_maps_every_folder_it_should():
    maps = documented()
    assert set(MAPPED) <= set(maps), \
        f"README.md has no module map for {sorted(set(MAPPED) - set(maps))}: add one ('`folder/`, ...:' then a table)"


@pytest.mark.parametrize("folder", MAPPED)
def test_every_module_is_on_its_folders_map(folder):
    missing = sorted(modules(folder) - set(documented().get(folder, [])))
    assert not missing, f"README.md's map of {folder}/ does not list {missing}: add each to a row"


@pytest.mark.parametrize("folder", MAPPED)
def test_the_map_lists_only_modules_that_exist_and_each_once(folder):
    listed = documented().get(folder, [])
    stray = sorted(set(listed) - modules(folder))
    assert not stray, f"README.md's map of {folder}/ lists {stray}, which {folder}/ does not hold (renamed? removed?)"
    twice = sorted(name for name, n in Counter(listed).items() if n > 1)
    assert not twice, f"README.md's map of {folder}/ lists {twice} more than once"
