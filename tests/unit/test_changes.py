"""History, release snapshots and what an older link is told (evidence/changes.py and the loader's rules)."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from evidence.kinds import LABELS
from evidence.changes import (base_records, before_text, change_log, changes_between, differences,
                              grouped_by_release, read_release, read_releases, record_href, release_json,
                              since_release)
from evidence.load import DEFAULT_DIR, load_base
from evidence.model import BaseMeta, TakeHome, HistoryEntry
from evidence.report import PROMPT, report_href
from evidence.links import sibling_url, with_version

# A low-certainty take-home with no history of its own, unchanged since release 2026.11.22.
CLAIM = "disc-water-no-overall-change"
SHIPPED_RELEASE = DEFAULT_DIR / "releases" / "2026.12.06.json"  # the current release


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A copy of the shipped base set back to release 2026.11.22, to change one thing at a time.

    Every history entry shipped since is dated after 2026.11.22, so the copy is valid, and an entry dated
    after that release is never in the future."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DIR, target)
    for later in (target / "releases").glob("*.json"):
        if later.stem > "2026.11.22":
            later.unlink()
    meta = target / "meta.yaml"
    shipped = read_release(SHIPPED_RELEASE)
    meta.write_text(meta.read_text(encoding="utf-8").replace(f'version: "{shipped.version}"', 'version: "2026.11.22"')
                    .replace(f"released: {shipped.released.isoformat()}", "released: 2026-11-22"), encoding="utf-8")
    return target


def change_claim(directory: Path, old: str, new: str, history: str = "") -> None:
    path = directory / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {CLAIM}\n")
    end = text.index("\n  - id: ", start + 1)
    block = text[start:end]
    assert old in block
    block = block.replace(old, new)
    if history:
        block = block.replace(f"  - id: {CLAIM}\n", f"  - id: {CLAIM}\n" + textwrap.indent(history, "    "))
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


LOWER = ("certainty: low\n", "certainty: very-low\n")
HEDGE = ("Twelve weeks of running may not change", "It is unclear whether twelve weeks of running change")
OLD_STATEMENT = ("Twelve weeks of running may not change how much water your discs hold. One small study found no "
                 "change overall.")


def lowered(directory: Path, history: str) -> None:
    change_claim(directory, *LOWER)
    change_claim(directory, *HEDGE, history=history)


GOOD_HISTORY = f"""history:
  - date: 2026-11-25
    change: Certainty lowered from low to very low.
    reason: One small trial with no replication.
    old_certainty: low
    old_statement: {OLD_STATEMENT}
