"""The reports database's tables, and the steps that bring an older database up to this app's schema.

`schema_version` holds one row per step applied (its number and when); `upgrade` applies the missing steps in one
transaction, so a database is either at its old version or at the new one, never in between. A newer app upgrades
an older database in place the first time it uses it; an older app refuses a newer database rather than write to
tables it does not know. Several replicas starting at once take turns: PostgreSQL through an advisory lock held
until the transaction ends, SQLite through its write lock (`BEGIN IMMEDIATE`, evidence/reports/store.py).

A new step: append a function to `STEPS` (never edit a released one) and change the current `reports` table
below to match what the steps build; tests/unit/test_reports_store.py upgrades a version 1 database to the latest.
Steps use SQLAlchemy Core and Alembic's operations (`op.add_column`...), which write each database's own DDL.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import (Column, Connection, DateTime, Index, Integer, MetaData, String, Table, Text, func, insert,
                        select)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

def _v1_items() -> list:
    """The reports table of version 1, frozen: what a database made by the first release holds (new objects on
    each call: a Column belongs to one Table)."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        # One id per filled-in form: a form sent twice (a double click, a retry after a lost answer) is one report.
        Column("submission", String(64), nullable=False, unique=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("kind", String(32), nullable=False),
        Column("record_id", String(200), nullable=False),
        Column("record_title", Text, nullable=False),
        Column("page", String(64), nullable=False),
        Column("view_url", Text, nullable=False),
        Column("release", String(32)),
        Column("what_is_wrong", Text, nullable=False),
        Column("should_say", Text, nullable=False),
        Column("source", Text, nullable=False),
        Column("contact", String(254), nullable=False),
        Index("reports_created_at", "created_at"),
        Index("reports_record", "kind", "record_id"),
    ]


def _v2_columns() -> list[Column]:
    """Step 2: the curator's side."""
    return [Column("status", String(16), nullable=False, server_default="open"), Column("resolution_note", Text),
            Column("resolved_release", String(32)), Column("resolved_at", DateTime(timezone=True))]


# The reports table as the latest step leaves it (a test holds it and the steps in step).
reports = Table("reports", metadata, *_v1_items(), *_v2_columns(),
                Index("reports_status_created", "status", "created_at"))


def _step_1_reports(op: Operations, connection: Connection) -> None:
    """Version 1: the reports readers send."""
    Table("reports", MetaData(), *_v1_items()).create(connection)


def _step_2_resolution(op: Operations, connection: Connection) -> None:
    """Version 2: a curator resolves or declines a report, with a note and the release that fixed it."""
    for column in _v2_columns():
        op.add_column("reports", column)
    op.create_index("reports_status_created", "reports", ["status", "created_at"])


Step = Callable[[Operations, Connection], None]
STEPS: tuple[Step, ...] = (_step_1_reports, _step_2_resolution)  # step i + 1 brings version i to i + 1
LATEST = len(STEPS)


class NewerDatabase(RuntimeError):
    """The database was upgraded by a newer release of the app than this one."""


def version(connection: Connection) -> int:
    """The schema version of the database (0: a new, empty one)."""
    schema_version.create(connection, checkfirst=True)
    return connection.execute(select(func.max(schema_version.c.version))).scalar() or 0


def upgrade(connection: Connection, target: int = LATEST) -> tuple[int, int]:
    """Apply the missing steps up to `target`, inside the caller's transaction; (version before, after)."""
    if connection.dialect.name == "postgresql":
        # Replicas starting together: one upgrades, the others wait here, then find nothing left to do.
        connection.execute(select(func.pg_advisory_xact_lock(0x5245504F525453)))  # "REPORTS"
    before = version(connection)
    if before > LATEST:
        raise NewerDatabase(f"the reports database is at schema version {before}; this release of the app knows "
                            f"versions up to {LATEST}: upgrade the app, or point it at another database")
    op = Operations(MigrationContext.configure(connection))
    for number in range(before + 1, target + 1):
        STEPS[number - 1](op, connection)
        connection.execute(insert(schema_version).values(version=number, applied_at=dt.datetime.now(dt.timezone.utc)))
    return before, max(before, target)
