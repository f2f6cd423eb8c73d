"""What one more element costs the browser: the floor's bare page plus one kind of element, one page per kind.

`python -m benchmarks.element_cost` opens each page in Chromium and reports its time to rendered as a ratio
to the bare page (all pages below the root, so all pay the same start-up). The kinds are the explorer's own
building blocks, at the counts a typical page draws them.
"""

import pandas as pd
import streamlit as st

from components.change_log import entry_markdown
from components.plain_table import plain_table
from components.prose import prose, to_html
from evidence import load_base
from evidence.changes import base_records, change_log

OPTIONS = [f"Option {i}" for i in range(12)]
TABLE = pd.DataFrame({"Outcome": [f"Outcome {i}" for i in range(8)], "Estimate": [1.5] * 8})


def bare() -> None:
    st.title("Floor: a bare page")
    st.markdown("One paragraph of plain text, the least any page of the explorer draws besides its title.")
    st.selectbox("Pick one", ["first", "second", "third"], key="pick")


def page() -> None:
    bare()


def markdown_25() -> None:
    bare()
    for i in range(25):
        st.markdown(f"Paragraph {i} with a [link](glossary?term=x) and :blue-badge[a badge]")


def markdown_1() -> None:
    bare()
    st.markdown("\n\n".join(f"Paragraph {i} with a [link](glossary?term=x) and :blue-badge[a badge]"
                            for i in range(25)))


# The What's new page's change log (about 17,000 characters of markdown): as markdown, as HTML made on the server.
LONG_TEXT = "\n\n---\n\n".join(entry_markdown(e) for e in change_log(base_records(load_base())))
REPORT = ":material/flag: [Report a problem with this record](mailto:corrections@example.org?subject=" + "x" * 600 + ")"


def long_markdown() -> None:
    bare()
    st.markdown(LONG_TEXT)


def long_prose() -> None:
    bare()
    prose(LONG_TEXT)


def long_markdown_closed() -> None:
    """The same markdown in a closed expander: Streamlit builds it all the same."""
    bare()
    with st.expander("More"):
        st.markdown(LONG_TEXT)


def long_prose_closed() -> None:
    bare()
    with st.expander("More"):
        prose(LONG_TEXT)


def report_links_help() -> None:
    """Home's four 'Report a problem' lines as they were: each with a help tooltip."""
    bare()
    for _ in range(4):
        st.markdown(REPORT, help="Opens your email with a message about this record filled in.")


def report_links() -> None:
    bare()
    for _ in range(4):
        st.markdown(REPORT)


def _page_links(icon: str | None) -> None:
    with st.sidebar:
        for i in range(14):
            if i % 4 == 0:
                st.markdown(f"**Section {i}**")
            st.page_link(f"http://localhost/p{i}", label=f"Page {i}", icon=icon)


def sidebar_nav() -> None:
    """The explorer's navigation as it was: 14 page links with icons under section headings."""
    bare()
    _page_links(":material/home:")


def sidebar_nav_plain() -> None:
    """The same 14 page links without icons."""
    bare()
    _page_links(None)


def sidebar_caption() -> None:
    """A sidebar holding one caption: what the sidebar itself costs."""
    bare()
    st.sidebar.caption("This site is not medical advice.")


def sidebar_html() -> None:
    """The same navigation as one HTML element: headings and lists of plain links."""
    bare()
    parts = []
    for i in range(14):
        if i % 4 == 0:
            parts.append(f"{'</ul>' if i else ''}<p><strong>Section {i}</strong></p><ul>")
        parts.append(f'<li><a href="p{i}?x=1">Page {i}</a></li>')
    with st.sidebar:
        st.html(f'<nav aria-label="Site">{"".join(parts)}</ul></nav>')


def icon_1() -> None:
    """One Material icon: the first one on a page loads the icon font."""
    bare()
    st.markdown(":material/share: Share")


