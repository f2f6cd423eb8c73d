"""Command line: `python -m evidence validate|export|schema|release|deck|site|reports`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .outputs.export import CSV_KINDS, FORMATS, export
from .kinds import BY_SLUG
from .load import DEFAULT_DIR, load_base
from .reports import cli as reports_cli
from .site import addresses
from .schema import SCHEMA_PATH, schema_json


def _validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    base = load_base(args.directory)
    elapsed = time.perf_counter() - started
    if base.problems:
        for problem in base.problems:
            print(problem)
        print(f"\n{len(base.problems)} problem(s); {len(base.held_back)} record(s) held back.", file=sys.stderr)
        for held in base.held_back:
            print(f"  held back {held.kind} '{held.id}': {held.reasons[0]}", file=sys.stderr)
        return 1
    for kind, count in base.counts().items():
        print(f"{BY_SLUG[kind].plural:>18}: {count}")
    print(f"valid: {sum(base.counts().values())} records in {elapsed * 1000:.0f} ms")
    return 0


def _export(args: argparse.Namespace) -> int:
    base = load_base(args.directory)
    if base.problems:
        print(f"note: {len(base.problems)} problem(s) in the base; held-back records are not exported "
              "(run `python -m evidence validate`)", file=sys.stderr)
    try:
        text = export(base, args.format, args.kind)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = schema_json()
    if args.check:
        if SCHEMA_PATH.read_text(encoding="utf-8") != text:
            print(f"{SCHEMA_PATH} is out of date: run `python -m evidence schema --write`", file=sys.stderr)
            return 1
        return 0
    if args.write:
        SCHEMA_PATH.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _release(args: argparse.Namespace) -> int:
    from .release import release

    outcome = release(args.directory, args.version, args.date)
    for line in outcome.lines:
        print(line)
    for line in outcome.errors:
        print(line, file=sys.stderr)
    if outcome.code == 0 and Path(args.directory).resolve() == Path(DEFAULT_DIR).resolve():
        # The plain pages the app serves carry the release too: rebuilt with it, for the app's default address.
        from .site.build import write
        count = write(load_base(args.directory), addresses.SERVED_COPY, addresses.DEFAULT_PUBLIC_URL)
        print(f"Rewrote the plain pages: {count} files in {addresses.STATIC_FOLDER}")
    return outcome.code
def _deck(args: argparse.Namespace) -> int:
    from .outputs.deck import build_deck
    from .model import Topic
    from .selections import take_homes

    known = {t.value for t in Topic}
    unknown = [t for t in args.topic if t not in known]
    if unknown:
        print(f"error: unknown topic {', '.join(unknown)}; choose from {', '.join(sorted(known))}", file=sys.stderr)
        return 2
    base = load_base(args.directory)
    claims = take_homes(base, args.topic)
    if not claims:
        print("error: no take-homes match these topics", file=sys.stderr)
        return 1
    Path(args.output).write_bytes(build_deck(claims, base, args.url))
    print(f"wrote {args.output}: {len(claims)} take-homes")
    return 0


def _site(args: argparse.Namespace) -> int:
    from .site.build import differences, write

    base = load_base(args.directory)
    if base.problems:
        print(f"error: {len(base.problems)} problem(s) in the base (run `python -m evidence validate`)",
              file=sys.stderr)
        return 1
    app = addresses.public_url(args.url)
    if args.check:
        found = differences(base, args.output, app)
        for line in found:
            print(f"{args.output}: {line}", file=sys.stderr)
        if found:
            print("run `python -m evidence site` to bring the plain pages up to date", file=sys.stderr)
        return 1 if found else 0
    count = write(base, args.output, app)
    print(f"wrote {count} files to {args.output} for {app}{addresses.SERVED_AT}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evidence", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check every YAML file; print counts or every problem")
    validate.add_argument("directory", nargs="?", default=DEFAULT_DIR, type=Path)
    validate.set_defaults(run=_validate)

    exporter = sub.add_parser("export", help="write the base as CSV, BibTeX, RIS or CSL-JSON")
    exporter.add_argument("--format", choices=FORMATS, required=True)
    exporter.add_argument("--kind", choices=CSV_KINDS, default="studies")
    exporter.add_argument("-o", "--output", help="file to write (default: standard output)")
    exporter.add_argument("--directory", default=DEFAULT_DIR, type=Path)
    exporter.set_defaults(run=_export)

    schema = sub.add_parser("schema", help="print the JSON Schema of the YAML files")
    group = schema.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help=f"write it to {SCHEMA_PATH.name}")
    group.add_argument("--check", action="store_true", help="exit 1 if the committed schema has drifted")
    schema.set_defaults(run=_schema)

    releaser = sub.add_parser("release", help="validate, list changes since the last release, write its snapshot")
    releaser.add_argument("--version", required=True, help="the new release, YYYY.MM.DD")
    releaser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="release date (default: today)")
    releaser.add_argument("--directory", default=DEFAULT_DIR, type=Path)
    releaser.set_defaults(run=_release)
    deck = sub.add_parser("deck", help="write the take-homes as a 16:9 PDF slide deck, for offline teaching")
    deck.add_argument("-o", "--output", required=True, help="the PDF to write, e.g. deck.pdf")
    deck.add_argument("--topic", action="append", default=[], help="only take-homes on this topic (repeatable)")
    deck.add_argument("--url", default="http://localhost:8501", help="where the app runs; each slide's QR opens it")
    deck.add_argument("--directory", default=DEFAULT_DIR, type=Path)
    deck.set_defaults(run=_deck)

    site = sub.add_parser("site", help="write the plain pages (static HTML for phones, previews and search engines)")
    site.add_argument("-o", "--output", default=addresses.SERVED_COPY, type=Path,
                      help=f"the folder to write (default: {addresses.STATIC_FOLDER}, which the app serves)")
    site.add_argument("--url", default=None, help=f"the app's public address, for canonical links and previews "
                      f"(default: ${addresses.PUBLIC_URL_ENV}, else {addresses.DEFAULT_PUBLIC_URL})")
    site.add_argument("--check", action="store_true", help="exit 1 if the folder differs from a fresh build")
    site.add_argument("--directory", default=DEFAULT_DIR, type=Path)
    site.set_defaults(run=_site)

    reports_cli.add_parser(sub)  # readers' reports: list, show, export, resolve (evidence/reports/cli.py)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
