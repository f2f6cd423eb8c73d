"""The reports store, the same tests on SQLite (a file in a temporary folder) and on a real PostgreSQL server
(tests/postgres.py: REPORTS_TEST_POSTGRES_URL, or a cluster the tests start). No mock: every report is written to
the database and read back from it; every fault is a real one (a commit the database refuses, a server stopped)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import DDL, create_engine, insert, inspect, select

from evidence.reports import schema
from evidence.reports.draft import Captured, Draft
from evidence.reports.store import (NotStored, ReportStore, Unavailable, database_url, default_path, normalised_url,
                                    reference, report_id, shown_url)
from tests.postgres import Cluster

from .report_counts import tally

CAPTURED = Captured(kind="take-home", record_id="running-may-ease-back-pain",
                    record_title="Running may ease back pain", page="take-homes",
                    view_url="http://localhost:8501/take-homes?claim=running-may-ease-back-pain&v=2026.12.06",
                    release="2026.12.06")
# Text a reader may really send, stored exactly as given: spaces kept, new lines and tabs, markup and SQL as text.
AWKWARD = ("  The figure is 30% — the study says 13 in 100.\n\tSee <script>alert('x')</script> and "
           "[this](javascript:alert(1)); '; DROP TABLE reports; -- 😀 ‮reversed  ")
DRAFT = Draft(what_is_wrong=AWKWARD, should_say="13 in 100 (not 30%)", source="10.1000/xyz123",
              contact="reader@example.org")


def _clean(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in ("DROP TABLE IF EXISTS commit_gate", "DROP TABLE IF EXISTS missing_parent"):
            connection.execute(DDL(statement))
        schema.metadata.drop_all(connection)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'made-on-first-use' / 'reports.sqlite3'}"
    else:
        url = normalised_url(request.getfixturevalue("postgres_url"))
        _clean(url)
    made = ReportStore(url)
    yield made
    tally(request.param, made)
    made.dispose()


def _submit(store: ReportStore, draft: Draft = DRAFT, captured: Captured = CAPTURED, **more):
    return store.submit(captured, draft, uuid.uuid4().hex, **more)


def test_a_report_round_trips_with_every_captured_field(store):
    stored = _submit(store)
    assert stored.reference == reference(stored.id) and stored.status == "open"
    again = store.get(stored.reference)
    assert again == stored
    assert (again.kind, again.record_id, again.record_title, again.page, again.view_url, again.release) == \
        (CAPTURED.kind, CAPTURED.record_id, CAPTURED.record_title, CAPTURED.page, CAPTURED.view_url, CAPTURED.release)
    assert (again.what_is_wrong, again.should_say, again.source, again.contact) == \
        (DRAFT.what_is_wrong, DRAFT.should_say, DRAFT.source, DRAFT.contact), "stored exactly as typed"
    assert again.created_at.tzinfo is not None and abs(again.created_at - dt.datetime.now(dt.timezone.utc)) < \
        dt.timedelta(minutes=1)
    assert (again.resolution_note, again.resolved_release, again.resolved_at) == (None, None, None)
    assert store.reports() == [again]
    assert not {"ip", "address", "user_agent", "remote"} & {c.name for c in schema.reports.c}, "no IP address"


def test_the_same_form_sent_twice_is_one_report(store):
    first = store.submit(CAPTURED, DRAFT, "form-1")
    assert store.submit(CAPTURED, DRAFT, "form-1") == first
    assert len(store.reports()) == 1


def test_reports_are_listed_newest_first_and_filtered_by_record_kind_and_status(store):
    start = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    study = Captured("study", "a-study", "A study", "study", "http://x/study?study=a-study", "2026.12.06")
    made = [_submit(store, captured=c, now=start + dt.timedelta(hours=i))
            for i, c in enumerate([CAPTURED, study, CAPTURED])]
    assert [r.id for r in store.reports()] == [made[2].id, made[1].id, made[0].id]
    assert [r.id for r in store.reports(record="a-study")] == [made[1].id]
    assert [r.id for r in store.reports(kinds=["take-home"])] == [made[2].id, made[0].id]
    store.resolve(made[0].reference, "declined", "The study says 30% too.")
    assert [r.id for r in store.reports()] == [made[2].id, made[1].id], "open ones by default"
    assert [r.id for r in store.reports("declined")] == [made[0].id]
    assert len(store.reports(None)) == 3


def test_a_resolved_report_is_a_correction_a_declined_one_is_not(store):
    fixed, refused = _submit(store), _submit(store)
    resolved = store.resolve(fixed.reference, "resolved", "Changed 30% to 13 in 100.", "2026.12.13")
    store.resolve(refused.id, "declined", "The figure was right.")
    assert (resolved.status, resolved.resolution_note, resolved.resolved_release) == \
        ("resolved", "Changed 30% to 13 in 100.", "2026.12.13")
    assert resolved.resolved_at is not None and resolved.resolved_at.tzinfo is not None
    assert [c.id for c in store.corrections()] == [fixed.id]
    with pytest.raises(KeyError):
        store.resolve("R-99999", "resolved", "x")
    with pytest.raises(ValueError):
        store.resolve(fixed.id, "deleted", "x")


def test_a_commit_the_database_refuses_leaves_nothing_and_the_text_with_the_reader(store):
    """The commit itself fails (a deferred check, run only at COMMIT): the insert had gone through, the commit is
    refused, and nothing of the report remains. The same form sent again once the database accepts it is stored
    once."""
    store.upgrade()
    engine = create_engine(store.url)
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":  # a foreign key checked at COMMIT, to a row that does not exist
            connection.execute(DDL("CREATE TABLE missing_parent (id INTEGER PRIMARY KEY)"))
            connection.execute(DDL("CREATE TABLE commit_gate (parent INTEGER REFERENCES missing_parent (id) "
                                   "DEFERRABLE INITIALLY DEFERRED)"))
            connection.execute(DDL("CREATE TRIGGER refuse_commit AFTER INSERT ON reports "
                                   "BEGIN INSERT INTO commit_gate VALUES (1); END"))
        else:  # a constraint trigger deferred to COMMIT that raises
            connection.execute(DDL("CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS "
                                   "$$ BEGIN RAISE EXCEPTION 'commit refused'; END $$"))
            connection.execute(DDL("CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON reports "
                                   "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit()"))
    draft = Draft(what_is_wrong="The reader's words, to keep", contact="reader@example.org")
    with pytest.raises(NotStored) as refused:
        store.submit(CAPTURED, draft, "form-kept")
    assert "reader@example.org" not in str(refused.value) and "to keep" not in str(refused.value), \
        "the message (which reaches the log) holds none of the reader's words"
    assert store.reports(None) == [] and draft.what_is_wrong == "The reader's words, to keep"
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(DDL("DROP TRIGGER refuse_commit"))
        else:
            connection.execute(DDL("DROP TRIGGER refuse_commit ON reports"))
            connection.execute(DDL("DROP FUNCTION refuse_commit()"))
    engine.dispose()
    stored = store.submit(CAPTURED, draft, "form-kept")
    assert [r.id for r in store.reports(None)] == [stored.id] and stored.what_is_wrong == draft.what_is_wrong


def test_a_database_that_cannot_be_reached_stores_nothing_and_says_so(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    nowhere = [f"sqlite:///{blocker / 'reports' / 'reports.sqlite3'}",  # its folder cannot be made
               "postgresql+psycopg://reader:secret@127.0.0.1:1/reports"]  # nothing listens there
    for url in nowhere:
        with pytest.raises(NotStored) as refused:
            ReportStore(url).submit(CAPTURED, DRAFT, "form")
        assert "secret" not in str(refused.value), "the message names the database without its password"
        with pytest.raises(Unavailable):  # What's new and the curator's commands are told too, never crash
            ReportStore(url).corrections()


def test_several_replicas_write_to_one_database_at_once(store):
    """Two processes' stores (two replicas), a fresh database, both upgrading and writing at the same moment."""
    replicas = [ReportStore(store.url), ReportStore(store.url)]
    made: list[int] = []
    errors: list[Exception] = []
    barrier = threading.Barrier(6)

    def send(replica: ReportStore, n: int) -> None:
        barrier.wait()
        try:
            for i in range(4):
                made.append(replica.submit(CAPTURED, Draft(f"report {n}.{i}"), f"replica-{n}-{i}").id)
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=send, args=(replicas[n % 2], n)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for replica in replicas:
        replica.dispose()
    assert not errors
    assert len(made) == len(set(made)) == 24 and len(store.reports()) == 24


