"""Load the YAML base, collecting every problem with its file and line.

Each `*.yaml` file under the base directory is a mapping from kind (studies,
prevalence, claims, sources, glossary, meta) to records, so the shipped base keeps
one file per kind while tests and benchmarks can put anything in one file.

Nothing stops at the first fault: every problem is reported, each invalid record is
held back with its reasons, and so is every record that cites a held-back one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .changes import RELEASES, history_gaps, read_releases, records_of
from .checks import article_claim_faults, claim_faults, figures_by_source, study_faults, study_pools
from .grade import ceiling_problem
from .kinds import BY_YAML_KEY, KINDS
from .messages import field_model, plain_message
from .model import (
    GUIDANCE_KINDS,
    Article,
    ArticleClaim,
    BaseMeta,
    GlossaryTerm,
    Guideline,
    LiteratureSearch,
    PrevalenceFigure,
    RedFlagGroup,
    Study,
    TakeHome,
)
from .positions import Located, Path as YamlPath, load_located

DEFAULT_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.field}: {self.message}"


@dataclass(frozen=True)
class HeldBack:
    kind: str
    id: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceBase:
    meta: BaseMeta | None
    studies: dict[str, Study]
    prevalence: dict[str, PrevalenceFigure]
    take_homes: dict[str, TakeHome]
    articles: dict[str, Article]
    glossary: dict[str, GlossaryTerm]
    problems: tuple[Problem, ...] = ()
    held_back: tuple[HeldBack, ...] = ()
    # A hash of the YAML files' names and contents: every cache of something derived from the base keys on it.
    version: str = ""
    # Clinical guidance (guidance.yaml): cited guidelines and the warning signs drawn from them.
    guidelines: dict[str, Guideline] = field(default_factory=dict)
    red_flags: dict[str, RedFlagGroup] = field(default_factory=dict)
    # The literature search log (searches.yaml), shown on Methods.
    searches: dict[str, LiteratureSearch] = field(default_factory=dict)
    # (kind slug as in evidence/changes.py, id) -> (file, line) of the record, for the release command.
    located: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def article_claims(self) -> dict[str, tuple[Article, ArticleClaim]]:
        return {c.id: (a, c) for a in self.articles.values() for c in a.claims}

    def counts(self) -> dict[str, int]:
        """How many records of each kind (evidence/kinds.py), by slug."""
        return {kind.slug: len(getattr(self, kind.field)) for kind in KINDS}


@dataclass
class _Raw:
    """One record as written: its data, and where it sits."""

    kind: str
    file: str
    located: Located
    path: YamlPath
    data: Any

    @property
    def label(self) -> str:
        rid = self.data.get("id") if isinstance(self.data, dict) else None
        if isinstance(rid, str) and rid:
            return rid
        return self.kind if len(self.path) == 1 else f"{self.kind}[{self.path[-1]}]"

    def at(self, *sub: str | int) -> tuple[int, int]:
        pos = self.located.position_of(self.path + sub)
        return pos.line, pos.col


@dataclass
class _Collector:
    problems: list[Problem] = field(default_factory=list)
    held: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def report(self, file: str, line: int, col: int, where: str, message: str) -> None:
        self.problems.append(Problem(file, line, col, where, message))

    def hold(self, kind: str, rid: str, reason: str) -> None:
        self.held[(kind, rid)].append(reason)


def fingerprint(directory: Path | str = DEFAULT_DIR) -> str:
    """A hash of every YAML file's name, size and mtime: cheap to take on every run, it tells the cached
    loader when to read the files again. What is derived from the base keys on `EvidenceBase.version`."""
    digest = hashlib.sha256()
    for path in [*_yaml_files(Path(directory)), *_snapshot_files(Path(directory))]:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def _yaml_files(directory: Path) -> list[Path]:
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


def _snapshot_files(directory: Path) -> list[Path]:
    """The release snapshots: part of the base, since the history rules and the change notice read them."""
    return sorted((directory / RELEASES).glob("*.json"))


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _read_files(directory: Path, found: _Collector) -> tuple[list[_Raw], list[_Raw], str]:
    """Parse every file; return (record raws, meta raws, content hash of the files)."""
    records: list[_Raw] = []
    metas: list[_Raw] = []
    digest = hashlib.sha256()
    files = _yaml_files(directory)
    if not files:
        found.report(str(directory), 1, 1, "base", "no .yaml files found in this directory")
    for path in files:
        name = str(path)
        content = path.read_bytes()
        digest.update(f"{path.name}:{len(content)};".encode() + content)
        try:
            located = load_located(content.decode("utf-8"))
        except yaml.MarkedYAMLError as err:
            # An unclosed [ or { is noticed lines later; the line that opened it is the one to fix.
            opened = err.context_mark if err.context and "flow" in err.context else None
            mark = opened or err.problem_mark or err.context_mark
            what = " ".join(p for p in (err.context, err.problem) if p)
            found.report(name, mark.line + 1, mark.column + 1, "yaml", f"malformed YAML: {what}")
            continue
        except (yaml.YAMLError, UnicodeDecodeError) as err:
            found.report(name, 1, 1, "yaml", f"cannot read this file: {err}")
            continue
        for dup_path, pos in located.duplicate_keys:
            found.report(name, pos.line, pos.col, _dotted(dup_path), "this key appears twice in the same mapping; the second one wins")
        if located.data is None:
            continue  # an empty file is harmless
        if not isinstance(located.data, dict):
            found.report(name, 1, 1, "file", "the file must be a mapping of kinds (studies:, claims:, ...) to lists")
            continue
        for kind, entries in located.data.items():
            if kind == "meta":
                metas.append(_Raw("meta", name, located, ("meta",), entries))
                continue
            if kind not in BY_YAML_KEY and kind not in GUIDANCE_KINDS:
                line, col = _pos(located, (kind,))
                known = ", ".join([*BY_YAML_KEY, *GUIDANCE_KINDS])
                found.report(name, line, col, str(kind), f"unknown kind (expected one of: meta, {known})")
                continue
            if not isinstance(entries, list):
                line, col = _pos(located, (kind,))
                found.report(name, line, col, kind, "expected a list of records under this key")
                continue
            records.extend(_Raw(kind, name, located, (kind, i), data) for i, data in enumerate(entries))
    for path in _snapshot_files(directory):
        digest.update(f"{RELEASES}/{path.name};".encode() + path.read_bytes())
    return records, metas, digest.hexdigest()[:16]


def _pos(located: Located, path: YamlPath) -> tuple[int, int]:
    pos = located.position_of(path)
    return pos.line, pos.col


def _validate(raw: _Raw, model: type[BaseModel], found: _Collector) -> BaseModel | None:
    try:
        return model.model_validate(raw.data)
    except ValidationError as err:
        for error in err.errors():
            loc = tuple(error["loc"])
            line, col = raw.at(*loc)
            where = raw.label + (f".{_dotted(loc)}" if loc else "")
            message = plain_message(error, field_model(model, loc + ("",)))
            found.report(raw.file, line, col, where, message)
            found.hold(raw.kind, raw.label, f"{where}: {message}")
        return None


def _unique(kind: str, pairs: list[tuple[_Raw, Any]], found: _Collector) -> dict[str, Any]:
    seen: dict[str, _Raw] = {}
    out: dict[str, Any] = {}
    for raw, record in pairs:
        if record.id in seen:
            first = seen[record.id]
            line, col = raw.at("id")
            first_line, _ = first.at("id")
            found.report(raw.file, line, col, f"{record.id}.id", f"duplicate id (first defined at {first.file}:{first_line})")
            found.hold(kind, record.id, "duplicate id")
            continue
        seen[record.id] = raw
        out[record.id] = record
    return out


def _cited(
    raw: _Raw, refs: list[str], sub: tuple[str | int, ...], known: dict[str, Any], held_ids: set[str], found: _Collector,
    noun: str = "study", indexed: bool = True,
) -> list[str]:
    """Check each reference; report dangling ones. Returns reasons to hold the citing record back."""
    reasons = []
    for j, ref in enumerate(refs):
        if ref in known:
            continue
        if ref in held_ids:
            reasons.append(f"cites held-back {noun} '{ref}'")
            continue
        at = (*sub, j) if indexed else sub
        line, col = raw.at(*at)
        where = f"{raw.label}.{_dotted(at)}"
        found.report(raw.file, line, col, where, f"unknown {noun} id '{ref}'")
        reasons.append(f"{where}: unknown {noun} id '{ref}'")
    return reasons


def load_base(directory: Path | str = DEFAULT_DIR) -> EvidenceBase:
    directory = Path(directory)
    found = _Collector()
    raws, metas, version = _read_files(directory, found)

    meta = None
    for raw in metas:
        meta = _validate(raw, BaseMeta, found) or meta

    by_kind: dict[str, list[tuple[_Raw, Any]]] = defaultdict(list)
    for raw in raws:
        record = _validate(raw, (BY_YAML_KEY[raw.kind].model if raw.kind in BY_YAML_KEY else GUIDANCE_KINDS[raw.kind]), found)
        if record is not None:
            by_kind[raw.kind].append((raw, record))

    raw_of = {id(record): raw for pairs in by_kind.values() for raw, record in pairs}
    figures = figures_by_source(record for _, record in by_kind["prevalence"])
    studies: dict[str, Study] = _keep_citing(
        "studies", _unique("studies", by_kind["studies"], found), found,
        lambda s: _faults(raw_of[id(s)], study_faults(s, figures), found),
    )
    held_studies = {rid for (kind, rid) in found.held if kind == "studies"}
    numbers = study_pools(studies, figures)

    prevalence = _keep_citing(
        "prevalence", _unique("prevalence", by_kind["prevalence"], found), found,
        lambda f: _cited(raw_of[id(f)], [f.source], ("source",), studies, held_studies, found, indexed=False),
    )
    claims = _keep_citing(
        "claims", _unique("claims", by_kind["claims"], found), found,
        lambda c: _cited(raw_of[id(c)], c.studies, ("studies",), studies, held_studies, found)
        + _ceiling_reasons(raw_of[id(c)], c, studies, found)
        + _faults(raw_of[id(c)], claim_faults(c, numbers), found),
    )
    guidelines: dict[str, Guideline] = _unique("guidelines", by_kind["guidelines"], found)
    held_guidelines = {rid for (kind, rid) in found.held if kind == "guidelines"}
    red_flags = _keep_citing(
        "red_flags", _unique("red_flags", by_kind["red_flags"], found), found,
        lambda g: [reason for i, sign in enumerate(g.signs) for j, row in enumerate(sign.where)
                   for reason in _cited(raw_of[id(g)], [row.guideline], ("signs", i, "where", j, "guideline"),
                                        guidelines, held_guidelines, found, noun="guideline", indexed=False)],
    )
    sources = _check_sources(_unique("sources", by_kind["sources"], found), raw_of, studies, held_studies, found,
                             guidelines, held_guidelines)
    sources = _keep_traced_article_claims(sources, {r.id: raw for raw, r in by_kind["sources"]}, numbers, found)
    searches = _keep_citing(
        "searches", _unique("searches", by_kind["searches"], found), found,
        lambda q: [reason for i, c in enumerate(q.candidates) if c.study
                   for reason in _cited(raw_of[id(q)], [c.study], ("candidates", i, "study"), studies, held_studies,
                                        found, indexed=False)],
    )
    glossary = _keep_linked_terms(_unique("glossary", by_kind["glossary"], found), raw_of, found)

    located = _check_history(directory, metas, meta, by_kind, (studies, prevalence, claims, sources, glossary), found)
    held = tuple(HeldBack(kind, rid, tuple(reasons)) for (kind, rid), reasons in found.held.items())
    return EvidenceBase(
        meta=meta, studies=studies, prevalence=prevalence, take_homes=claims, articles=sources, glossary=glossary,
        problems=tuple(sorted(found.problems)), held_back=held, version=version, guidelines=guidelines,
        red_flags=red_flags, searches=searches, located=located,
    )


def _check_history(directory: Path, metas: list[_Raw], meta: BaseMeta | None,
                   by_kind: dict[str, list[tuple[_Raw, Any]]], kinds: tuple, found: _Collector
                   ) -> dict[tuple[str, str], tuple[str, int]]:
    """Each record changed since a release needs history saying so (evidence/changes.py); not held back."""
    slugs = {key: kind.slug for key, kind in BY_YAML_KEY.items()}
    where: dict[tuple[str, str], tuple[_Raw, tuple]] = {}
    for kind, pairs in by_kind.items():
        if kind not in slugs:  # clinical guidance is not evidence: no history is tracked for it
            continue
        for raw, record in pairs:
            where.setdefault((slugs[kind], record.id), (raw, ()))
            for i, claim in enumerate(getattr(record, "claims", []) if kind == "sources" else []):
                where.setdefault(("article-claim", claim.id), (raw, ("claims", i)))
    located = {key: (raw.file, raw.at(*sub, "id")[0]) for key, (raw, sub) in where.items()}
    releases = read_releases(directory)
    for kind, record in records_of(*kinds) if releases else ():
        raw, sub = where[(kind, record.id)]
        for release in reversed(releases):  # the newest release it differs from says the most
            if gaps := history_gaps(release, kind, record):
                for field_name, message in gaps:
                    line, col = raw.at(*sub, field_name)
                    found.report(raw.file, line, col, f"{record.id}.{field_name}", message)
                break
    if releases and meta and metas and meta.version not in {r.version for r in releases}:
        line, col = metas[-1].at("version")
        what = f"'{meta.version}' has no snapshot in {RELEASES}/" if meta.version else "a released base needs a version"
        found.report(metas[-1].file, line, col, "meta.version", f"{what}: run `python -m evidence release --version ...`")
    return located


def _keep_citing(kind: str, records: dict[str, Any], found: _Collector, reasons_for) -> dict[str, Any]:
    kept = {}
    for rid, record in records.items():
        reasons = reasons_for(record)
        if reasons:
            for reason in reasons:
                found.hold(kind, rid, reason)
        else:
            kept[rid] = record
    return kept


def _keep_linked_terms(terms: dict[str, GlossaryTerm], raw_of: dict[int, _Raw], found: _Collector
                       ) -> dict[str, GlossaryTerm]:
    """Hold back terms with unknown related ids, then, until nothing changes, terms related to a held one."""
    known = dict(terms)
    invalid = {rid for (kind, rid) in found.held if kind == "glossary"}  # failed validation: hold quietly
    for term in terms.values():
        if reasons := _cited(raw_of[id(term)], term.related, ("related",), terms, invalid, found, noun="glossary term"):
            for reason in reasons:
                found.hold("glossary", term.id, reason)
            del known[term.id]
    changed = True
    while changed:
        changed = False
        for term in list(known.values()):
            held = [r for r in term.related if r not in known]
            if held:
                found.hold("glossary", term.id, f"cites held-back glossary term '{held[0]}'")
                del known[term.id]
                changed = True
    return known


def _faults(raw: _Raw, faults: list[tuple[tuple[str | int, ...], str]], found: _Collector,
            prefix: tuple[str | int, ...] = (), label: str | None = None) -> list[str]:
    """Report rule faults (path inside the record, message) at their lines; return them as hold reasons."""
    reasons = []
    for path, message in faults:
        line, col = raw.at(*prefix, *path)
        where = f"{label or raw.label}.{_dotted(path)}"
        found.report(raw.file, line, col, where, message)
        reasons.append(f"{where}: {message}")
    return reasons


def _keep_traced_article_claims(
    sources: dict[str, Article], raw_by_id: dict[str, _Raw], numbers: dict[str, list[float]], found: _Collector,
) -> dict[str, Article]:
    """Hold back article claims whose reason states a number no cited study holds (see prose_numbers)."""
    kept: dict[str, Article] = {}
    for article in sources.values():
        raw = raw_by_id[article.id]
        listed = [c.get("id") if isinstance(c, dict) else None for c in raw.data.get("claims", [])]
        judged = [(claim, _faults(raw, article_claim_faults(claim, numbers), found,
                                  ("claims", listed.index(claim.id)) if claim.id in listed else (), label=claim.id))
                  for claim in article.claims]
        _keep_good_claims(article, judged, kept, found)
    return kept


def _keep_good_claims(article: Article, judged: list[tuple[ArticleClaim, list[str]]],
                      kept: dict[str, Article], found: _Collector) -> None:
    """Hold back each claim with reasons; keep the article with the rest, or hold it if none is left."""
    for claim, reasons in judged:
        for reason in reasons:
            found.hold("article claims", claim.id, reason)
    good = [claim for claim, reasons in judged if not reasons]
    if good:
        kept[article.id] = article.model_copy(update={"claims": good})
    else:
        found.hold("sources", article.id, "every claim of this article is held back")


def _ceiling_reasons(raw: _Raw, claim: TakeHome, studies: dict[str, Study], found: _Collector) -> list[str]:
    message = ceiling_problem(claim.certainty, [studies[s].design for s in claim.studies if s in studies])
    if message is None:
        return []
    line, col = raw.at("certainty")
    found.report(raw.file, line, col, f"{claim.id}.certainty", message)
    return [message]


def _check_sources(
    sources: dict[str, Article], raw_of: dict[int, _Raw], studies: dict[str, Study], held_studies: set[str],
    found: _Collector, guidelines: dict[str, Guideline] | None = None, held_guidelines: set[str] = frozenset(),
) -> dict[str, Article]:
    """Hold back single article claims (not the whole article) when their studies are missing."""
    kept: dict[str, Article] = {}
    seen_claims: dict[str, str] = {}
    for article in sources.values():
        raw = raw_of[id(article)]
        judged: list[tuple[ArticleClaim, list[str]]] = []
        for i, claim in enumerate(article.claims):
            reasons = _cited(raw, claim.studies, ("claims", i, "studies"), studies, held_studies, found)
            reasons += _cited(raw, claim.guidelines, ("claims", i, "guidelines"), guidelines or {}, held_guidelines,
                              found, noun="guideline")
            if claim.id in seen_claims:
                line, col = raw.at("claims", i, "id")
                found.report(raw.file, line, col, f"{claim.id}.id", f"duplicate article-claim id (also in {seen_claims[claim.id]})")
                reasons.append("duplicate id")
            seen_claims.setdefault(claim.id, article.id)
            judged.append((claim, reasons))
        _keep_good_claims(article, judged, kept, found)
    return kept
