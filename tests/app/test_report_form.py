"""The report form under AppTest, writing to a real SQLite file (one per test, REPORTS_DATABASE_PATH): it opens from
?report=<kind>:<id> on any view, stores a report with everything captured, refuses bad input and a sixth report in
ten minutes with a message each, keeps the reader's text when the database cannot be reached, and What's new lists
the reports a curator resolved (never the reader's contact)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from components.reader_corrections import HEADING
from components.report_form import KEYS, NOT_STORED, SEND
from evidence import load_base
from evidence.changes import record_title
from evidence.load import DEFAULT_DIR
from evidence.reports.draft import CONTACT, LABELS, LIMITS, SHOULD_SAY, SOURCE, TRAP, WHAT_IS_WRONG, Captured, Draft
from evidence.reports.store import ReportStore

from .apptest_helpers import open_view, prose_html, share_panel

CLAIM = "running-may-ease-back-pain"
TARGET = f"take-home:{CLAIM}"
CURRENT = load_base().meta.version


@pytest.fixture
def database(tmp_path, monkeypatch) -> ReportStore:
    """This test's own reports file, in a folder that does not exist yet (the store makes it)."""
    path = tmp_path / "data" / "reports.sqlite3"
    monkeypatch.setenv("REPORTS_DATABASE_PATH", str(path))
    store = ReportStore(f"sqlite:///{path.resolve()}")
    yield store
    store.dispose()


def _form(**params):
    at = open_view("take-homes", claim=CLAIM, report=TARGET, **params)
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_area(key=KEYS[WHAT_IS_WRONG]) is not None, "the form is open"
    return at


def _fill(at, **fields: str):
    for name, text in fields.items():
        widget = at.text_area(key=KEYS[name]) if name in (WHAT_IS_WRONG, SHOULD_SAY) else at.text_input(key=KEYS[name])
        widget.set_value(text)
    return at


def _send(at):
    next(b for b in at.button if b.label == SEND).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _success(at) -> str:
    return " ".join(s.value for s in at.success)


def test_the_form_stores_a_report_with_everything_captured_then_clears(database):
    at = _form(v=CURRENT, topic="pain")
    labels = [w.label for w in [*at.text_area, *at.text_input] if w.key in KEYS.values()]
    assert labels == [LABELS[WHAT_IS_WRONG], LABELS[SHOULD_SAY], LABELS[SOURCE], LABELS[CONTACT], LABELS[TRAP]]
    words = "The take-home says “may ease”; the trial found no difference.\nSee table 2."
    _send(_fill(at, what_is_wrong=words, should_say="Running probably makes no difference",
                source="10.1000/example", contact="reader@example.org"))
    [stored] = database.reports()
    assert f"Its reference is **{stored.reference}**" in _success(at)
    assert (stored.kind, stored.record_id, stored.page, stored.release) == ("take-home", CLAIM, "take-homes", CURRENT)
    assert stored.record_title == record_title(load_base().take_homes[CLAIM])
    assert (stored.what_is_wrong, stored.should_say, stored.source, stored.contact) == \
        (words, "Running probably makes no difference", "10.1000/example", "reader@example.org")
    query = parse_qs(urlsplit(stored.view_url).query)
    assert urlsplit(stored.view_url).path.endswith("/take-homes")
    assert query == {"claim": [CLAIM], "topic": ["pain"], "v": [CURRENT]}, "the view's link, without the open form"
    assert not any(k in at.session_state for k in KEYS.values()), "the form is cleared once the report is stored"
    next(b for b in at.button if b.label == "Done").click().run()
    assert "report" not in at.query_params and not at.text_area, "closed: the address loses ?report="


def test_a_page_without_the_parameter_builds_no_form(database):
    at = open_view("take-homes", claim=CLAIM)
    assert not at.exception and not at.text_area and not at.get("form")


@pytest.mark.parametrize("fields, words", [
    ({WHAT_IS_WRONG: "   "}, "is empty"),
    ({WHAT_IS_WRONG: "x" * (LIMITS[WHAT_IS_WRONG] + 1)}, f"takes at most {LIMITS[WHAT_IS_WRONG]:,}"),
    ({WHAT_IS_WRONG: "binary \x00\x01 here"}, "not text (a control or binary character"),
    ({WHAT_IS_WRONG: "fine", CONTACT: "not an address"}, "does not look like an e-mail address"),
    ({WHAT_IS_WRONG: "fine", TRAP: "http://spam.example"}, "to catch automated spam"),
], ids=["empty", "too-long", "control-characters", "contact", "bot-box"])
def test_bad_input_is_refused_with_a_message_and_nothing_stored(database, fields, words):
    at = _send(_fill(_form(), **fields))
    errors = " ".join(e.value for e in at.error)
    assert words in errors, errors
    assert not at.success and database.reports(None) == []
    assert at.text_area(key=KEYS[WHAT_IS_WRONG]).value == fields[WHAT_IS_WRONG], "the reader's text is kept"


