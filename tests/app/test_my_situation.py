"""The "Your situation" guide through the real entrypoint: a pre-filled link, the warning-signs route,
a stale answer, and answering by hand."""

from __future__ import annotations

from components.base_loader import base
from evidence.situation import Situation, guide
from tests.app.apptest_helpers import links_in, open_view, prose_html, texts

FILLED = {"signs": "no", "pain": "long-lasting", "running": "start", "age": "18-45"}


def _text(at) -> str:
    return " ".join(texts(at))


def test_a_prefilled_link_opens_the_answer():
    at = open_view("my-situation", **FILLED)
    assert not at.exception, [e.value for e in at.exception]
    assert {r.key: r.value for r in at.radio} == FILLED
    assert [h.value for h in at.header] == ["What the research says for people like you", "References"]
    text = _text(at)
    assert "For adults with long-lasting back pain, a slow-building run-walk plan may ease" in text
    assert "Why it applies: it covers people with long-term back pain." in text
    assert "Low certainty" in text  # the certainty badge
    assert "does not tell you what to do" in " ".join(i.value for i in at.info)
    assert "What is not known for you" in [s.value for s in at.subheader]
    assert [b.label for b in at.get("download_button")][:2] == [
        "Download this guide on one sheet (PDF)", "Download the full guide (PDF)"]
    assert dict(at.query_params) == FILLED


def test_each_take_home_says_who_its_studies_took_and_links_to_it():
    at = open_view("my-situation", **FILLED)
    expected = guide(base(), Situation(**FILLED))
    shown = [a.claim for a in expected.take_homes + expected.general]
    panels = [e for e in at.expander if e.label == "Who the studies took"]
    assert len(panels) == len(shown) > 0
    for panel, claim in zip(panels, shown):
        (text,) = prose_html(panel)
        assert text.count("<li>") >= 1  # at least one study's people
        assert [a["href"] for t, a in links_in(text) if t == "More about this take-home"] == \
            [f"take-homes?claim={claim.id}"]


def test_warning_signs_route_to_get_help_without_more_questions():
    at = open_view("my-situation", signs="yes", pain="long-lasting", running="start", age="18-45")
    assert not at.exception
    assert [r.key for r in at.radio] == ["signs"]  # nothing more is asked
    assert "see a doctor or physiotherapist" in at.error[0].value
    assert not at.header  # no take-homes
    links = [p for p in at.get("page_link")]
    assert any("When to get help" in p.proto.label and p.proto.page.endswith("get-help") for p in links), \
        [(p.proto.label, p.proto.page) for p in links]


def test_a_stale_answer_is_dropped_with_a_notice_and_the_question_asked_again():
    at = open_view("my-situation", signs="no", pain="sometimes", running="start", age="18-45")
    assert not at.exception
    assert any("pain=sometimes" in i.value for i in at.info)
    assert [r.key for r in at.radio] == ["signs", "pain"]  # asked again; later questions wait
    assert at.radio(key="pain").value is None
    assert not at.header


def test_answering_by_hand_writes_each_answer_to_the_url():
    at = open_view("my-situation")
    assert [r.key for r in at.radio] == ["signs"]
    at.radio(key="signs").set_value("no").run()
    assert at.query_params["signs"] == "no"
    at.radio(key="pain").set_value("recent").run()
    at.radio(key="running").set_value("runs").run()
    at.radio(key="age").set_value("over-45").run()
    assert not at.exception
    assert dict(at.query_params) == {"signs": "no", "pain": "recent", "running": "runs", "age": "over-45"}
    assert "No study here tested running for back pain that started in the last few months." in _text(at)
    at.button(key="guide_restart").click().run()
    assert not at.query_params.get("signs") and [r.key for r in at.radio] == ["signs"]


def test_home_links_to_the_guide():
    at = open_view("home")
    assert any(p.proto.page.endswith("my-situation") for p in at.get("page_link"))


def test_the_trial_study_page_shows_its_counts_as_pictures():
    at = open_view("study", study="neason-2024-asteroid-rct")
    assert not at.exception
    assert "The counts, as pictures" in [s.value for s in at.subheader]
    captions = " ".join(h.proto.body for h in at.get("html"))
    assert "20 of the 20 runners stayed to the end" in captions
    assert "9 minor problems were reported among the 20 runners" in captions


def test_the_accessibility_statement_says_what_is_tested_and_how_to_report():
    from tests.browser.helpers import DESKTOP, PHONE, SCHEMES

    at = open_view("accessibility")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "WCAG) 2.2 at level AA" in text
    assert f"({DESKTOP['width']} pixels)" in text and f"({PHONE['width']} pixels)" in text  # what the tests use
    assert "axe-core" in text and "Lighthouse" in text and "Streamlit's own controls" in text
    assert "in both colour schemes" in text and all(scheme in text for scheme in SCHEMES)  # issue #24
    assert "Tell us about a barrier" in [h.value for h in at.header]  # h2: no heading level skipped
