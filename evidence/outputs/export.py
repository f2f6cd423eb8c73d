"""Exports of the base: CSV (any kind), and BibTeX, RIS and CSL-JSON (studies).

Writers are hand-rolled on purpose: the tests read the output back with independent
parsers (bibtexparser, rispy), which is only a real check if we did not use them to write.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..kinds import EXPORTS
from ..load import EvidenceBase
from ..model import INITIALS_RE, PublicationType, Study

FORMATS = ("csv", "bibtex", "ris", "csljson")
CSV_KINDS = EXPORTS


@dataclass(frozen=True)
class Name:
    family: str
    initials: str = ""  # "DL"; empty for a group author such as "GBD 2021 Collaborators"

    @property
    def given(self) -> str:
        return " ".join(f"{c}." for c in self.initials)


def parse_author(author: str) -> Name | None:
    """'Belavý DL' -> Name('Belavý', 'DL'); 'et al.' -> None (it is not a person)."""
    author = author.strip()
    if author.lower().rstrip(".") == "et al":
        return None
    surname, _, last = author.rpartition(" ")
    if surname and INITIALS_RE.match(last):
        return Name(surname, last)
    return Name(author)


def names(study: Study) -> list[Name]:
    return [n for n in map(parse_author, study.authors) if n is not None]


def has_more_authors(study: Study) -> bool:
    return any(parse_author(a) is None for a in study.authors)


def is_conference_abstract(study: Study) -> bool:
    return study.publication_type is PublicationType.CONFERENCE_ABSTRACT


# Said in every citation format that has room for it, so a list cut short never passes as complete.
INCOMPLETE_AUTHORS_NOTE = "Author list incomplete in our record (et al.): see the public record for all authors."


def page_range(pages: str | None) -> tuple[str | None, str | None]:
    if not pages:
        return None, None
    start, _, end = pages.replace("–", "-").partition("-")
    return start.strip(), (end.strip() or None)


# ---- CSV -------------------------------------------------------------------------------

def _join(values: Iterable[Any]) -> str:
    return "; ".join(str(getattr(v, "value", v)) for v in values)


def _study_row(s: Study) -> dict[str, Any]:
    return {
        "id": s.id, "authors": _join(s.authors), "title": s.title, "journal": s.journal, "year": s.year,
        "volume": s.volume, "issue": s.issue, "pages": s.pages, "doi": s.doi, "url": s.url, "pmid": s.pmid,
        "registration": s.registration, "publication_type": s.publication_type.value, "design": s.design.value, "populations": _join(s.populations),
        "population": s.population, "age_range": s.age_range, "sample_size": s.sample_size,
        "studies_included": s.studies_included, "exposure": s.exposure, "comparator": s.comparator,
        "topics": _join(s.topics), "summary": s.summary, "verified": s.verified.value, "verified_in": s.verified_in,
        "verification_note": s.verification_note, "funding": s.funding, "conflicts": s.conflicts,
    }


def _rows(base: EvidenceBase, kind: str, studies: Iterable[Study]) -> list[dict[str, Any]]:
    if kind == "studies":
        return [_study_row(s) for s in studies]
    if kind == "outcomes":
        return [
            {"study_id": s.id, "study": s.short_citation, **o.model_dump(mode="json")}
            for s in studies for o in s.outcomes
        ]
    if kind == "prevalence":
        return [f.model_dump(mode="json") for f in base.prevalence.values()]
    if kind == "claims":
        return [{**c.model_dump(mode="json", exclude={"studies", "topics", "populations"}),
                 "topics": _join(c.topics), "populations": _join(c.populations), "studies": _join(c.studies)}
                for c in base.take_homes.values()]
    if kind == "article-claims":
        return [{"article_id": a.id, "article": a.title, "publisher": a.publisher, "id": c.id, "claim": c.claim,
                 "verdict": c.verdict.value, "reason": c.reason, "studies": _join(c.studies),
                 "guidelines": _join(c.guidelines)}
                for a in base.articles.values() for c in a.claims]
    if kind == "glossary":
        return [{**t.model_dump(mode="json", exclude={"aliases", "related"}),
                 "aliases": _join(t.aliases), "related": _join(t.related)} for t in base.glossary.values()]
    raise ValueError(f"unknown kind '{kind}' (expected one of: {', '.join(CSV_KINDS)})")


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


# ---- BibTeX ----------------------------------------------------------------------------

def _bib_escape(text: str) -> str:
    return text.replace("{", r"\{").replace("}", r"\}").replace("&", r"\&").replace("%", r"\%")


def _bib_name(name: Name) -> str:
    if not name.initials:
        return "{" + _bib_escape(name.family) + "}"  # braces keep a group author in one piece
    return f"{_bib_escape(name.family)}, {name.given}"


def to_bibtex(studies: Iterable[Study]) -> str:
    entries = []
    for s in studies:
        authors = [_bib_name(n) for n in names(s)] + (["others"] if has_more_authors(s) else [])
        # A conference abstract is a paper in the meeting's proceedings: @inproceedings with a booktitle.
        venue = "booktitle" if is_conference_abstract(s) else "journal"
        fields = {
            "author": " and ".join(authors), "title": _bib_escape(s.title), venue: _bib_escape(s.journal),
            "year": str(s.year), "volume": s.volume, "number": s.issue,
            "pages": s.pages.replace("-", "--") if s.pages else None,
            "doi": s.doi, "url": s.url, "pmid": s.pmid,
        }
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
        kind = "inproceedings" if is_conference_abstract(s) else "article"
        entries.append(f"@{kind}{{{s.id},\n{body}\n}}\n")
    return "\n".join(entries)


# ---- RIS -------------------------------------------------------------------------------

def to_ris(studies: Iterable[Study]) -> str:
    lines: list[str] = []
    for s in studies:
        start, end = page_range(s.pages)
        conference = is_conference_abstract(s)
        tags: list[tuple[str, str | None]] = [("TY", "CPAPER" if conference else "JOUR"), ("ID", s.id)]
        tags += [("AU", f"{n.family}, {n.given}" if n.initials else n.family) for n in names(s)]
        tags += [("TI", s.title), ("T2" if conference else "JO", s.journal), ("PY", str(s.year)), ("VL", s.volume),
                 ("IS", s.issue), ("SP", start), ("EP", end), ("DO", s.doi), ("UR", s.url),
                 ("AN", f"PMID {s.pmid}" if s.pmid else None),
                 ("N1", INCOMPLETE_AUTHORS_NOTE if has_more_authors(s) else None), ("ER", "")]
        lines += [f"{tag}  - {value}".rstrip() if tag == "ER" else f"{tag}  - {value}" for tag, value in tags
                  if value is not None]
        lines.append("")
    return "\n".join(lines)


# ---- CSL-JSON --------------------------------------------------------------------------

def to_csljson(studies: Iterable[Study]) -> str:
    items = []
    for s in studies:
        item: dict[str, Any] = {
            "id": s.id, "type": "paper-conference" if is_conference_abstract(s) else "article-journal",
            "title": s.title, "container-title": s.journal,
            "author": [{"family": n.family, "given": n.given} if n.initials else {"literal": n.family} for n in names(s)],
            "issued": {"date-parts": [[s.year]]},
        }
        for key, value in (("volume", s.volume), ("issue", s.issue), ("page", s.pages), ("DOI", s.doi),
                           ("URL", s.url), ("PMID", s.pmid)):
            if value:
                item[key] = value
        if is_conference_abstract(s):
            item["event-title"] = s.journal
            item["genre"] = "Conference abstract"
        if has_more_authors(s):
            item["note"] = INCOMPLETE_AUTHORS_NOTE
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


_CITATION_WRITERS: dict[str, Callable[[Iterable[Study]], str]] = {
    "bibtex": to_bibtex, "ris": to_ris, "csljson": to_csljson,
}
MEDIA_TYPES = {"csv": "text/csv", "bibtex": "application/x-bibtex", "ris": "application/x-research-info-systems",
               "csljson": "application/vnd.citationstyles.csl+json"}
EXTENSIONS = {"csv": "csv", "bibtex": "bib", "ris": "ris", "csljson": "json"}


def export(base: EvidenceBase, fmt: str, kind: str = "studies", studies: Iterable[Study] | None = None) -> str:
    """Render `studies` (default: all) or another kind in `fmt`. Citation formats are for studies only."""
    chosen = list(base.studies.values()) if studies is None else list(studies)
    if fmt == "csv":
        return to_csv(_rows(base, kind, chosen))
    if fmt not in _CITATION_WRITERS:
        raise ValueError(f"unknown format '{fmt}' (expected one of: {', '.join(FORMATS)})")
    if kind != "studies":
        raise ValueError(f"{fmt} exports studies only; use --format csv for {kind}")
    return _CITATION_WRITERS[fmt](chosen)


# ---- text citation ---------------------------------------------------------------------

def vancouver(study: Study, max_authors: int = 6) -> str:
    """A Vancouver-style reference: 'Belavý DL, Quittner MJ, et al. Title. Journal. 2017;7:45975.'"""
    people = [n.family if not n.initials else f"{n.family} {n.initials}" for n in names(study)]
    shown = people[:max_authors] + (["et al"] if len(people) > max_authors or has_more_authors(study) else [])
    text = f"{', '.join(shown)}. {study.title.rstrip('.')}. {study.journal}. {study.year}"
    if study.volume:
        text += f";{study.volume}"
        if study.issue:
            text += f"({study.issue})"
    if study.pages:
        text += f":{study.pages}"
    return text + "."


def doi_url(study: Study) -> str | None:
    return f"https://doi.org/{study.doi}" if study.doi else study.url


def locator(study: Study) -> tuple[str, str] | None:
    """Where to find a study, as (text, address): ('doi:10.1038/srep45975', 'https://doi.org/…') when it has
    a DOI, else (its URL, its URL); None when it has neither. Screen, citation and handout all print this."""
    address = doi_url(study)
    if not address:
        return None
    return (f"doi:{study.doi}" if study.doi else address), address


def locator_text(study: Study) -> str | None:
    found = locator(study)
    return found[0] if found else None