# ---- the schema and its upgrades ------------------------------------------------------------------------------

def _columns(url: str) -> dict[str, tuple[str, bool]]:
    engine = create_engine(url)
    found = {c["name"]: (type(c["type"]).__name__.upper(), c["nullable"])
             for c in inspect(engine).get_columns("reports")}
    engine.dispose()
    return found


def test_a_version_1_database_is_upgraded_in_place_keeping_its_reports(store):
    assert store.upgrade(target=1) == (0, 1)
    engine = create_engine(store.url)
    v1 = schema.Table("reports", schema.MetaData(), *schema._v1_items())
    old = {"submission": "from-v1", "created_at": dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc),
           "kind": "study", "record_id": "a-study", "record_title": "A study", "page": "study",
           "view_url": "http://x/study?study=a-study", "release": "2026.11.29", "what_is_wrong": "Old report",
           "should_say": "", "source": "", "contact": ""}
    with engine.begin() as connection:
        connection.execute(insert(v1).values(**old))
    assert "status" not in _columns(store.url)
    assert store.upgrade() == (1, schema.LATEST)
    kept = store.reports()
    assert [(r.submission, r.what_is_wrong, r.status) for r in kept] == [("from-v1", "Old report", "open")]
    store.resolve(kept[0].id, "resolved", "Fixed", "2026.12.06")
    with engine.connect() as connection:
        steps = connection.execute(select(schema.schema_version.c.version)).scalars().all()
    engine.dispose()
    assert sorted(steps) == list(range(1, schema.LATEST + 1))
    assert store.upgrade() == (schema.LATEST, schema.LATEST), "nothing left to do"