def _card_text(i: int) -> tuple[str, str]:
    return (":blue-badge[:material/thumb_up: Benefit] :orange-badge[⊕⊕◯◯ Low certainty]\n\n"
            f"**Pain** in adults [{i}](study?study=x)\n\nResult 1.2 (0.3 to 2.1)",
            "Randomised controlled trial, n=40\n\n- a caveat")


def cards_8() -> None:
    """Eight result cards as Streamlit elements: a bordered box, the text, an expander with the expert layer."""
    bare()
    for i in range(8):
        text, expert = _card_text(i)
        with st.container(border=True):
            st.markdown(text)
            with st.expander("For experts: the study"):
                st.markdown(expert)


def cards_8_html() -> None:
    """The same cards as one HTML element each, the layer a <details>: cheaper for the browser, but each st.html
    is a placeholder until Streamlit's code for it has loaded, so the cards below jump (components/prose.py)."""
    bare()
    for i in range(8):
        text, expert = _card_text(i)
        st.html(f'<div style="border: 1px solid #d5d9e0; border-radius: 0.5rem; padding: 1rem">{to_html(text)}'
                f"<details><summary>For experts: the study</summary>{to_html(expert)}</details></div>")


def filters_8() -> None:
    bare()
    with st.expander("Filters"):
        places = [*st.columns(3), *st.columns(3)]
        for i in range(5):
            places[i].multiselect(f"Facet {i}", OPTIONS, key=f"facet{i}")
        places[5].slider("Years", 1990, 2026, (1990, 2026), key="years")
        st.text_input("Search", key="q")


def table_1() -> None:
    bare()
    st.table(TABLE, hide_index=True)


def plain_table_1() -> None:
    bare()
    plain_table(TABLE, "A table")


def dataframe_1() -> None:
    bare()
    st.dataframe(TABLE, hide_index=True)


def downloads_3() -> None:
    bare()
    for kind in ("PNG", "SVG", "CSV"):
        st.download_button(f"Chart as {kind}", data=lambda: b"x", file_name="x.txt", on_click="ignore")


# Your situation's four questions: two to four answers each, none chosen until the reader picks one.
QUESTIONS = [("Do you have any of the warning signs?", ["No", "Yes"]),
             ("How long have you had back pain?", ["No pain now", "Under 6 weeks", "6-12 weeks", "Over 12 weeks"]),
             ("What about running?", ["I run now", "I want to start", "I stopped"]),
             ("How old are you?", ["Under 18", "18-45", "46-65", "Over 65"])]


def _questions(ask) -> None:
    bare()
    for i, (prompt, options) in enumerate(QUESTIONS):
        ask(prompt, options, key=f"q{i}")


def radios_4() -> None:
    _questions(lambda prompt, options, key: st.radio(prompt, options, index=None, key=key))


def radio_1() -> None:
    bare()
    prompt, options = QUESTIONS[1]
    st.radio(prompt, options, index=None, key="q1")


def selectboxes_4() -> None:
    _questions(lambda prompt, options, key: st.selectbox(prompt, options, index=None, key=key))


def pills_4() -> None:
    _questions(st.pills)


def segmented_4() -> None:
    _questions(st.segmented_control)


PAGES = (page, markdown_25, markdown_1, long_markdown, long_prose, long_markdown_closed, long_prose_closed,
         report_links_help, report_links, sidebar_nav, sidebar_nav_plain, sidebar_caption, sidebar_html, icon_1,
         cards_8, cards_8_html, filters_8, table_1, plain_table_1, dataframe_1, downloads_3,
         radios_4, radio_1, selectboxes_4, pills_4, segmented_4)

if __name__ == "__main__":  # as `streamlit run` runs it; importing PAGES (benchmarks/element_cost.py) draws nothing
    st.set_page_config(page_title="Element cost", layout="wide")
    st.navigation([st.Page(bare, title="Bare", url_path="bare", default=True),
                   *(st.Page(p, title=p.__name__, url_path=p.__name__) for p in PAGES)], position="hidden").run()
