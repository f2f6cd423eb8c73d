"""`python -m evidence validate|export|schema`, run as a curator or CI would run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "evidence", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_validate_the_shipped_base_exits_0_with_counts():
    result = cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    counts = dict(re.findall(r"^\s*([a-z -]+): (\d+)$", result.stdout, re.M))
    assert set(counts) == {"studies", "prevalence figures", "take-homes", "popular articles", "checked claims", "glossary terms"}
    total = int(re.search(r"^valid: (\d+) records in \d+ ms$", result.stdout, re.M)[1])
    assert total == sum(map(int, counts.values())) > 0


def test_validate_takes_a_directory(tmp_path):
    (tmp_path / "a.yaml").write_text("studies:\n  - id: Bad_Id\n", encoding="utf-8")
    result = cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'a.yaml'}:2:9: Bad_Id.id: 'Bad_Id' is not a valid id" in result.stdout
    assert "problem(s);" in result.stderr


def test_export_bibtex_to_a_file(tmp_path):
    out = tmp_path / "refs.bib"
    result = cli("export", "--format", "bibtex", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    # Conference abstracts export as @inproceedings (issue #13); every study is one entry either way.
    assert text.count("@article{") + text.count("@inproceedings{") == len(list(_shipped_study_ids()))
    assert "@inproceedings{neason-2023-asteroid-symposium," in text
    assert "@article{belavy-2017-running-discs," in text


def test_a_citation_format_with_a_non_study_kind_exits_2_with_a_message():
    result = cli("export", "--format", "bibtex", "--kind", "outcomes")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == "error: bibtex exports studies only; use --format csv for outcomes"


@pytest.mark.parametrize("fmt", ["ris", "csljson"])
@pytest.mark.parametrize("kind", ["outcomes", "prevalence", "claims", "article-claims", "glossary"])
def test_every_citation_format_refuses_every_non_study_kind(fmt, kind, capsys):
    assert main(["export", "--format", fmt, "--kind", kind]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"error: {fmt} exports studies only; use --format csv for {kind}"


def test_an_unknown_format_exits_2_with_a_usage_message():
    result = cli("export", "--format", "docx")
    assert result.returncode == 2
    assert "invalid choice: 'docx'" in result.stderr


def test_an_unknown_kind_exits_2_with_a_usage_message(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "csv", "--kind", "papers"])
    assert info.value.code == 2
    assert "invalid choice: 'papers'" in capsys.readouterr().err


def test_schema_check_passes_on_the_committed_schema():
    result = cli("schema", "--check")
    assert result.returncode == 0, result.stderr


# ---- in-process (fast) ---------------------------------------------------------------------

def _shipped_study_ids():
    from tests.shipped import shipped_base
    return shipped_base().studies


@pytest.mark.parametrize("kind", ["studies", "outcomes", "prevalence", "claims", "article-claims", "glossary"])
def test_export_csv_of_every_kind_to_stdout(kind, capsys):
    assert main(["export", "--format", "csv", "--kind", kind]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split(",")[0] in {"id", "study_id", "article_id"}


def test_export_notes_problems_but_still_exports_what_is_valid(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text(
        "studies:\n"
        "  - id: ok-2020\n    authors: [Ok AB]\n    title: T\n    journal: J\n    year: 2020\n    doi: 10.1234/ok\n"
        "    design: rct\n    populations: [runners]\n    population: P\n    topics: [pain]\n    summary: S\n"
        "    verified: as-cited\n"
        "  - id: bad-2020\n", encoding="utf-8")
    assert main(["export", "--format", "csljson", "--directory", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert '"id": "ok-2020"' in captured.out and "bad-2020" not in captured.out
    assert re.match(r"note: \d+ problem\(s\) in the base; held-back records are not exported", captured.err)


def test_schema_prints_json_schema(capsys):
    assert main(["schema"]) == 0
    assert '"$schema": "https://json-schema.org/draft/2020-12/schema"' in capsys.readouterr().out


def test_schema_write_and_check_are_exclusive(capsys):
    with pytest.raises(SystemExit) as info:
        main(["schema", "--write", "--check"])
    assert info.value.code == 2


def test_a_command_is_required(capsys):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
