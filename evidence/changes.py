"""What changed in the base, and since when: release snapshots, history rules, the change log.

A release snapshot (evidence/data/releases/<version>.json, written by `python -m evidence
release`) records, for every record a link can point to, the fields whose change a reader
must hear about: a take-home's statement and certainty, an article claim's verdict, a study's
or prevalence figure's numbers. Articles and glossary terms are listed without fields, so
their history is optional but a link to them still resolves.

Rule (checked by the loader and the release command): a record whose tracked fields differ
from a release's snapshot has a `history` entry dated after that release, and for a changed
certainty, statement or verdict that entry gives the old value. So a reader of a link made
with any release can be told, from `history` alone, what changed since.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from .kinds import BY_SLUG
from .links import link
from .model import ArticleClaim, TakeHome, GlossaryTerm, HistoryEntry, PrevalenceFigure, Record, Article, Study

RELEASES = "releases"  # the snapshots' folder, inside the base's directory

# A history entry must give the old value of these fields when they change.
OLD_FIELDS = {"certainty": "old_certainty", "statement": "old_statement", "verdict": "old_verdict"}

Key = tuple[str, str]  # (kind, id)


def _text(value: str) -> str:
    """Folded YAML and edits to line breaks are not changes: compare words, not whitespace."""
    return " ".join(value.split())


def tracked(kind: str, record: Record) -> dict[str, Any]:
    """The fields of `record` whose change a reader of an older link must be told about."""
    if isinstance(record, TakeHome):
        return {"certainty": record.certainty.value, "statement": _text(record.statement)}
    if isinstance(record, ArticleClaim):
        return {"verdict": record.verdict.value}
    if isinstance(record, Study):
        outcomes = [{"name": _text(o.name), "estimate": o.estimate, "ci_low": o.ci_low, "ci_high": o.ci_high,
                     "p_value": o.p_value, "n": o.n} for o in record.outcomes]
        return {"figures": {"sample_size": record.sample_size, "studies_included": record.studies_included,
                            "outcomes": outcomes}}
    if isinstance(record, PrevalenceFigure):
        return {"figures": {"value": record.value, "low": record.low, "high": record.high,
                            "uncertainty_low": record.uncertainty_low, "uncertainty_high": record.uncertainty_high,
                            "recall_period": record.recall_period.value, "measure": record.measure}}
    return {}


def records_of(studies: Mapping[str, Study], prevalence: Mapping[str, PrevalenceFigure],
               claims: Mapping[str, TakeHome], sources: Mapping[str, Article],
               glossary: Mapping[str, GlossaryTerm]) -> Iterator[tuple[str, Record]]:
    """Every linkable record with its kind slug (article claims come after their article)."""
    yield from (("study", s) for s in studies.values())
    yield from (("figure", f) for f in prevalence.values())
    yield from (("take-home", c) for c in claims.values())
    for article in sources.values():
        yield "article", article
        yield from (("article-claim", c) for c in article.claims)
    yield from (("term", t) for t in glossary.values())


def base_records(base) -> dict[Key, Record]:
    """`records_of` an EvidenceBase, keyed by (kind, id)."""
    return {(kind, r.id): r for kind, r in records_of(base.studies, base.prevalence, base.take_homes, base.articles,
                                                      base.glossary)}


# ---- snapshots -------------------------------------------------------------------------

@dataclass(frozen=True)
class Release:
    version: str
    released: dt.date
    records: dict[Key, dict[str, Any]]

    @property
    def label(self) -> str:
        return f"{self.version} ({self.released:%d %B %Y})".replace("(0", "(")


def snapshot(records: Mapping[Key, Record]) -> dict[Key, dict[str, Any]]:
    # Through JSON and back, so a fresh snapshot compares equal to one read from disk.
    return {key: json.loads(json.dumps(tracked(key[0], r))) for key, r in records.items()}


def release_json(version: str, released: dt.date, records: Mapping[Key, Record]) -> str:
    # One record per line: small, and a release's diff reads record by record.
    rows = [json.dumps({"kind": kind, "id": rid, **fields}, ensure_ascii=False)
            for (kind, rid), fields in sorted(snapshot(records).items())]
    head = json.dumps({"version": version, "released": released.isoformat()}, ensure_ascii=False)[:-1]
    return head + ', "records": [\n' + ",\n".join(rows) + "\n]}\n"


def read_release(path: Path) -> Release:
    body = json.loads(path.read_text(encoding="utf-8"))
    records = {(r.pop("kind"), r.pop("id")): r for r in body["records"]}
    return Release(body["version"], dt.date.fromisoformat(body["released"]), records)


def read_releases(directory: Path | str) -> list[Release]:
    """Every snapshot under `directory`/releases, oldest first; none if the folder is absent."""
    folder = Path(directory) / RELEASES
    return sorted((read_release(p) for p in folder.glob("*.json")), key=lambda r: r.version)


# ---- differences -----------------------------------------------------------------------

def _flat(value: Any, prefix: str) -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flat(item, f"{prefix}.{key}").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _flat(item, f"{prefix}[{i}]").items()}
    return {prefix: value}


def differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for each tracked value that differs; nested figures by their path."""
    before = {k: v for key, value in old.items() for k, v in _flat(value, key).items()}
    after = {k: v for key, value in new.items() for k, v in _flat(value, key).items()}
    return [(k, before.get(k), after.get(k)) for k in dict.fromkeys([*before, *after])
            if before.get(k) != after.get(k)]


