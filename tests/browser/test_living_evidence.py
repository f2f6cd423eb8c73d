"""A link made before a take-home changed tells its reader what changed; the current link says nothing.

Runs a second server on a test base: a copy of the shipped base (with its release snapshots) in
which one take-home's certainty was lowered, with its history entry, and released as a new version dated today
(after every shipped history entry, and never in the future).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import expect

from evidence import DEFAULT_DIR
from evidence.release import release

from .conftest import streamlit_server
from .helpers import (DESKTOP, PHONE_OPTIONS, assert_no_exception, axe, describe_violations, horizontal_overflow,
                      new_context, open_view, screenshot)

CLAIM = "disc-water-no-overall-change"
OLD = "2026.11.22"
TODAY = dt.datetime.now(dt.timezone.utc).date()
NEW = f"{TODAY:%Y.%m.%d}"
NOTICE = "Updated since your link was made"
HISTORY = f"""history:
  - date: {TODAY.isoformat()}
    change: Certainty lowered from low to very low, and the wording now says we are unsure.
    reason: A re-check found one small trial with no replication is too little to say what running does to discs.
    old_certainty: low
    old_statement: >-
      Twelve weeks of running may not change how much water your discs hold. One small
      study found no change overall.
"""


def _lower_certainty(directory: Path) -> None:
    path = directory / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {CLAIM}\n")
    end = text.index("\n  - id: ", start + 1)
    block = (text[start:end].replace("certainty: low\n", "certainty: very-low\n")
             .replace("Twelve weeks of running may not change how much water your discs hold.",
                      "It is unclear whether twelve weeks of running changes how much water your discs hold.")
             .replace(f"  - id: {CLAIM}\n", f"  - id: {CLAIM}\n" + textwrap.indent(HISTORY, "    ")))
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def changed_url(tmp_path_factory) -> str:
    directory = tmp_path_factory.mktemp("changed-base") / "data"
    shutil.copytree(DEFAULT_DIR, directory)
    # Today's version must be new in the copy: rewind it to the release before, if the shipped one is today's.
    (directory / "releases" / f"{NEW}.json").unlink(missing_ok=True)
    previous = max(p.stem for p in (directory / "releases").glob("*.json"))
    meta = directory / "meta.yaml"
    meta.write_text(re.sub(r'version: "[\d.]+"', f'version: "{previous}"', re.sub(
        r"released: [\d-]+", f"released: {previous.replace('.', '-')}", meta.read_text(encoding="utf-8"))),
        encoding="utf-8")
    _lower_certainty(directory)
    outcome = release(directory, NEW, TODAY)
    assert outcome.code == 0, "\n".join(outcome.lines + outcome.errors)
    with streamlit_server(keep_log_as="streamlit-server-changed-base.log", extra_env={"EVIDENCE_DIR": str(directory)}) as server:
        yield server.url


@pytest.fixture
def changed_page(browser, changed_url):
    contexts = []

    def make(**options):
        context = new_context(browser, changed_url, **({"viewport": DESKTOP} | options))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _notice(page):
    return page.get_by_test_id("stAlert").filter(has_text=NOTICE)


def test_an_old_link_names_the_changed_take_home_and_what_changed(changed_page):
    page = open_view(changed_page(), f"/take-homes?claim={CLAIM}&v={OLD}")
    assert_no_exception(page)
    notice = _notice(page)
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text(f"Your link was made with version {OLD} (22 November 2026)")
    expect(notice.get_by_role("link", name="It is unclear whether twelve weeks of running")).to_have_attribute(
        "href", f"take-homes?claim={CLAIM}")
    expect(notice).to_contain_text("Certainty lowered from low to very low")
    expect(notice).to_contain_text("Before: certainty was low")
    expect(notice.get_by_role("link", name="What's new")).to_be_visible()
    # Above the page's content: the notice comes before the page title.
    title = page.get_by_role("heading", name="Take-homes", level=1)
    assert notice.bounding_box()["y"] < title.bounding_box()["y"]
    screenshot(page, "change-notice-desktop")
    blocking = [v for v in axe(page, name="change-notice") if v.get("impact") in ("serious", "critical")]
    assert not blocking, describe_violations(blocking)


def test_the_current_v_and_no_v_show_no_notice(changed_page):
    page = changed_page()
    for query in (f"&v={NEW}", ""):
        open_view(page, f"/take-homes?claim={CLAIM}{query}")
        assert_no_exception(page)
        expect(page.get_by_text("It is unclear whether twelve weeks of running changes").first).to_be_visible()
        expect(_notice(page)).to_have_count(0)


def test_an_unknown_v_is_read_as_the_oldest_release_never_an_error(changed_page):
    page = open_view(changed_page(), f"/take-homes?v=not-a-version")
    assert_no_exception(page)
    expect(_notice(page)).to_contain_text("a version we do not recognise (v=not-a-version)")


def test_the_notice_and_whats_new_fit_a_phone(changed_page):
    page = changed_page(**PHONE_OPTIONS)
    for path, name in ((f"/take-homes?claim={CLAIM}&v={OLD}", "change-notice-phone"), ("/whats-new", "whats-new-phone")):
        open_view(page, path)
        assert_no_exception(page)
        screenshot(page, name)
        overflow = horizontal_overflow(page)
        assert not overflow["overflowing"], overflow
    expect(page.get_by_role("link", name="It is unclear whether twelve weeks of running")).to_be_visible()


def test_whats_new_lists_the_change_under_its_release_and_links_to_the_record(changed_page):
    page = open_view(changed_page(), "/whats-new")
    assert_no_exception(page)
    expect(page.get_by_text(f"Current version: {NEW}")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Version {NEW} ({TODAY.day} {TODAY:%B %Y})")).to_be_visible()
    expect(page.get_by_role("link", name="It is unclear whether twelve weeks of running")).to_have_attribute(
        "href", f"take-homes?claim={CLAIM}")
    screenshot(page, "whats-new-desktop")
    blocking = [v for v in axe(page, name="whats-new-changed") if v.get("impact") in ("serious", "critical")]
    assert not blocking, describe_violations(blocking)
