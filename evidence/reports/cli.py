"""The curator's triage: `python -m evidence reports list|show|export|resolve|upgrade`.

Every command works on the database the app writes to (REPORTS_DATABASE_URL, REPORTS_DATABASE_PATH or the default
SQLite file; evidence/reports/store.py), or on `--database URL-or-path`. A reader's text is shown escaped: a control
character or a right-to-left override in it is printed as its code, never acted on by the terminal.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

from ..kinds import BY_SLUG, LABELS as KIND_LABELS
from .draft import escaped
from .store import STATUSES, Report, ReportStore, Unavailable, database_url, normalised_url, shown_url, store_for

RELEASE = re.compile(r"^\d{4}\.\d{2}\.\d{2}$")
EXPORT_FORMATS = ("csv", "json")
# A spreadsheet runs a cell that starts with one of these as a formula: exported with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _store(args: argparse.Namespace) -> ReportStore:
    given = args.database
    if not given:
        return store_for(database_url())
    if "://" in given:
        return store_for(normalised_url(given))
    return store_for(f"sqlite:///{Path(given).expanduser().resolve()}")


def _when(report: Report) -> str:
    return f"{report.created_at:%Y-%m-%d %H:%M} UTC"


def _first_line(text: str, width: int = 70) -> str:
    line = escaped(text)
    return line if len(line) <= width else line[: width - 1] + "…"


def _list(args: argparse.Namespace) -> int:
    store = _store(args)
    status = None if args.status == "all" else args.status
    found = store.reports(status, record=args.record, kinds=args.kind)
    which = "" if status is None else f"{status} "
    print(f"{len(found)} {which}report(s), newest first ({shown_url(store.url)})")
    for report in found:
        print(f"{report.reference}  {_when(report)}  {report.status:<8}  {report.kind:<13}  "
              f"{escaped(report.record_id)}  {_first_line(report.what_is_wrong)}")
    return 0


def _block(label: str, text: str | None) -> list[str]:
    if not text:
        return [f"{label}: (none)"]
    return [f"{label}:", *("    " + line for line in escaped(text, keep_lines=True).splitlines() or [""])]


def _show(args: argparse.Namespace) -> int:
    report = _store(args).get(args.reference)
    if report is None:
        print(f"error: no report {args.reference}", file=sys.stderr)
        return 1
    kind = KIND_LABELS.get(report.kind, report.kind)
    lines = [
        f"Reference: {report.reference} ({report.status})",
        f"Received:  {_when(report)}",
        f"Record:    {kind} {escaped(report.record_id)}: {escaped(report.record_title)}",
        f"Page:      {escaped(report.page)}",
        f"Link:      {escaped(report.view_url)}",
        f"Release:   {escaped(report.release or '(none)')}",
        f"Contact:   {escaped(report.contact) or '(none given)'}"
        + ("  (only to reply about this report: never publish it)" if report.contact else ""),
        *_block("What is wrong", report.what_is_wrong),
        *_block("What it should say", report.should_say),
        *_block("Source", report.source),
    ]
    if report.status != "open":
        when = f"{report.resolved_at:%Y-%m-%d %H:%M} UTC" if report.resolved_at else "?"
        lines += [f"{report.status.capitalize()}: {when}, release {escaped(report.resolved_release or '(none)')}",
                  *_block("Note", report.resolution_note)]
    print("\n".join(lines))
    return 0


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_text(found: list[Report], fmt: str) -> str:
    """Reports as CSV (one row each; a cell a spreadsheet would run as a formula starts with ') or JSON."""
    rows = [report.as_dict() for report in found]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    columns = list(rows[0]) if rows else ["reference", *Report.__dataclass_fields__]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


def _export(args: argparse.Namespace) -> int:
    store = _store(args)
    found = store.reports(None if args.status == "all" else args.status, record=args.record, kinds=args.kind)
    text = export_text(found, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}: {len(found)} report(s)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    if args.release and not RELEASE.match(args.release):
        print(f"error: --release {args.release!r} is not a release (YYYY.MM.DD)", file=sys.stderr)
        return 2
    if not args.note.strip():
        print("error: --note is empty: say what was done (resolved) or why not (declined)", file=sys.stderr)
        return 2
    try:
        report = _store(args).resolve(args.reference, args.status, args.note, args.release)
    except KeyError:
        print(f"error: no report {args.reference}", file=sys.stderr)
        return 1
    where = f" in {report.resolved_release}" if report.resolved_release else ""
    print(f"{report.reference} {report.status}{where}: {escaped(report.resolution_note or '')}")
    if report.status == "resolved":
        print("What's new lists it as corrected after a reader's report (without the reader's contact).")
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    store = _store(args)
    before, after = store.upgrade()
    print(f"{shown_url(store.url)}: schema version {before} → {after}" if before != after
          else f"{shown_url(store.url)}: schema version {after}, up to date")
    return 0


def _run(command):
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except Unavailable as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    return run


def add_parser(sub) -> None:
    """`reports` and its commands, under `python -m evidence` (evidence/__main__.py)."""
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument("--database", help="a database URL or an SQLite file (default: the app's, from "
                                             "REPORTS_DATABASE_URL or REPORTS_DATABASE_PATH)")
    which = argparse.ArgumentParser(add_help=False)
    which.add_argument("--record", help="only reports about this record id")
    which.add_argument("--kind", action="append", default=[], choices=sorted(BY_SLUG),
                       help="only reports about records of this kind (repeatable)")

    reports = sub.add_parser("reports", help="readers' reports: list, show, export, resolve")
    commands = reports.add_subparsers(dest="reports_command", required=True)

    lister = commands.add_parser("list", parents=[database, which], help="reports, newest first (open ones by default)")
    lister.add_argument("--status", choices=(*STATUSES, "all"), default="open")
    lister.set_defaults(run=_run(_list))

    show = commands.add_parser("show", parents=[database], help="one report in full")
    show.add_argument("reference", help="its reference, e.g. R-00042")
    show.set_defaults(run=_run(_show))

    exporter = commands.add_parser("export", parents=[database, which], help="reports as CSV or JSON")
    exporter.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    exporter.add_argument("--status", choices=(*STATUSES, "all"), default="all")
    exporter.add_argument("-o", "--output", help="file to write (default: standard output)")
    exporter.set_defaults(run=_run(_export))

    resolve = commands.add_parser("resolve", parents=[database], help="mark a report resolved or declined")
    resolve.add_argument("reference", help="its reference, e.g. R-00042")
    resolve.add_argument("--status", choices=("resolved", "declined"), required=True)
    resolve.add_argument("--note", required=True, help="what was done, or why not (shown on What's new if resolved)")
    resolve.add_argument("--release", help="the release that carries the correction, YYYY.MM.DD")
    resolve.set_defaults(run=_run(_resolve))

    upgrade = commands.add_parser("upgrade", parents=[database],
                                  help="bring the database's schema up to this release (the app also does on use)")
    upgrade.set_defaults(run=_run(_upgrade))
