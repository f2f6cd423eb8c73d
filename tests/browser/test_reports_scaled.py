"""Readers' reports with replicas: `make serve-scaled REPLICAS=2` (tools/serve-scaled.sh) with REPORTS_DATABASE_URL
pointed at a real PostgreSQL server the test starts (tests/postgres.py).

- Two readers whose tabs are held by different replicas each send a report: both are in the one database, and
  `python -m evidence reports list` shows both.
- The database is stopped while a reader sends: the reader keeps the text and is told, calmly; once it is back,
  sending again stores exactly one report.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from components.report_form import NOT_STORED, SEND
from evidence.reports.draft import LABELS, WHAT_IS_WRONG
from evidence.reports.schema import metadata
from evidence.reports.store import ReportStore
from tests.postgres import Cluster

from .helpers import ROOT, artifact, new_context, open_view, rerun, serve_scaled

COOKIE = "RB_REPLICA"
CLAIM = "running-may-ease-back-pain"
VIEW = f"/take-homes?claim={CLAIM}&report=take-home:{CLAIM}"
REFERENCE = re.compile(r"R-\d{5}")


@pytest.fixture(scope="module")
def scaled(postgres_cluster: Cluster):
    """Two replicas writing reports to the test's own PostgreSQL (its tables made afresh)."""
    store = ReportStore(postgres_cluster.url)
    with store.engine.begin() as connection:
        metadata.drop_all(connection)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTS_DATABASE_URL", postgres_cluster.url)
        with serve_scaled(2) as (url, run_dir):
            yield url, store, postgres_cluster
    store.dispose()


def _replica(page) -> str:
    return {c["name"]: c["value"] for c in page.context.cookies()}[COOKIE]


def _dialog(page):
    return page.get_by_role("dialog").filter(has_text="Report a problem with this record")


def _send(page, text: str):
    dialog = _dialog(page)
    dialog.get_by_label(LABELS[WHAT_IS_WRONG]).fill(text)
    with rerun(page):
        dialog.get_by_role("button", name=SEND).click()
    return dialog


def _reports_list(url: str) -> str:
    listed = subprocess.run([sys.executable, "-m", "evidence", "reports", "list", "--database", url], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    return listed.stdout


def test_two_readers_on_two_replicas_write_to_the_one_database(browser, scaled):
    url, store, cluster = scaled
    contexts, pages = [], {}
    try:
        while len(pages) < 2 and len(contexts) < 6:  # round robin: new readers until both replicas hold one
            context = new_context(browser, url)
            contexts.append(context)
            page = open_view(context.new_page(), VIEW)
            pages.setdefault(_replica(page), page)
        assert len(pages) == 2, f"every reader landed on the same replica: {list(pages)}"
        references = {}
        for replica, page in pages.items():
            dialog = _send(page, f"Scaled test: sent through {replica}")
            expect(dialog.get_by_text("Thank you: your report is saved")).to_be_visible()
            references[replica] = REFERENCE.search(dialog.inner_text())[0]
        stored = {r.reference: r.what_is_wrong for r in store.reports()}
        assert stored == {ref: f"Scaled test: sent through {replica}" for replica, ref in references.items()}
        listed = _reports_list(cluster.url)
        assert listed.startswith("2 open report(s)") and all(ref in listed for ref in references.values()), listed
        artifact("reports-scaled.txt").write_text(listed)
    finally:
        for context in contexts:
            context.close()


def test_a_database_stopped_while_a_reader_sends_loses_nothing_and_stores_one_report_once_back(browser, scaled):
    url, store, cluster = scaled
    before = {r.id for r in store.reports(None)}
    context = new_context(browser, url)
    try:
        page = open_view(context.new_page(), VIEW)
        text = "Scaled test: sent while the database was stopped"
        cluster.stop()
        try:
            dialog = _send(page, text)
            expect(dialog.get_by_role("alert").filter(has_text="could not be saved just now")).to_be_visible()
            assert NOT_STORED.split("**")[1] in dialog.inner_text()
            expect(dialog.get_by_label(LABELS[WHAT_IS_WRONG])).to_have_value(text)  # the reader keeps the text
            expect(dialog.get_by_text("Thank you")).to_have_count(0)
        finally:
            cluster.start()
        with rerun(page):  # the reader sends the same form again
            dialog.get_by_role("button", name=SEND).click()
        expect(dialog.get_by_text("Thank you: your report is saved")).to_be_visible()
        new = [r for r in store.reports(None) if r.id not in before]
        assert [r.what_is_wrong for r in new] == [text], "exactly one report, stored once"
        with artifact("reports-scaled.txt").open("a") as out:
            out.write(f"fault: database stopped while sending; after restart stored {new[0].reference} once\n")
    finally:
        context.close()
