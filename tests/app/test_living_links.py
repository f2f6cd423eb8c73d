"""Every link the app gives out carries the release it was made with (v=), so a reader of an older link
can be told what changed; an older v shows the change notice; records have a 'Report a problem' link."""

from __future__ import annotations

import io
import re
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode
from streamlit.testing.v1 import AppTest

from components.handout import LABEL as HANDOUT
from components.report_problem import LABEL as REPORT
from evidence import load_base

from .apptest_helpers import links_in, open_view, prose_html, share_panel, texts

CURRENT = load_base().meta.version
MANAGERS: list = []  # the media file manager of each run below, so its files can be read back


def _version(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("v", [])


def _panel(at: AppTest):
    return share_panel(at)


def test_the_shared_link_and_its_citation_carry_the_current_version():
    at = open_view("findings", topic=["pain"])
    assert not at.exception
    link = _panel(at).code[0].value
    assert _version(link) == [CURRENT] and link.endswith(f"&v={CURRENT}")
    assert f" {link}." in _panel(at).code[1].value, "cite this view quotes the same link"


def test_an_older_v_in_the_address_is_replaced_by_the_current_one_in_the_shared_link():
    at = open_view("take-homes", claim="running-may-ease-back-pain", v="2020.01.01")
    assert not at.exception
    assert _version(_panel(at).code[0].value) == [CURRENT]


def _share_and_handout() -> None:
    import sys

    from streamlit.runtime import Runtime

    from components.base_loader import base
    from components.handout import handout_button
    from components.share import share_panel
    from evidence.selections import take_homes

    sys.modules["tests.app.test_living_links"].MANAGERS.append(Runtime.instance().media_file_mgr)
    share_panel()
    handout_button(take_homes(base(), ["pain"]))


def test_the_qr_code_and_the_handout_open_the_link_with_the_current_version():
    MANAGERS.clear()
    at = AppTest.from_function(_share_and_handout, default_timeout=60)
    at.run()
    assert not at.exception
    link = _panel(at).code[0].value  # opens the panel (one more run), so the media manager is read after it
    manager = MANAGERS[-1]
    assert _version(link) == [CURRENT]

    image_id = urlsplit(_panel(at).image[0].proto.imgs[0].url).path.rsplit("/", 1)[1].split(".")[0]
    qr = manager.read_file(image_id)
    payload = [d.data.decode("utf-8") for d in decode(Image.open(io.BytesIO(qr.content)))]
    assert payload == [link]

    button = next(b.proto for b in at.get("download_button") if b.proto.label == HANDOUT)
    pdf_url = manager.execute_deferred(button.deferred_file_id)
    pdf = manager.read_file(pdf_url.rsplit("/", 1)[1].split(".")[0]).content
    reader = PdfReader(io.BytesIO(pdf))
    links = [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])
             if "/URI" in a.get_object().get("/A", {})]
    assert link in links, "the handout's printed link and its QR code point at the versioned view"
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    assert f"v={CURRENT}" in text


@pytest.mark.parametrize("view, params, kind", [
    ("take-homes", {"claim": "running-may-ease-back-pain"}, "take-home"),
    ("claim-check", {"claim": "fs-all-improved"}, "article-claim"),
    ("study", {"study": "neason-2024-asteroid-rct"}, "study"),
])
def test_every_record_view_has_a_report_link_that_opens_the_form_on_the_same_view(view, params, kind):
    """The link is the same view plus ?report=<kind>:<id> (the frame opens the form from it, tests/app/
    test_report_form.py): a query string alone, so it stays on this page, under any base path."""
    at = open_view(view, **params, v=CURRENT)
    assert not at.exception
    rid = next(iter(params.values()))
    reports = [t for t in texts(at) if REPORT in t]
    assert reports, f"no '{REPORT}' link on {view}"
    hrefs = [re.search(rf"\[{REPORT}\]\(([^)\s]+)\)", r)[1] for r in reports]
    href = next(h for h in hrefs if parse_qs(urlsplit(h).query).get("report") == [f"{kind}:{rid}"])
    assert href.startswith("?"), "a link to this same page"
    assert parse_qs(urlsplit(href).query) == {**{k: [v] for k, v in params.items()}, "v": [CURRENT],
                                              "report": [f"{kind}:{rid}"]}
    assert not at.text_area and not at.get("form"), "the form's widgets are built only once a reader opens it"


def test_the_current_or_no_version_shows_no_change_notice():
    for params in ({}, {"v": CURRENT}):
        at = open_view("take-homes", claim="running-may-ease-back-pain", **params)
        assert not at.exception
        assert not [i for i in at.info if "Updated since your link was made" in i.value]


def test_whats_new_names_the_current_release_and_is_linked_from_home():
    at = open_view("whats-new")
    assert not at.exception
    assert any(f"**Current version: {CURRENT}**" in m.value for m in at.markdown)
    home = open_view("home")
    assert any("](whats-new)" in c.value and "Last reviewed" in c.value for c in home.caption)


def test_whats_new_lists_every_change_with_a_link_to_its_record_history():
    at = open_view("whats-new", kind=["take-home"])
    listed = int(next(c.value for c in at.caption if c.value.endswith("change(s) listed")).split()[0])
    links = [attrs for log in prose_html(at) for text, attrs in links_in(log) if text == "All changes to this record"]
    assert listed and len(links) == listed
    # Each goes to a page of ours, so a plain click stays in the app: marked for the site script, relative.
    assert all("data-in-app" in a and a["href"].startswith("whats-new?record=") for a in links)


def test_whats_new_drops_an_unknown_record_with_a_notice_not_an_error():
    at = open_view("whats-new", record="no-such-record", kind=["take-home", "bogus"])
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "no-such-record" in notices and "bogus" in notices
