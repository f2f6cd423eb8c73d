"""Where readers' reports are kept: an SQLite file by default, PostgreSQL when REPORTS_DATABASE_URL says so.

- No setting: an SQLite file at REPORTS_DATABASE_PATH, else `$XDG_DATA_HOME/running-back-evidence/reports.sqlite3`
  (`~/.local/share/...`); its folder is created if missing. `make run` and one container need nothing else, and
  replicas on one machine may share the file (SQLite locks it).
- REPORTS_DATABASE_URL=postgresql://user:password@host/db (or `postgresql+psycopg://`; psycopg 3 is the driver):
  every replica writes to that one database. What `make serve-scaled` with PostgreSQL and Kubernetes use.

A report is written in one transaction and `submit` returns only once it has committed: whoever acknowledges a
report after `submit` has returned can say it is stored. Any failure (the server stopped, the disk full, the
commit refused) raises `NotStored` and leaves nothing behind; reading a database that cannot be reached raises
`Unavailable` (NotStored's parent). The schema is brought up to date the first time a
process uses a database (evidence/reports/schema.py). SQLAlchemy Core writes every statement; no SQL is built
from strings, and the reader's text only ever travels as a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from sqlalchemy import Engine, create_engine, event, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from . import schema
from .draft import Captured, Draft
from .schema import reports

URL_ENV = "REPORTS_DATABASE_URL"
PATH_ENV = "REPORTS_DATABASE_PATH"
APP_DIR = "running-back-evidence"
STATUSES = ("open", "resolved", "declined")
CONNECT_TIMEOUT_S = 5  # a database that does not answer: the reader hears so within seconds, not minutes


class Unavailable(RuntimeError):
    """The reports database could not be reached or used; the message says why, for the log (it names the database
    without its password and holds none of a reader's words)."""


class NotStored(Unavailable):
    """The report was not stored (nothing of it was written)."""


@dataclass(frozen=True)
class Report:
    id: int
    submission: str
    created_at: dt.datetime
    kind: str
    record_id: str
    record_title: str
    page: str
    view_url: str
    release: str | None
    what_is_wrong: str
    should_say: str
    source: str
    contact: str
    status: str
    resolution_note: str | None
    resolved_release: str | None
    resolved_at: dt.datetime | None

    @property
    def reference(self) -> str:
        return reference(self.id)

    def as_dict(self) -> dict[str, object]:
        """Every field, dates as ISO 8601 text, and the reference the reader was given."""
        out: dict[str, object] = {"reference": self.reference, **asdict(self)}
        return {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in out.items()}


def reference(report_id: int) -> str:
    """The reference number a reader is given: R-00042."""
    return f"R-{report_id:05d}"


def report_id(text: str) -> int:
    """The id in a reference as a curator may type it: R-00042, r42 or 42."""
    found = re.fullmatch(r"\s*(?:[Rr]-?)?0*(\d+)\s*", text)
    if not found:
        raise ValueError(f"not a report reference: {text!r} (expected e.g. R-00042)")
    return int(found[1])


# ---- where the database is -----------------------------------------------------------------------------------

def default_path(env: Mapping[str, str] = os.environ) -> Path:
    data = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / APP_DIR / "reports.sqlite3"


def database_url(env: Mapping[str, str] = os.environ) -> str:
    """The database this process writes reports to, from the environment (see the module's docstring)."""
    if url := env.get(URL_ENV, "").strip():
        return normalised_url(url)
    path = Path(env.get(PATH_ENV, "").strip() or default_path(env)).expanduser()
    return f"sqlite:///{path.resolve()}"


def normalised_url(url: str) -> str:
    """postgres:// and postgresql:// name psycopg 3 as the driver (SQLAlchemy would pick psycopg2)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def shown_url(url: str) -> str:
    """The database's address without its password, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def _engine(url: str) -> Engine:
    """hide_parameters: an error message (which reaches the server's log) never holds a reader's words or address."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 15}, hide_parameters=True)
        # SQLite through Python's sqlite3 module: let SQLAlchemy, not the driver, begin transactions, so the schema
        # upgrade's DDL is inside one too; IMMEDIATE takes the write lock at once (two writers wait their turn
        # instead of failing halfway). The SQLAlchemy documentation's recipe ("Serializable isolation").
        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if parsed.get_backend_name() == "postgresql" else {}
    # pre_ping: a connection the server dropped (a restart) is replaced before use, not failed on.
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=3, pool_timeout=CONNECT_TIMEOUT_S,
                         connect_args=connect_args, hide_parameters=True)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back datetimes without their zone; every one stored is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def _report(row) -> Report:
    values = dict(row._mapping)
    values["created_at"] = _utc(values["created_at"])
    values["resolved_at"] = _utc(values["resolved_at"])
    return Report(**values)


# ---- the store ------------------------------------------------------------------------------------------------

class ReportStore:
    """Reports in one database. Safe to share between threads (a Streamlit server's sessions)."""

    def __init__(self, url: str) -> None:
        self.url = normalised_url(url)
        self._engine: Engine | None = None
        self._ready = False
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"ReportStore({shown_url(self.url)!r})"

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = _engine(self.url)
            return self._engine

    def upgrade(self, target: int = schema.LATEST) -> tuple[int, int]:
        """Bring the database's schema up to `target` (the latest by default); (version before, after)."""
        try:
            with self.engine.begin() as connection:
                return schema.upgrade(connection, target)
        except (SQLAlchemyError, OSError, schema.NewerDatabase) as err:
            raise Unavailable(f"the reports database at {shown_url(self.url)} could not be prepared: {err}") from err

    def _prepared(self) -> Engine:
        if not self._ready:
            self.upgrade()
            self._ready = True
            # SQLAlchemy's modules, the engine and its pool live as long as the process: move them out of the
            # collector's sight, or every later run of every page walks them (docs/decisions.md, Base cache and
            # frozen objects; What's new reruns 60-70 ms without this, 25 ms with it).
            gc.freeze()
        return self.engine

    def submit(self, captured: Captured, draft: Draft, submission: str,
               now: dt.datetime | None = None) -> Report:
        """Store one report and return it once its transaction has committed. A `submission` already stored (the
        same form sent again) returns the report stored then, and stores nothing new. Raises NotStored."""
        values = {
            "submission": submission, "created_at": now or dt.datetime.now(dt.timezone.utc),
            "kind": captured.kind, "record_id": captured.record_id, "record_title": captured.record_title,
            "page": captured.page, "view_url": captured.view_url, "release": captured.release,
            "what_is_wrong": draft.what_is_wrong, "should_say": draft.should_say, "source": draft.source,
            "contact": draft.contact,
        }
        try:
            engine = self._prepared()
        except Unavailable as err:
            raise NotStored(str(err)) from err
        try:
            try:
                with engine.begin() as connection:
                    new_id = connection.execute(insert(reports).values(**values).returning(reports.c.id)).scalar_one()
            except IntegrityError as err:  # the same submission again, or the commit refused
                if (earlier := self._by_submission(submission)) is not None:
                    return earlier
                raise NotStored(f"the reports database refused the report: {err}") from err
        except NotStored:
            raise
        except (SQLAlchemyError, OSError) as err:
            raise NotStored(f"the reports database at {shown_url(self.url)} did not store the report: {err}") from err
        # Built from what was written, not read back: once committed, nothing may turn it into a failure.
        return Report(id=new_id, **values, status="open", resolution_note=None, resolved_release=None,
                      resolved_at=None)

    def _by_submission(self, submission: str) -> Report | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(reports).where(reports.c.submission == submission)).first()
        return _report(row) if row else None

    @contextmanager
    def _using(self, what: str) -> Iterator[None]:
        try:
            yield
        except (SQLAlchemyError, OSError) as err:
            raise Unavailable(f"the reports database at {shown_url(self.url)} could not {what}: {err}") from err

    def get(self, report: int | str) -> Report | None:
        """One report by its id or reference (R-00042)."""
        wanted = report if isinstance(report, int) else report_id(report)
        with self._using("read a report"), self._prepared().connect() as connection:
            row = connection.execute(select(reports).where(reports.c.id == wanted)).first()
        return _report(row) if row else None

    def reports(self, status: str | None = "open", *, record: str | None = None,
                kinds: Iterable[str] = ()) -> list[Report]:
        """Reports newest first: with this status (None: any), about this record, of these kinds."""
        query = select(reports).order_by(reports.c.created_at.desc(), reports.c.id.desc())
        if status:
            query = query.where(reports.c.status == status)
        if record:
            query = query.where(reports.c.record_id == record)
        if kinds := tuple(kinds):
            query = query.where(reports.c.kind.in_(kinds))
        with self._using("list the reports"), self._prepared().connect() as connection:
            return [_report(row) for row in connection.execute(query)]

    def resolve(self, report: int | str, status: str, note: str, release: str | None = None,
                now: dt.datetime | None = None) -> Report:
        """Mark a report resolved or declined, with the curator's note and the release that carries the fix."""
        if status not in ("resolved", "declined"):
            raise ValueError(f"status must be resolved or declined, not {status!r}")
        wanted = report if isinstance(report, int) else report_id(report)
        with self._using("resolve a report"), self._prepared().begin() as connection:
            changed = connection.execute(
                update(reports).where(reports.c.id == wanted).values(
                    status=status, resolution_note=note, resolved_release=release,
                    resolved_at=now or dt.datetime.now(dt.timezone.utc))).rowcount
        if not changed:
            raise KeyError(reference(wanted))
        resolved = self.get(wanted)
        assert resolved is not None
        return resolved

    def corrections(self) -> list[Report]:
        """Reports a curator resolved (a correction followed), newest resolution first: What's new lists them."""
        query = (select(reports).where(reports.c.status == "resolved")
                 .order_by(reports.c.resolved_at.desc(), reports.c.id.desc()))
        with self._using("list the corrections"), self._prepared().connect() as connection:
            return [_report(row) for row in connection.execute(query)]

    def dispose(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine, self._ready = None, False


@lru_cache(maxsize=8)
def store_for(url: str) -> ReportStore:
    """One store (one connection pool) per database per process."""
    return ReportStore(url)


def current_store() -> ReportStore:
    """The store the environment names (REPORTS_DATABASE_URL, REPORTS_DATABASE_PATH, or the default file)."""
    return store_for(database_url())
