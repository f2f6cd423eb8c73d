"""Study, References, Glossary, Methods, Home, Take-homes and Prevalence against the shipped base."""

from html import escape

from components.base_loader import base
from evidence.selections import bottom_line, filter_studies
from evidence.wording.citations import study_href
from tests.app.apptest_helpers import links_in, open_view, plain_tables, prose_html, texts


def test_study_deep_link_shows_that_study_and_who_cites_it():
    at = open_view("study", study="belavy-2017-running-discs")
    assert at.selectbox(key="study").value == "belavy-2017-running-discs"
    assert [h.value for h in at.header] == ["Running exercise strengthens the intervertebral disc"]
    text = " ".join(texts(at))
    assert "10.1038/srep45975" in text
    assert "claim-check?claim=" in text  # article claims checked against it are listed


def test_stale_study_id_gives_a_notice_not_a_traceback():
    at = open_view("study", study="no-such-study")
    assert not at.exception
    assert any("No study called 'no-such-study'" in i.value for i in at.info)


def test_references_filter_matches_pure_selection():
    at = open_view("references", design=["rct"])
    expected = filter_studies(base(), designs=["rct"])
    assert any(m.value == f"**{len(expected)} of {len(base().studies)} studies**" for m in at.markdown)


def test_references_list_each_shown_study_once_with_its_locator_and_page():
    at = open_view("references", design=["rct"])
    expected = filter_studies(base(), designs=["rct"])
    listing = next(h for h in prose_html(at) if "<ol>" in h)
    assert listing.count("<li>") == len(expected)
    hrefs = {attrs["href"]: attrs for _, attrs in links_in(listing)}
    for study in expected:
        assert "data-in-app" in hrefs[study_href(study.id)]  # the study page, inside the app
        if study.doi:
            assert "data-in-app" not in hrefs[f"https://doi.org/{study.doi}"]


def test_glossary_term_deep_link_shows_one_term():
    at = open_view("glossary", term="mcid")
    assert any(c.value == f"1 of {len(base().glossary)} terms" for c in at.caption)
    assert any("minimal clinically important difference" in m.value.lower() for m in at.markdown)


def test_the_glossary_list_is_one_block_with_every_term_its_detail_and_links():
    at = open_view("glossary")
    (listing,) = [h for h in prose_html(at) if 'class="entry"' in h]
    glossary = base().glossary
    assert listing.count('<section class="entry"') == len(glossary)
    for term in glossary.values():
        assert f'id="{term.id}"><h2>{escape(term.term)}</h2>' in listing  # h2 under the page's h1
        assert f"glossary?term={term.id}" in listing  # its own link, inside the app
    assert listing.count("<summary>More detail</summary>") == sum(bool(t.expert_note) for t in glossary.values())
    assert not any(e.type == "expander" for e in at.main.children.values())


def test_a_glossary_search_lists_only_the_matching_terms():
    at = open_view("glossary", q="disc")
    (listing,) = [h for h in prose_html(at) if 'class="entry"' in h]
    shown = listing.count('<section class="entry"')
    assert 0 < shown < len(base().glossary)
    assert any(c.value == f"{shown} of {len(base().glossary)} terms" for c in at.caption)


def test_methods_reports_a_reading_level_for_every_take_home():
    at = open_view("methods")
    tables = plain_tables(at)
    readings = next(t for t in tables if "US grade" in t.columns)
    assert len(readings) == len(base().take_homes)
    assert (readings["US grade"] <= 8).all()


def test_home_shows_the_bottom_line_in_order():
    at = open_view("home")
    statements = [c.statement for c in bottom_line(base())]
    assert len(statements) == 4
    page = texts(at)  # each card's badges, then its statement
    positions = [next(i for i, v in enumerate(page) if s in v) for s in statements]
    assert positions == sorted(positions)


def test_take_home_deep_link_and_its_numbered_references():
    claim = next(iter(base().take_homes.values()))
    at = open_view("take-homes", claim=claim.id)
    page = " ".join(texts(at))
    assert claim.statement in page
    # Every study it cites appears once in the numbered reference list.
    references = next(h for h in prose_html(at) if h.startswith('<div class="prose"><ol>'))
    assert references.count("<li>") == len(set(claim.studies))


def test_a_take_homes_expert_layer_is_one_click_away_with_its_studies():
    claim = next(iter(base().take_homes.values()))
    at = open_view("take-homes", claim=claim.id)
    expert = next(e for e in at.expander if e.label == "For experts: the numbers")
    (text,) = prose_html(expert)
    hrefs = [attrs["href"] for _, attrs in links_in(text)]
    assert all(study_href(s) in hrefs for s in claim.studies)
    assert f"take-homes?claim={claim.id}" in hrefs  # the link to this take-home
    assert len(claim.expert_summary.split()) > 5 and claim.expert_summary.split()[0] in text


def test_take_homes_present_mode_shows_slide_counter_and_citation():
    at = open_view("take-homes", present="1", slide="2")
    assert any(m.value == f"**Slide 2 of {len(base().take_homes)}**" for m in at.markdown)
    assert any(c.value.startswith("Source: [") for c in at.caption)


def test_prevalence_mixed_periods_get_the_not_comparable_note():
    at = open_view("prevalence", figure=["runners-maselli-2020-range", "us-adults-urits-2019-lifetime"])
    note = " ".join(w.value for w in at.warning)
    assert "not like for like" in note and "Different time windows" in note


def test_prevalence_like_for_like_gets_no_warning():
    at = open_view("prevalence", figure=["global-gbd-2017-point", "global-gbd-2010-point"])
    assert not at.warning
    assert any("can be compared" in s.value for s in at.success)


def test_prevalence_as_icons_draws_each_chosen_figure_under_its_time_window_with_its_words():
    chosen = [base().prevalence[f] for f in ("global-gbd-2017-point", "global-gbd-2010-point",
                                             "runners-maselli-2020-range")]
    at = open_view("prevalence", view="icons", figure=[f.id for f in chosen])
    rows = [h.proto.body for h in at.get("html") if 'class="figure-row"' in h.proto.body]
    windows = [f.recall_period.label for f in chosen]
    assert [s.value for s in at.subheader if s.value in windows] == list(dict.fromkeys(windows))  # one row each
    assert sorted(row.count("<figure>") for row in rows) == sorted(windows.count(w) for w in set(windows))
    for f in chosen:
        (row,) = [r for r in rows if escape(f.population) in r]
        assert f'({f.recall_period.label.lower()})"' in row  # its alt text names the time window


def test_home_counts_the_base_in_words_and_numbers():
    at = open_view("home")
    (row,) = [h.value for h in at.html if 'class="site-counts"' in h.value]
    counts = base().counts()
    for n, label in ((counts["study"], "studies"), (counts["take-home"], "take-homes"),
                     (counts["article"], "articles checked")):
        assert f'<span class="n">{n}</span> {label}</li>' in row