def test_a_sixth_report_in_ten_minutes_is_refused_and_kept(database):
    at = _form()
    for n in range(5):
        _send(_fill(at, what_is_wrong=f"Report {n}"))
        assert "Thank you" in _success(at)
        next(b for b in at.button if b.label == "Report another problem").click().run()
    _send(_fill(at, what_is_wrong="Report 6"))
    assert any("5 reports in the last 10 minutes" in e.value for e in at.error)
    assert at.text_area(key=KEYS[WHAT_IS_WRONG]).value == "Report 6"
    assert sorted(r.what_is_wrong for r in database.reports()) == [f"Report {n}" for n in range(5)]


def test_a_database_that_cannot_be_reached_keeps_the_text_and_sending_again_stores_one(database, tmp_path,
                                                                                       monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the database's folder should be")
    monkeypatch.setenv("REPORTS_DATABASE_PATH", str(blocker / "reports.sqlite3"))
    at = _send(_fill(_form(), what_is_wrong="Kept while the database is away", source="10.1000/kept"))
    assert [w.value for w in at.warning] == [NOT_STORED] and not at.success
    assert at.text_area(key=KEYS[WHAT_IS_WRONG]).value == "Kept while the database is away"
    assert at.text_input(key=KEYS[SOURCE]).value == "10.1000/kept"
    assert not [c for c in at.caption if "e-mail" in c.value], "no e-mail way where meta.report_to is not set"
    monkeypatch.setenv("REPORTS_DATABASE_PATH", str(database.url.removeprefix("sqlite:///")))
    _send(at)
    assert "Thank you" in _success(at)
    assert [(r.what_is_wrong, r.source) for r in database.reports()] == [("Kept while the database is away",
                                                                         "10.1000/kept")]


@pytest.fixture
def base_with_report_to(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "base"
    shutil.copytree(DEFAULT_DIR, folder)
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text() + "  report_to: mailto:curators@example.org\n")
    monkeypatch.setenv("EVIDENCE_DIR", str(folder))
    return folder


def test_where_report_to_is_set_the_form_offers_email_and_sends_the_readers_text_that_way(base_with_report_to,
                                                                                          tmp_path, monkeypatch):
    at = _form()
    offer = next(c.value for c in at.caption if "Send it by e-mail instead" in c.value)
    assert "mailto:curators@example.org?subject=" in offer
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("REPORTS_DATABASE_PATH", str(blocker / "reports.sqlite3"))
    _send(_fill(at, what_is_wrong="My words & more"))
    fallback = next(c.value for c in at.caption if "send the same text by e-mail instead" in c.value)
    href = fallback.split("](", 1)[1].split(")", 1)[0]
    body = unquote(parse_qs(urlsplit(href).query)["body"][0])
    assert "My words & more" in body and f"Record: take-home {CLAIM}" in body


def test_an_unknown_record_opens_no_form_and_says_why(database):
    at = open_view("home", report="study:no-such-study")  # any page: the frame reads it
    assert not at.exception and not at.text_area
    assert any("no-such-study" in i.value and "report form is not opened" in i.value for i in at.info)
    assert "report" not in at.query_params


def test_the_view_shared_while_the_form_is_open_leaves_the_form_out(database):
    at = _form(v=CURRENT)
    link = share_panel(at).code[0].value
    assert "report=" not in link and f"claim={CLAIM}" in link


def test_whats_new_lists_resolved_reports_with_the_curators_note_never_the_readers_contact(database):
    study = next(iter(load_base().studies.values()))
    captured = Captured("study", study.id, study.short_citation, "study", "http://x/study", CURRENT)
    fixed = database.submit(captured, Draft("The sample size is wrong", contact="secret-reader@example.org"), "a")
    declined = database.submit(captured, Draft("Another one"), "b")
    database.submit(captured, Draft("Still open"), "c")
    database.resolve(fixed.id, "resolved", "Sample size corrected to 120 [see](javascript:alert(1)).", "2026.12.13")
    database.resolve(declined.id, "declined", "DECLINED NOTE")
    at = open_view("whats-new")
    assert not at.exception
    assert HEADING in [h.value for h in at.header]
    html = " ".join(prose_html(at))
    assert "Sample size corrected to 120" in html and "corrected in version 2026.12.13" in html
    assert 'href="javascript' not in html, "the note stays text: it cannot become a link"
    assert "secret-reader" not in html and "DECLINED NOTE" not in html and "Still open" not in html
    assert "The sample size is wrong" not in html, "the reader's own words are not published"
