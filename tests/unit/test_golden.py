"""Golden files for `python -m evidence validate`: the exact words a curator sees.

Each folder under tests/unit/golden/ is one kind of fault: one or more bad .yaml files beside
an `expected.txt` holding every line the validator prints on stdout, in order. The CLI runs
with the case folder as its working directory and "." as the base, so paths print as
`studies.yaml:5:4: ...` on every machine.

PyYAML's own wording of a syntax error differs between its C parser (libyaml, which the
loader prefers) and its pure-Python fallback, so the `malformed-*` cases are skipped where
libyaml is missing.

One message depends on the date ("year 2999 is in the future (it is 2026)"), so the current
year is replaced by `<this year>` before comparing.

To regenerate after an intended wording change:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_golden.py

then read every changed expected.txt: each line must name the file and the line that holds
the fault (open the .yaml and check).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def run_validate(case_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "evidence", "validate", "."], cwd=case_dir, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def runs():
    """Run the cases' CLIs a few at a time in the background (each is a fresh interpreter)."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        yield {case: pool.submit(run_validate, GOLDEN / case) for case in CASES}


def stable(stdout: str) -> str:
    return re.sub(rf"\(it is {dt.date.today().year}\)", "(it is <this year>)", stdout)


def test_there_are_enough_distinct_cases():
    assert len(CASES) >= 14, CASES


@pytest.mark.parametrize("case", CASES)
def test_validate_prints_exactly_the_expected_problems(case: str, runs):
    if case.startswith("malformed-") and not yaml.__with_libyaml__:
        pytest.skip("PyYAML's syntax-error wording differs without libyaml")
    case_dir = GOLDEN / case
    result = runs[case].result()
    assert result.returncode == 1, f"expected exit 1, got {result.returncode}\n{result.stdout}{result.stderr}"
    actual = stable(result.stdout)
    expected_file = case_dir / "expected.txt"
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"{expected_file} is missing: run with UPDATE_GOLDEN=1 and check it by eye"
    assert actual == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_every_expected_line_names_a_file_in_the_case_and_a_line_inside_it(case: str):
    """Guards the golden files themselves: no message without a real file:line."""
    case_dir = GOLDEN / case
    lines = (case_dir / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert lines, "a golden case must expect at least one problem"
    for text in lines:
        match = PROBLEM_LINE.match(text)
        assert match, f"not in file:line:col: field: message form: {text!r}"
        target = case_dir / match["file"]
        assert target.exists(), text
        if target.is_file():
            assert 1 <= int(match["line"]) <= len(target.read_text(encoding="utf-8").splitlines()), text
