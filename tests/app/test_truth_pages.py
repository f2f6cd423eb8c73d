"""Issue #13 on screen: the patient-level fixes on Home, arm sizes and funding on the study page."""

from tests.app.apptest_helpers import open_view, texts


def test_home_links_the_mcid_term_of_the_pain_take_home_and_counts_harms_among_the_runners():
    at = open_view("home")
    assert not at.exception
    page = " ".join(texts(at))
    assert "smaller than their minimal clinically important difference" in page
    # Harms by kind, among the 20 who ran, and who the trial screened out (issue 26).
    assert "The 20 runners had 9 minor problems: 7 were knee or ankle pain or injury" in page
    assert "health check for exercise first" in page and "pregnant" in page
    assert any(t.startswith("Words explained:") and "glossary?term=mcid" in t for t in texts(at))


def test_study_page_shows_arm_sizes_publication_type_and_declared_conflicts():
    at = open_view("study", study="asteroid-2025-disc-outcomes")
    text = " ".join(texts(at))
    assert "run-walk programme: 20 randomised, 20 analysed; waitlist control: 20 randomised, 19 analysed" in text
    assert "Conference abstract" in text
    urits = " ".join(texts(open_view("study", study="urits-2019-lbp-review")))
    assert "Declared conflicts of interest" in urits and "Depomed" in urits


def test_study_page_says_why_a_study_is_not_confirmed():
    at = open_view("study", study="machino-2021-disc-height")
    assert any("Only as cited" in c.value and "library record" in c.value for c in at.caption)
