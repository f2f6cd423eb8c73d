"""Long text rendered on the server (components/prose.py) means what st.markdown would have drawn."""

from html.parser import HTMLParser

import pytest

from components.nav import IN_APP
from evidence.palette import BADGE
from components.prose import CLASS, to_html
from components.stylesheets import css

pytestmark = pytest.mark.unit


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_a_numbered_reference_list_keeps_its_numbers_links_and_badges():
    html = to_html("1. Adams MA. A title. [doi:10.1/x](https://doi.org/10.1/x)  \n"
                   "   :gray-badge[Narrative review] [Study page](study?study=adams)\n"
                   "2. Second. [link](https://example.org/b)")
    assert html.startswith(f'<div class="{CLASS}"><ol>') and html.count("<li>") == 2
    assert '<span class="badge badge-gray">Narrative review</span>' in html
    links = {a["href"]: a for tag, a in tags(html) if tag == "a"}
    assert set(links) == {"https://doi.org/10.1/x", "study?study=adams", "https://example.org/b"}


def test_only_links_to_our_own_pages_stay_inside_the_app():
    html = to_html("[a](study?study=x) [b](./) [c](whats-new?record=r&kind=study) [d](https://doi.org/1) "
                   "[e](mailto:x@example.org) [f](#references)")
    marked = {a["href"]: IN_APP in a for tag, a in tags(html) if tag == "a"}
    assert marked == {"study?study=x": True, "./": True, "whats-new?record=r&kind=study": True,
                      "https://doi.org/1": False, "mailto:x@example.org": False, "#references": False}


def test_curated_text_is_shown_never_run_and_escapes_read_as_in_streamlit():
    html = to_html('<script>alert(1)</script> costs \\$5 \\[1\\] and a <b>tag</b>')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "costs $5 [1]" in html


def test_badge_labels_may_hold_inline_markdown_and_rules_divide_entries():
    html = to_html("**Date** · :blue-badge[Article *claim*] text\n\n---\n\nnext")
    assert '<span class="badge badge-blue">Article <em>claim</em></span>' in html and "<hr />" in html


def test_every_badge_colour_is_styled_and_an_unknown_one_fails_loudly():
    for colour in BADGE:
        assert f".{CLASS} .badge-{colour} {{" in css("prose")
    with pytest.raises(ValueError, match="purple"):
        to_html(":purple-badge[x]")


def test_icons_are_drawn_by_name_in_streamlits_font_and_hidden_from_screen_readers():
    html = to_html(":material/flag: [Report](mailto:x@example.org)")
    assert '<span class="icon" aria-hidden="true" translate="no">flag</span> <a href="mailto:x@example.org">' in html
    assert 'font-family: "Material Symbols Rounded"' in css("prose")  # the @font-face Streamlit's own CSS declares


def test_streamlit_still_serves_the_icon_font_our_icons_name():
    import streamlit
    from pathlib import Path
    css = "".join(p.read_text() for p in (Path(streamlit.__file__).parent / "static").rglob("*.css"))
    assert "font-family:Material Symbols Rounded" in css.replace('"', "")


def test_the_site_stylesheets_are_styles_only_so_streamlit_keeps_them_out_of_the_page():
    import re

    from components import share, theme
    # Anything else and Streamlit draws them as a placeholder above the page, which then jumps (components/theme.py).
    assert re.fullmatch(r"(\s*<style>.*?</style>\s*)+", theme.stylesheets(share.PRINT_CSS), re.S)


def test_no_stylesheet_holds_anything_shaped_like_a_tag():
    """The browser's HTML sanitizer drops a whole <style> whose text holds '<' + letter (a '<details>' in a CSS
    comment once took every server-made text's styles with it: icons showed as their names). Every file in
    assets/, and the palette's colours."""
    import re

    from components.stylesheets import ASSETS, colours, stylesheet
    every = colours() + stylesheet(*sorted(path.stem for path in ASSETS.glob("*.css")))
    for body in re.findall(r"<style>(.*?)</style>", every, re.S):
        assert not re.search(r"</?[A-Za-z!]", body), re.search(r".{0,40}</?[A-Za-z!].{0,40}", body).group(0)