"""


# ---- the shipped base and its first release -----------------------------------------------

def test_the_shipped_base_is_release_2026_12_06_and_its_snapshot_covers_every_linkable_record():
    evidence = load_base()
    assert evidence.ok, evidence.problems[:3]
    assert evidence.meta.version == "2026.12.06" and evidence.meta.released == dt.date(2026, 12, 6)
    release = read_release(SHIPPED_RELEASE)
    assert release.version == "2026.12.06"
    records = base_records(evidence)
    assert len(records) > 150
    assert set(release.records) == set(records)
    assert {kind for kind, _ in records} == set(LABELS)
    changed, added, removed = changes_between(release, records)
    assert (changed, added, removed) == ([], [], [])


def test_the_snapshot_file_is_what_release_json_writes():
    evidence = load_base()
    expected = release_json("2026.12.06", dt.date(2026, 12, 6), base_records(evidence))
    assert SHIPPED_RELEASE.read_text(encoding="utf-8") == expected


def test_the_snapshot_keeps_the_fields_whose_change_matters():
    release = read_release(SHIPPED_RELEASE)
    claim = release.records[("take-home", "running-may-ease-back-pain")]
    assert claim["certainty"] == "low" and claim["statement"].startswith("For adults with long-lasting back pain")
    assert set(release.records[("article-claim", "fs-all-improved")]) == {"verdict"}
    study = release.records[("study", "neason-2024-asteroid-rct")]["figures"]
    assert study["sample_size"] == 40 and any(o["estimate"] == -15.3 for o in study["outcomes"])
    assert release.records[("term", next(k[1] for k in release.records if k[0] == "term"))] == {}


# ---- the loader's history rules -------------------------------------------------------------

def test_a_changed_take_home_without_history_is_a_problem_at_its_id_line(base_copy: Path):
    lowered(base_copy, "")
    evidence = load_base(base_copy)
    problems = [p for p in evidence.problems if p.field == f"{CLAIM}.id"]
    assert len(problems) == 1, evidence.problems
    problem = problems[0]
    lines = Path(problem.file).read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].strip() == f"- id: {CLAIM}"
    assert "changed since release 2026.11.22 (certainty: low -> very-low; statement:" in problem.message
    assert "no history entry dated after 2026-11-22" in problem.message
    assert CLAIM in evidence.take_homes, "a record lacking history is reported, not hidden"


def test_with_a_history_entry_giving_the_old_values_the_base_is_valid(base_copy: Path):
    lowered(base_copy, GOOD_HISTORY)
    evidence = load_base(base_copy)
    assert evidence.ok, evidence.problems


def test_a_history_entry_must_give_the_old_certainty_when_it_changed(base_copy: Path):
    lowered(base_copy, GOOD_HISTORY.replace("    old_certainty: low\n", ""))
    problems = load_base(base_copy).problems
    assert [p.field for p in problems] == [f"{CLAIM}.history"]
    assert "certainty changed since release 2026.11.22" in problems[0].message
    assert "must give old_certainty: low" in problems[0].message
    assert Path(problems[0].file).read_text().splitlines()[problems[0].line - 1].strip() == "history:"


def test_an_entry_dated_on_or_before_the_release_does_not_count(base_copy: Path):
    lowered(base_copy, GOOD_HISTORY.replace("2026-11-25", "2026-11-22"))
    problems = load_base(base_copy).problems
    assert len(problems) == 1 and "no history entry dated after 2026-11-22" in problems[0].message


def test_rewrapping_a_statement_is_not_a_change(base_copy: Path):
    change_claim(base_copy, "One small\n      study found", "One\n      small study found")
    assert load_base(base_copy).ok


def test_a_changed_verdict_and_a_changed_study_figure_need_history_too(base_copy: Path):
    sources = base_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    start = text.index("- id: fs-omits-control-and-age")
    verdict_at = text.index("verdict: overstated", start)
    sources.write_text(text[:verdict_at] + "verdict: not-supported" + text[verdict_at + len("verdict: overstated"):])
    studies = base_copy / "studies.yaml"
    # A renamed outcome changes a study's figures without breaking a number the prose quotes.
    studies.write_text(studies.read_text(encoding="utf-8").replace(
        "- name: Point prevalence of low back pain\n        topic: prevalence\n        measure: proportion of respondents",
        "- name: Point prevalence of back pain\n        topic: prevalence\n        measure: proportion of respondents", 1))
    fields = sorted(p.field for p in load_base(base_copy).problems)
    assert fields == ["fs-omits-control-and-age.id", "woolf-2002-cooper-river.id"], fields


def test_meta_version_without_a_snapshot_is_a_problem(base_copy: Path):
    meta = base_copy / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"2026.11.22"', '"2026.12.01"'))
    problems = load_base(base_copy).problems
    assert [p.field for p in problems] == ["meta.version"]
    assert "has no snapshot in releases/" in problems[0].message


# ---- the model's rules ----------------------------------------------------------------------

def entry(date: str, **more) -> dict:
    return {"date": date, "change": "Certainty lowered.", "reason": "A re-check.", **more}


def claim_with(history: list[dict]) -> dict:
    return {"id": "x-may-help", "certainty": "low", "statement": "It may help.", "expert_summary": "One trial.",
            "certainty_reason": "Small.", "direction": "benefit", "topics": ["pain"], "populations": ["chronic-lbp"],
            "studies": ["s"], "history": history}


def test_history_must_be_oldest_first_and_not_in_the_future():
    TakeHome.model_validate(claim_with([entry("2026-11-23"), entry("2026-11-25")]))
    with pytest.raises(ValidationError, match="history must be oldest first: 2026-11-23 comes after 2026-11-25"):
        TakeHome.model_validate(claim_with([entry("2026-11-25"), entry("2026-11-23")]))
    with pytest.raises(ValidationError, match="2999-01-01 is in the future"):
        TakeHome.model_validate(claim_with([entry("2999-01-01")]))
    with pytest.raises(ValidationError, match="Input should be 'high'"):
        TakeHome.model_validate(claim_with([entry("2026-11-25", old_certainty="sure")]))


META = {"title": "t", "question": "q", "last_reviewed": "2026-11-22", "licence": "l", "corrections": "c",
        "disclaimer": "d"}


@pytest.mark.parametrize("target", ["mailto:corrections@example.org", "https://github.com/org/repo/issues/new"])
def test_report_to_takes_a_mailto_address_or_an_https_tracker(target: str):
    assert BaseMeta.model_validate({**META, "report_to": target}).report_to == target


@pytest.mark.parametrize("target", ["corrections@example.org", "http://tracker.example.org/new", "javascript:alert(1)",
                                    "mailto:nobody", "ftp://example.org/x"])
def test_report_to_refuses_other_schemes(target: str):
    with pytest.raises(ValidationError, match="must be a mailto: address"):
        BaseMeta.model_validate({**META, "report_to": target})


def test_version_is_written_like_a_date():
    assert BaseMeta.model_validate({**META, "version": "2026.11.29"}).version == "2026.11.29"
    with pytest.raises(ValidationError):
        BaseMeta.model_validate({**META, "version": "v1"})


# ---- what an older link is told, and the change log ----------------------------------------

@pytest.fixture
def changed(base_copy: Path):
    lowered(base_copy, GOOD_HISTORY)
    return base_records(load_base(base_copy)), read_releases(base_copy)


def test_an_older_link_hears_about_the_changed_record_it_shows(changed):
    records, releases = changed
    shown = [("take-home", CLAIM), ("study", "belavy-2017-running-discs")]  # the study is unchanged
    since = since_release("2026.11.22", "2026.11.29", releases, records, shown)
    assert since.known and since.baseline.version == "2026.11.22"
    assert [(c.kind, c.id) for c in since.changes] == [("take-home", CLAIM)]
    change = since.changes[0]
    assert change.href == f"take-homes?claim={CLAIM}"
    assert change.entries[0].change == "Certainty lowered from low to very low."
    assert before_text(change.entries[0]).startswith("certainty was low; it used to say: “Twelve weeks")


def test_no_v_the_current_v_or_unchanged_records_say_nothing(changed):
    records, releases = changed
    shown = [("take-home", CLAIM)]
    assert since_release(None, "2026.11.29", releases, records, shown) is None
    assert since_release("2026.11.29", "2026.11.29", releases, records, shown) is None
    assert since_release("2026.11.22", "2026.11.29", releases, records, [("take-home", "no-such")]) is None
    assert since_release("2026.11.22", "2026.11.29", releases, records,
                         [("take-home", "running-may-ease-disability")]) is None


def test_an_unknown_v_is_read_as_the_oldest_release(changed):
    records, releases = changed
    since = since_release("<script>", "2026.11.29", releases, records, [("take-home", CLAIM)])
    assert not since.known and since.baseline.version == "2026.11.22" and len(since.changes) == 1


def test_change_log_is_newest_first_and_filters_by_kind_and_record(changed):
    records, releases = changed
    log = change_log(records)
    # The shipped entries (2026-11-29) come before this older one (2026-11-25): newest first.
    assert [e.date for e in log] == sorted((e.date for e in log), reverse=True) and len(log) > 1
    assert [(e.kind, e.id) for e in log][-1] == ("take-home", CLAIM)
    studies = change_log(records, kinds=["study"])
    assert studies and {e.kind for e in studies} == {"study"}
    assert change_log(records, record="other") == []
    assert [(e.kind, e.id) for e in change_log(records, record=CLAIM)] == [("take-home", CLAIM)]
    groups = grouped_by_release(log, releases)
    assert [(r, len(g)) for r, g in groups] == [(None, len(log))], "after the last release: not yet released"


def test_differences_name_the_nested_figure_that_changed():
    old = {"figures": {"sample_size": 40, "outcomes": [{"estimate": -15.3}]}}
    new = {"figures": {"sample_size": 40, "outcomes": [{"estimate": -15.2}]}}
    assert differences(old, new) == [("figures.outcomes[0].estimate", -15.3, -15.2)]
    assert differences(old, old) == []


def test_every_kind_links_to_its_own_view():
    assert record_href("study", "a") == "study?study=a"
    assert record_href("article-claim", "b") == "claim-check?claim=b"
    assert record_href("figure", "c") == "prevalence?figure=c"


# ---- versioned links and the report link ---------------------------------------------------

def test_with_version_sets_v_last_and_replaces_an_old_one():
    assert list(with_version({"v": "2026.01.01", "topic": ["pain"]}, "2026.11.29").items()) == [
        ("topic", ["pain"]), ("v", "2026.11.29")]
    assert with_version({"topic": "pain"}, None) == {"topic": "pain"}


def test_sibling_url_keeps_the_host_and_base_path():
    assert (sibling_url("https://ex.org/base/findings?topic=pain", "study?study=a", "2026.11.29")
            == "https://ex.org/base/study?study=a&v=2026.11.29")
    assert sibling_url("http://localhost:8501/", "take-homes?claim=b") == "http://localhost:8501/take-homes?claim=b"


def test_report_href_prefills_the_record_and_the_versioned_link():
    from urllib.parse import parse_qs, urlsplit

    link = "http://localhost:8501/study?study=a&v=2026.11.29"
    mail = report_href("mailto:c@example.org", "study", "a", "Smith 2020: A trial", link)
    query = parse_qs(urlsplit(mail).query)
    assert mail.startswith("mailto:c@example.org?subject=")
    assert query["subject"] == ["Problem with study a"]
    assert f"Link: {link}" in query["body"][0] and "Title: Smith 2020: A trial" in query["body"][0]
    assert PROMPT in query["body"][0]
    tracker = report_href("https://git.example.org/o/r/issues/new?labels=data", "study", "a", "T", link)
    assert parse_qs(urlsplit(tracker).query)["labels"] == ["data"]
    assert parse_qs(urlsplit(tracker).query)["title"] == ["Problem with study a"]


def test_the_first_release_adds_version_and_released_under_meta(tmp_path: Path):
    from evidence.release import release

    directory = tmp_path / "data"
    shutil.copytree(DEFAULT_DIR, directory, ignore=shutil.ignore_patterns("releases"))
    meta = directory / "meta.yaml"
    meta.write_text("".join(line for line in meta.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.lstrip().startswith(("version:", "released:"))), encoding="utf-8")
    outcome = release(directory, "2026.12.06", dt.date(2026, 12, 6))
    assert outcome.code == 0, outcome.lines + outcome.errors
    assert "the first release, nothing to compare with" in outcome.lines[0]
    # The schema line stays first; version and released go straight under `meta:`.
    assert 'meta:\n  version: "2026.12.06"\n  released: 2026-12-06\n' in meta.read_text(encoding="utf-8")
    assert meta.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema.json\nmeta:\n")
    assert (directory / "releases" / "2026.12.06.json").read_text() == SHIPPED_RELEASE.read_text()
    assert load_base(directory).ok
