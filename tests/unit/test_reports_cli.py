"""The curator's triage, `python -m evidence reports list|show|export|resolve|upgrade`, on a real SQLite file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from evidence.__main__ import main
from evidence.reports import schema
from evidence.reports.draft import Captured, Draft
from evidence.reports.store import ReportStore

START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


def _captured(kind: str, rid: str) -> Captured:
    return Captured(kind, rid, f"Title of {rid}", "take-homes", f"http://x/?{rid}", "2026.12.06")


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "reports.sqlite3"
    store = ReportStore(f"sqlite:///{path}")
    store.submit(_captured("take-home", "th-1"), Draft("First: 30% is wrong"), "a", now=START)
    store.submit(_captured("study", "st-1"), Draft("=HYPERLINK(\"http://evil\")\nsecond line",
                                                     contact="reader@example.org"), "b",
                 now=START + dt.timedelta(hours=1))
    store.submit(_captured("take-home", "th-2"), Draft("Third \x1b[31mred\x1b[0m ‮esrever"), "c",
                 now=START + dt.timedelta(hours=2))
    store.dispose()
    return str(path)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["reports", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_shows_open_reports_newest_first_and_filters(capsys, database):
    code, out, _ = _run(capsys, "list", "--database", database)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("3 open report(s), newest first")
    assert [line.split()[0] for line in lines[1:]] == ["R-00003", "R-00002", "R-00001"]
    _, out, _ = _run(capsys, "list", "--database", database, "--kind", "take-home")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["R-00003", "R-00001"]
    _, out, _ = _run(capsys, "list", "--database", database, "--record", "st-1")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["R-00002"]


def test_a_readers_text_reaches_the_terminal_escaped(capsys, database):
    _, listed, _ = _run(capsys, "list", "--database", database)
    _, shown, _ = _run(capsys, "show", "R-00003", "--database", database)
    for out in (listed, shown):
        assert "\x1b" not in out and "\u202e" not in out
        assert "\\x1b[31mred" in out and "\\u202e" in out


def test_show_gives_one_report_in_full_with_the_contact_and_a_warning(capsys, database):
    code, out, _ = _run(capsys, "show", "r2", "--database", database)
    assert code == 0
    assert "Reference: R-00002 (open)" in out and "Record:    Study st-1: Title of st-1" in out
    assert "Contact:   reader@example.org  (only to reply about this report: never publish it)" in out
    assert "What is wrong:\n    =HYPERLINK(\"http://evil\")\n    second line" in out
    assert "Link:      http://x/?st-1" in out and "Release:   2026.12.06" in out
    code, _, err = _run(capsys, "show", "R-00099", "--database", database)
    assert code == 1 and "no report R-00099" in err


def test_export_as_json_and_as_csv_a_spreadsheet_will_not_run(capsys, database, tmp_path):
    code, out, _ = _run(capsys, "export", "--format", "json", "--database", database)
    rows = json.loads(out)
    assert code == 0 and [r["reference"] for r in rows] == ["R-00003", "R-00002", "R-00001"]
    assert rows[1]["what_is_wrong"] == "=HYPERLINK(\"http://evil\")\nsecond line", "JSON keeps the text as given"
    assert rows[1]["contact"] == "reader@example.org" and rows[1]["created_at"].startswith("2026-12-01T10:00:00")
    target = tmp_path / "reports.csv"
    code, _, err = _run(capsys, "export", "--format", "csv", "-o", str(target), "--database", database)
    assert code == 0 and "3 report(s)" in err
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert table[1]["what_is_wrong"] == "'=HYPERLINK(\"http://evil\")\nsecond line", "a formula is not run"
    assert table[0]["status"] == "open" and table[2]["record_id"] == "th-1"


def test_resolve_and_decline_with_a_note_and_a_release(capsys, database):
    code, out, _ = _run(capsys, "resolve", "R-00001", "--status", "resolved", "--note", "Now 13 in 100.",
                        "--release", "2026.12.13", "--database", database)
    assert code == 0 and "R-00001 resolved in 2026.12.13: Now 13 in 100." in out and "What's new" in out
    code, out, _ = _run(capsys, "resolve", "2", "--status", "declined", "--note", "The figure was right.",
                        "--database", database)
    assert code == 0 and "R-00002 declined" in out
    _, listed, _ = _run(capsys, "list", "--database", database)
    assert listed.startswith("1 open report(s)")
    _, shown, _ = _run(capsys, "show", "R-00001", "--database", database)
    assert "Resolved: " in shown and "release 2026.12.13" in shown and "Now 13 in 100." in shown
    _, resolved, _ = _run(capsys, "list", "--status", "resolved", "--database", database)
    assert [line.split()[0] for line in resolved.splitlines()[1:]] == ["R-00001"]


@pytest.mark.parametrize("args, message", [
    (["--note", "x", "--release", "13.12.2026"], "is not a release"),
    (["--note", "  "], "--note is empty"),
])
def test_resolve_refuses_a_bad_release_or_an_empty_note(capsys, database, args, message):
    code, _, err = _run(capsys, "resolve", "R-00001", "--status", "resolved", *args, "--database", database)
    assert code == 2 and message in err


def test_upgrade_reports_the_schema_version(capsys, tmp_path):
    target = str(tmp_path / "new" / "reports.sqlite3")
    code, out, _ = _run(capsys, "upgrade", "--database", target)
    assert code == 0 and f"schema version 0 → {schema.LATEST}" in out
    _, out, _ = _run(capsys, "upgrade", "--database", target)
    assert f"schema version {schema.LATEST}, up to date" in out


def test_an_unreachable_database_is_a_clear_error(capsys):
    code, _, err = _run(capsys, "list", "--database", "postgresql://curator:secret@127.0.0.1:1/reports")
    assert code == 1 and "could not be prepared" in err and "secret" not in err