def describe(field: str, old: Any, new: Any) -> str:
    def shown(v: Any) -> str:
        return "(none)" if v is None else (textwrap.shorten(str(v), 70, placeholder="…") if isinstance(v, str)
                                           else f"{v:g}" if isinstance(v, float) else str(v))
    return f"{field}: {shown(old)} -> {shown(new)}"


def history_gaps(release: Release, kind: str, record: Record) -> list[tuple[str, str]]:
    """What the record's history lacks for its changes since `release`: (field to point at, message)."""
    old = release.records.get((kind, record.id))
    if old is None:
        return []
    changed = differences(old, snapshot({(kind, record.id): record})[(kind, record.id)])
    if not changed:
        return []
    after = [h for h in record.history if h.date > release.released]
    what = "; ".join(describe(*c) for c in changed[:3]) + ("; …" if len(changed) > 3 else "")
    since = f"changed since release {release.version} ({what})"
    at = "history" if record.history else "id"
    if not after:
        return [(at, f"{since} but has no history entry dated after {release.released.isoformat()}: add one "
                     "saying what changed and why")]
    gaps = []
    for name, old_field in OLD_FIELDS.items():
        if name in old and old[name] != tracked(kind, record)[name]:
            if not any(_text(str(getattr(h, old_field) or "")) == old[name] for h in after):
                gaps.append((at, f"{name} changed since release {release.version}: a history entry dated after "
                                 f"{release.released.isoformat()} must give {old_field}: {old[name]}"))
    return gaps


@dataclass(frozen=True)
class Change:
    kind: str
    id: str
    fields: tuple[tuple[str, Any, Any], ...]
    history: tuple[HistoryEntry, ...]  # entries dated after the release compared with


def changes_between(release: Release, records: Mapping[Key, Record]) -> tuple[list[Change], list[Key], list[Key]]:
    """(changed, added, removed) records since `release`."""
    now = snapshot(records)
    changed = [Change(kind, rid, tuple(diff), tuple(h for h in records[(kind, rid)].history
                                                    if h.date > release.released))
               for (kind, rid), fields in now.items()
               if (kind, rid) in release.records and (diff := differences(release.records[(kind, rid)], fields))]
    added = [key for key in now if key not in release.records]
    removed = [key for key in release.records if key not in now]
    return changed, added, removed


# ---- what a reader sees ----------------------------------------------------------------

