"""Golden files for `python -m evidence release`: what a curator sees before publishing.

Each folder under tests/unit/golden_release/ is a small base whose previous release
(2026.11.22) is in its releases/ folder, beside `expected.txt` (the exact stdout). The command
runs on a copy of the folder (it writes the snapshot and sets meta's version there), with the
copy as its working directory so paths print as `claims.yaml:2:9: ...`.

To regenerate after an intended wording change:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_release_golden.py

then read every changed expected.txt by eye.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden_release"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
ARGS = ["--version", "2026.11.28", "--date", "2026-11-28", "--directory", "."]
PROBLEM_LINE = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def run_release(case: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    copy = tmp_path / case
    shutil.copytree(GOLDEN / case, copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "evidence", "release", *ARGS], cwd=copy, env=env,
                            capture_output=True, text=True, timeout=120)
    return result, copy


def test_the_three_cases_are_there():
    assert CASES == ["changed-statement-with-history", "changed-statement-without-history", "no-changes"]


@pytest.mark.parametrize("case", CASES)
def test_release_prints_exactly_the_expected_summary(case: str, tmp_path: Path):
    result, _ = run_release(case, tmp_path)
    expected_file = GOLDEN / case / "expected.txt"
    if UPDATE:
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_file.read_text(encoding="utf-8"), result.stderr


@pytest.mark.parametrize("case", ["no-changes", "changed-statement-with-history"])
def test_a_clean_release_writes_its_snapshot_and_sets_meta(case: str, tmp_path: Path):
    result, copy = run_release(case, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    snapshot = json.loads((copy / "releases" / "2026.11.28.json").read_text(encoding="utf-8"))
    assert (snapshot["version"], snapshot["released"]) == ("2026.11.28", "2026-11-28")
    claim = next(r for r in snapshot["records"] if r["kind"] == "take-home")
    assert claim["statement"] == " ".join((copy / "claims.yaml").read_text().split("statement: ")[1]
                                          .split("\n")[0].split())
    meta = (copy / "meta.yaml").read_text(encoding="utf-8")
    assert 'version: "2026.11.28"' in meta and "released: 2026-11-28" in meta
    assert "title: Running and your lower back" in meta, "other meta lines are kept"
    # Released: the same base now validates against both snapshots.
    again = subprocess.run([sys.executable, "-m", "evidence", "validate", "."], cwd=copy, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert again.returncode == 0, again.stdout


def test_a_changed_statement_without_history_exits_1_naming_file_and_line_and_writes_nothing(tmp_path: Path):
    result, copy = run_release("changed-statement-without-history", tmp_path)
    assert result.returncode == 1
    assert "Not released: 1 problem(s); nothing was written." in result.stderr
    assert not (copy / "releases" / "2026.11.28.json").exists()
    assert 'version: "2026.11.22"' in (copy / "meta.yaml").read_text(encoding="utf-8")
    problems = [m for line in result.stdout.splitlines() if (m := PROBLEM_LINE.match(line))]
    assert len(problems) == 1
    problem = problems[0]
    lines = (copy / problem["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[int(problem["line"]) - 1].strip() == "- id: running-may-ease-pain"
    assert "no history entry dated after 2026-11-22" in problem["message"]
    assert "NO HISTORY ENTRY" in result.stdout.split("\n\n")[0], "the summary marks the record lacking history"


def test_a_version_that_goes_backwards_or_a_future_date_is_refused(tmp_path: Path):
    copy = tmp_path / "case"
    shutil.copytree(GOLDEN / "no-changes", copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args, words in ((["--version", "2026.11.01"], "versions only go forward"),
                        (["--version", "2026.11.28", "--date", "2999-01-01"], "is in the future"),
                        (["--version", "26.11.28"], "must be written YYYY.MM.DD")):
        result = subprocess.run([sys.executable, "-m", "evidence", "release", *args, "--directory", "."], cwd=copy,
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
    assert sorted(p.name for p in (copy / "releases").iterdir()) == ["2026.11.22.json"]
