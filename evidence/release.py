"""`python -m evidence release`: what a curator runs before publishing a new version of the base.

It validates the base (every history rule included), lists every record changed since the
previous release with its file:line and the history that explains it, and only if nothing is
wrong writes the new snapshot (releases/<version>.json) and sets meta's `version` and
`released`. Exit 1, writing nothing, when a changed record lacks its history entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .changes import RELEASES, Release, base_records, changes_between, describe, read_releases, release_json
from .load import EvidenceBase, load_base
from .model import utc_today

VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d{2}$")


@dataclass
class Outcome:
    code: int
    lines: list[str] = field(default_factory=list)  # stdout
    errors: list[str] = field(default_factory=list)  # stderr


def _where(base: EvidenceBase, key: tuple[str, str]) -> str:
    file, line = base.located.get(key, ("?", 0))
    return f"{file}:{line}"


def _summary(base: EvidenceBase, previous: Release) -> list[str]:
    records = base_records(base)
    changed, added, removed = changes_between(previous, records)
    lines = [f"Changed since {previous.version}: {len(changed)} record(s)"]
    for change in changed:
        history = (", ".join(h.date.isoformat() for h in change.history) if change.history
                   else f"NO HISTORY ENTRY after {previous.released.isoformat()}")
        lines.append(f"  {_where(base, (change.kind, change.id))}: {change.kind} {change.id} [history: {history}]")
        lines += [f"      {describe(*f)}" for f in change.fields]
    lines.append(f"Added since {previous.version}: {len(added)} record(s)"
                 + (": " + ", ".join(f"{k} {i}" for k, i in added) if added else ""))
    lines.append(f"Removed since {previous.version}: {len(removed)} record(s)"
                 + (": " + ", ".join(f"{k} {i}" for k, i in removed) if removed else ""))
    return lines


def _set_meta(directory: Path, version: str, released: dt.date) -> Path | None:
    """Write version and released into the file that holds `meta:`, keeping every other line as it is."""
    for path in sorted(directory.glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^meta:\s*$", text, re.M):
            continue
        for name, value in (("released", released.isoformat()), ("version", f'"{version}"')):
            pattern = re.compile(rf"^(\s+){name}:.*$", re.M)
            if pattern.search(text):
                text = pattern.sub(lambda m: f"{m[1]}{name}: {value}", text, count=1)
            else:
                text = re.sub(r"^meta:\s*$", f"meta:\n  {name}: {value}", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")
        return path
    return None


def release(directory: Path, version: str, released: dt.date | None = None) -> Outcome:
    released = released or utc_today()
    if not VERSION_RE.match(version):
        return Outcome(2, errors=[f"error: version '{version}' must be written YYYY.MM.DD, e.g. 2026.12.01"])
    if released > utc_today():
        return Outcome(2, errors=[f"error: release date {released.isoformat()} is in the future"])
    earlier = [r for r in read_releases(directory) if r.version < version]
    later = [r.version for r in read_releases(directory) if r.version > version]
    if later:
        return Outcome(2, errors=[f"error: release {later[-1]} is newer than {version}; versions only go forward"])
    previous = earlier[-1] if earlier else None
    if previous and released < previous.released:
        return Outcome(2, errors=[f"error: {released.isoformat()} is before the previous release "
                                  f"({previous.released.isoformat()})"])

    base = load_base(directory)
    out = Outcome(0, [f"Release {version} ({released.isoformat()})"
                      + (f", compared with {previous.version} ({previous.released.isoformat()})" if previous
                         else ": the first release, nothing to compare with")])
    if previous:
        out.lines += _summary(base, previous)
    records = base_records(base)
    late = [(k, h) for k, r in records.items() for h in r.history if h.date > released]
    problems = [str(p) for p in base.problems]
    problems += [f"{_where(base, k)}:1: {k[1]}.history: entry dated {h.date.isoformat()} is after this release's "
                 f"date ({released.isoformat()})" for k, h in late]
    if problems:
        out.lines += ["", *problems]
        out.errors.append(f"Not released: {len(problems)} problem(s); nothing was written.")
        out.code = 1
        return out
    folder = directory / RELEASES
    folder.mkdir(exist_ok=True)
    (folder / f"{version}.json").write_text(release_json(version, released, records), encoding="utf-8")
    meta_file = _set_meta(directory, version, released)
    out.lines.append(f"Wrote {RELEASES}/{version}.json ({len(records)} records)"
                     + (f"; set version and released in {meta_file.name}" if meta_file else
                        "; no meta: block found, so no version was set"))
    return out