def record_title(record: Record) -> str:
    if isinstance(record, TakeHome):
        text = record.statement
    elif isinstance(record, ArticleClaim):
        text = record.claim
    elif isinstance(record, Study):
        text = f"{record.short_citation}: {record.title}"
    elif isinstance(record, PrevalenceFigure):
        text = f"{record.population}: {record.display}"
    elif isinstance(record, Article):
        text = record.title
    elif isinstance(record, GlossaryTerm):
        text = record.term
    else:
        text = record.id
    return textwrap.shorten(_text(text), 110, placeholder="…")


def record_href(kind: str, rid: str) -> str:
    """A relative link to the record's own view."""
    kind_ = BY_SLUG[kind]
    return link(kind_.page, {kind_.url_key: rid})


@dataclass(frozen=True)
class RecordChanges:
    kind: str
    id: str
    title: str
    href: str
    entries: tuple[HistoryEntry, ...]


def _changes(key: Key, record: Record, after: dt.date) -> RecordChanges | None:
    entries = tuple(h for h in record.history if h.date > after)
    if not entries:
        return None
    return RecordChanges(key[0], key[1], record_title(record), record_href(*key), entries)


@dataclass(frozen=True)
class SinceRelease:
    """What a link made with release `asked` should know: changes to the records on its page."""

    asked: str
    baseline: Release  # the release the link is read against (the oldest, if `asked` is unknown)
    known: bool
    changes: tuple[RecordChanges, ...]


def since_release(asked: str | None, current: str | None, releases: list[Release],
                  records: Mapping[Key, Record], shown: Iterable[Key]) -> SinceRelease | None:
    """None when there is nothing to say: no `v`, the current one, or no change to the shown records."""
    if not asked or not current or asked == current or not releases:
        return None
    baseline = next((r for r in releases if r.version == asked), None)
    known = baseline is not None
    baseline = baseline or releases[0]  # an unknown version is read as the oldest: it can only say more
    if baseline.version == current:
        return None
    found = [c for key in dict.fromkeys(shown) if key in records
             and (c := _changes(key, records[key], baseline.released))]
    return SinceRelease(asked, baseline, known, tuple(found)) if found else None


@dataclass(frozen=True)
class LogEntry:
    date: dt.date
    kind: str
    id: str
    title: str
    href: str
    entry: HistoryEntry


def change_log(records: Mapping[Key, Record], kinds: Iterable[str] = (), record: str | None = None) -> list[LogEntry]:
    """Every history entry, newest first; optionally only some kinds, or one record."""
    kinds = set(kinds)
    rows = [LogEntry(h.date, kind, rid, record_title(r), record_href(kind, rid), h)
            for (kind, rid), r in records.items() for h in r.history
            if (not kinds or kind in kinds) and (record is None or rid == record)]
    return sorted(rows, key=lambda e: (-e.date.toordinal(), e.kind, e.id))


def release_of(date: dt.date, releases: list[Release]) -> Release | None:
    """The first release that includes a change made on `date`; None if none has been published since."""
    return next((r for r in releases if r.released >= date), None)


def grouped_by_release(entries: list[LogEntry], releases: list[Release]) -> list[tuple[Release | None, list[LogEntry]]]:
    """Entries (newest first) under the release that first included them; None for not yet released."""
    groups: dict[str | None, tuple[Release | None, list[LogEntry]]] = {}
    for entry in entries:
        release = release_of(entry.date, releases)
        groups.setdefault(release.version if release else None, (release, []))[1].append(entry)
    return list(groups.values())


def before_text(entry: HistoryEntry) -> str:
    """'certainty was moderate; it used to say: “…”', or '' when the entry keeps no old value."""
    before = []
    if entry.old_certainty:
        before.append(f"certainty was {entry.old_certainty.label.lower()}")
    if entry.old_verdict:
        before.append(f"verdict was {entry.old_verdict.label.lower()}")
    if entry.old_statement:
        before.append(f"it used to say: “{_text(entry.old_statement)}”")
    return "; ".join(before)