def test_the_steps_build_the_table_the_app_queries(store):
    """The current `reports` Table and what the steps leave in a database agree, column for column."""
    store.upgrade()
    built = _columns(store.url)
    assert set(built) == {c.name for c in schema.reports.c}
    for column in schema.reports.c:
        assert built[column.name][1] == column.nullable or column.primary_key, column.name
    engine = create_engine(store.url)
    indexes = {i["name"] for i in inspect(engine).get_indexes("reports")}
    engine.dispose()
    assert {i.name for i in schema.reports.indexes} <= indexes


def test_a_database_from_a_newer_release_is_refused_not_written(store):
    store.upgrade()
    engine = create_engine(store.url)
    with engine.begin() as connection:
        connection.execute(insert(schema.schema_version).values(version=schema.LATEST + 1,
                                                                applied_at=dt.datetime.now(dt.timezone.utc)))
    engine.dispose()
    with pytest.raises(NotStored, match="newer|knows versions up to"):
        ReportStore(store.url).submit(CAPTURED, DRAFT, "form")


# ---- PostgreSQL stopped and started while readers send ----------------------------------------------------------

def test_a_stopped_server_loses_nothing_and_the_same_report_is_stored_once_when_it_is_back(postgres_cluster):
    cluster: Cluster = postgres_cluster
    url = normalised_url(cluster.url)
    _clean(url)
    store = ReportStore(url)
    before = store.submit(CAPTURED, Draft("sent while the server is up"), "before")
    cluster.stop()
    try:
        with pytest.raises(NotStored):
            store.submit(CAPTURED, Draft("sent while the server is down"), "during")
    finally:
        cluster.start()
    again = store.submit(CAPTURED, Draft("sent while the server is down"), "during")  # the reader sends again
    assert again.id != before.id
    assert [r.submission for r in store.reports()] == ["during", "before"], "exactly one of each"
    tally("postgresql", store)
    store.dispose()


# ---- where the database is --------------------------------------------------------------------------------------

def test_the_environment_names_the_database(tmp_path):
    assert database_url({"REPORTS_DATABASE_URL": "postgresql://u:secret@db:5432/reports"}) == \
        "postgresql+psycopg://u:secret@db:5432/reports"
    assert normalised_url("postgres://u@db/r") == "postgresql+psycopg://u@db/r"
    assert database_url({"REPORTS_DATABASE_PATH": str(tmp_path / "r.sqlite3")}) == f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert default_path({"XDG_DATA_HOME": "/data"}) == Path("/data/running-back-evidence/reports.sqlite3")
    assert database_url({"XDG_DATA_HOME": str(tmp_path)}).endswith("/running-back-evidence/reports.sqlite3")
    assert shown_url("postgresql+psycopg://u:secret@db/r") == "postgresql+psycopg://u:***@db/r"
    assert [report_id(t) for t in ("R-00042", "r42", "42", " R-7 ")] == [42, 42, 42, 7]
    with pytest.raises(ValueError):
        report_id("DROP TABLE")


def test_the_sqlite_folder_is_made_on_first_use(tmp_path):
    where = tmp_path / "not" / "yet"
    store = ReportStore(f"sqlite:///{where / 'reports.sqlite3'}")
    assert not where.exists()
    store.submit(CAPTURED, DRAFT, "first")
    assert (where / "reports.sqlite3").is_file()
    store.dispose()


def test_the_first_use_moves_sqlalchemy_out_of_the_collectors_sight(tmp_path):
    """SQLAlchemy's ~65,000 objects live as long as the server; left in the collector's generations, every later
    run of every page walks them (What's new reran at 60-70 ms instead of 25). A fresh interpreter, as a server."""
    import subprocess
    import sys
    script = ("import gc\nfrom evidence.reports.store import store_for\n"
              f"store_for({'sqlite:///' + str(tmp_path / 'r.sqlite3')!r}).corrections()\n"
              "print(len(gc.get_objects()), gc.get_freeze_count())")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    tracked, frozen = map(int, done.stdout.split())
    assert frozen > 50_000 and tracked < 5_000, (tracked, frozen)
