"""url_state, filters, pager and present, each on its own in a small inline app (AppTest.from_function).

The pages' tests drive them through the whole app; these pin down each module's own contract.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from evidence.links import DEFAULT_ORIGIN
from tests.shipped import shipped_base


def _app(script, query: dict[str, str | list[str]] | None = None, **kwargs) -> AppTest:
    at = AppTest.from_function(script, default_timeout=30, kwargs=kwargs or None)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def _query(at: AppTest) -> dict[str, list[str]]:
    """The URL after the run, every value as a list (AppTest gives a lone value as a string)."""
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def _notices(at: AppTest) -> list[str]:
    return at.session_state["_url_run"]["notices"]


def _keys_read(at: AppTest) -> set[str]:
    return at.session_state["_url_run"]["read"]


# ---- url_state ------------------------------------------------------------------------------

def _reads() -> None:
    import streamlit as st

    from components import url_state

    url_state.begin_run("findings")
    st.session_state["topics"] = url_state.choices("topic", ["pain", "disability"], "topic")
    st.session_state["study"] = url_state.selected("study", {"belavy-2017": object()}, "study")
    st.session_state["url"] = url_state.current_url()


def test_choices_keep_known_values_in_order_and_say_which_were_ignored():
    at = _app(_reads, {"topic": ["disability", "nonsense", "pain", "disability"]})
    assert at.session_state["topics"] == ["disability", "pain"]
    assert _notices(at) == ["Ignored “topic=nonsense”: it is not one of the topic options here."]
    assert _keys_read(at) == {"topic", "study"}


def test_a_stale_selection_is_dropped_from_the_url_with_a_notice():
    at = _app(_reads, {"study": "renamed-2019"})
    assert at.session_state["study"] is None
    assert "study" not in at.query_params
    assert any("No study called 'renamed-2019' exists" in n for n in _notices(at))
    known = _app(_reads, {"study": "belavy-2017"})
    assert known.session_state["study"] == "belavy-2017" and not _notices(known)


def test_current_url_is_the_page_address_with_the_query_string_it_settled_on():
    at = _app(_reads, {"topic": ["pain", "disability"], "study": "gone"})
    version = shipped_base().meta.version  # issue #12: every link given out says which release it showed
    assert at.session_state["url"] == f"{DEFAULT_ORIGIN}/findings?topic=pain&topic=disability&v={version}"


def _writes(action: str) -> None:
    from components import url_state

    url_state.begin_run("")
    if action == "list":
        url_state.write("topic", ["pain", "disability"])
    elif action == "empty":
        url_state.write("topic", [])
        url_state.write("q", "")
    elif action == "clear":
        url_state.clear(["topic", "page"])


def test_write_sets_repeated_keys_and_an_empty_value_removes_the_parameter():
    at = _app(_writes, {"q": "disc"}, action="list")
    assert _query(at)["topic"] == ["pain", "disability"] and _query(at)["q"] == ["disc"]
    at = _app(_writes, {"topic": "pain", "q": "disc"}, action="empty")
    assert "topic" not in at.query_params and "q" not in at.query_params


def test_clear_removes_only_the_keys_given():
    at = _app(_writes, {"topic": "pain", "page": "2", "design": "rct"}, action="clear")
    assert _query(at) == {"design": ["rct"]}


def test_link_is_relative_with_repeated_keys_and_no_empty_values():
    from components.url_state import link

    assert link("study", study="belavy-2017") == "study?study=belavy-2017"
    assert link("prevalence", figure=["a", "b"], view=None) == "prevalence?figure=a&figure=b"
    assert link("methods") == "methods"


# ---- filters --------------------------------------------------------------------------------

def _filters() -> None:
    import streamlit as st

    from components import filters, url_state
    from evidence.facets import SORT, TOPIC

    url_state.begin_run("findings")
    st.session_state["out"] = (filters.multi(TOPIC), filters.year_range((2010, 2020)), filters.search(),
                               filters.single(SORT))


def test_filters_take_their_values_from_the_url():
    at = _app(_filters, {"topic": ["pain", "bogus"], "years": ["2012", "2015"], "q": "disc", "sort": "year"})
    topics, years, text, sort = at.session_state["out"]
    assert (topics, years, text, sort) == (["pain"], (2012, 2015), "disc", "year")
    assert at.multiselect(key="topic").value == ["pain"] and at.slider(key="years").value == (2012, 2015)
    assert _query(at)["topic"] == ["pain"], "the unknown value is dropped from the link"
    assert any("topic=bogus" in n for n in _notices(at))


def test_defaults_leave_the_url_clean():
    at = _app(_filters)
    assert at.session_state["out"] == ([], (2010, 2020), "", "certainty")
    assert _query(at) == {}


def test_a_bad_year_range_is_ignored_with_a_notice():
    at = _app(_filters, {"years": ["1900", "2015"]})
    assert at.session_state["out"][1] == (2010, 2020) and "years" not in at.query_params
    assert any("Ignored the year range 1900–2015" in n for n in _notices(at))


def test_changing_a_filter_writes_it_back_and_returns_to_page_one():
    at = _app(_filters, {"page": "3"})
    at.multiselect(key="topic").set_value(["pain"]).run()
    at.text_input(key="q").input("marathon").run()
    assert _query(at)["topic"] == ["pain"] and _query(at)["q"] == ["marathon"]
    assert "page" not in at.query_params


# ---- pager ----------------------------------------------------------------------------------

def _pager() -> None:
    import streamlit as st

    from components import url_state
    from components.pager import paged, pager

    url_state.begin_run("findings")
    shown, page, pages = paged(list(range(45)), size=20)
    st.session_state["out"] = (shown[0] if shown else None, page, pages)
    pager(page, pages)


def test_pager_reads_the_page_and_clamps_a_page_that_does_not_exist():
    assert _app(_pager, {"page": "2"}).session_state["out"] == (20, 2, 3)
    at = _app(_pager, {"page": "9"})
    assert at.session_state["out"] == (40, 3, 3) and _query(at)["page"] == ["3"]
    assert _notices(at) == ["There is no page 9; showing page 3 of 3."]
    at = _app(_pager, {"page": "x"})
    assert at.session_state["out"] == (0, 1, 3) and "page" not in at.query_params
    assert _notices(at) == ["Ignored page 'x'; showing page 1."]


def test_pager_buttons_move_through_the_url():
    at = _app(_pager)
    at.button(key="page_next").click().run()
    assert _query(at)["page"] == ["2"] and at.session_state["out"][1] == 2
    at.button(key="page_prev").click().run()
    assert "page" not in at.query_params, "page 1 keeps the link clean"


# ---- present --------------------------------------------------------------------------------

def _deck() -> None:
    import streamlit as st

    from components import present, url_state
    from components.site import BY_PATH

    url_state.begin_run("take-homes")
    st.session_state["styled"] = (present.apply_style(BY_PATH["take-homes"]), present.apply_style(BY_PATH["home"]))
    if present.active():
        present.deck([present.Slide(f"Slide {n}", lambda: None, f"source {n}") for n in (1, 2, 3)])
    else:
        present.enter_button()


def test_entering_moving_and_leaving_presentation_mode_keep_the_other_parameters():
    at = _app(_deck, {"topic": "pain"})
    assert at.session_state["styled"] == (False, False)
    at.button(key="present_enter").click().run()
    assert _query(at)["present"] == ["1"] and [t.value for t in at.title] == ["Slide 1"]
    assert at.session_state["styled"] == (True, False), "only a page with a deck presents"
    at.button(key="slide_next").click().run()
    assert _query(at)["slide"] == ["2"] and [t.value for t in at.title] == ["Slide 2"]
    at.button(key="present_leave").click().run()
    assert _query(at) == {"topic": ["pain"]}


def test_a_slide_that_does_not_exist_shows_the_first_with_a_notice():
    at = _app(_deck, {"present": "1", "slide": "7"})
    assert [t.value for t in at.title] == ["Slide 1"] and "slide" not in at.query_params
    assert _notices(at) == ["There is no slide 7; showing slide 1 of 3."]
