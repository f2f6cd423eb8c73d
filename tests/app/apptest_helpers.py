"""Open a page of the real app under AppTest, the way a pasted link would."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from components.filters import PANEL_KEY
from components.plain_table import CLASS as PLAIN_TABLE
from components.prose import CLASS as PROSE
from components.share import LABEL as SHARE_LABEL, OPEN_KEY as SHARE_OPEN
from components.site import BY_PATH

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_view(url_path: str, **params: str | list[str]) -> AppTest:
    """Run app.py, then the page at `url_path`, with `params` in the query string.

    The parameters are set before the first run and kept through the page switch:
    AppTest can only target a url_path page after one run, and bound widgets read the
    URL when they are first created, which is what a browser opening a shared link does.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if not BY_PATH[url_path].default:
        at.switch_page(BY_PATH[url_path].file)
        at.run()
    return at


def share_panel(at: AppTest):
    """The page's one 'Share this view' popover, opened first if it is closed, as a visitor would: its body
    is built only while it is open."""
    def panels():
        found = [p for p in at.get("popover") if p.proto.popover.label == SHARE_LABEL]
        assert len(found) == 1, f"expected one '{SHARE_LABEL}' panel, found {len(found)}"
        return found[0]

    if not panels().children:
        at.session_state[SHARE_OPEN] = True
        at.run()
    return panels()


def open_filters(at: AppTest) -> AppTest:
    """Open the page's Filters panel, as a visitor would to change a filter: while it is closed (a link that
    already filters opens it closed) its widgets are not drawn."""
    panels = [key for key in at.session_state.keys() if key.startswith(PANEL_KEY)]
    assert len(panels) == 1, f"expected one filter panel, found {panels}"
    if not at.session_state[panels[0]]:
        at.session_state[panels[0]] = True
        at.run()
    return at


class TableReader(HTMLParser):
    """The header and body cells of each table in a piece of HTML, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.tables[-1][-1].append(unescape("".join(self._cell)))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


class LinkReader(HTMLParser):
    """Each link in a piece of HTML: (its text, its attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self._text: list[str] | None = None
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._text, self._attrs = [], dict(attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self._text is not None:
            self.links.append((unescape("".join(self._text)), self._attrs))
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def links_in(html: str) -> list[tuple[str, dict[str, str | None]]]:
    reader = LinkReader()
    reader.feed(html)
    return reader.links


def _numbers_where_all_are(column: pd.Series) -> pd.Series:
    converted = pd.to_numeric(column, errors="coerce")
    return converted if converted.notna().all() else column


def plain_tables(node) -> list[pd.DataFrame]:
    """The tables drawn by components/plain_table.py under `node` (the app, or one expander), as frames:
    text as shown, columns of numbers read back as numbers."""
    frames = []
    for element in node.get("html"):
        if f'class="{PLAIN_TABLE}"' not in element.proto.body:
            continue
        reader = TableReader()
        reader.feed(element.proto.body)
        for head, *rows in reader.tables:
            frame = pd.DataFrame(rows, columns=head)
            frames.append(frame.apply(_numbers_where_all_are))
    return frames


def prose_html(node) -> list[str]:
    """The HTML of each block of text under `node` that components/prose.py rendered on the server."""
    return [element.proto.body for element in node.get("html")
            if element.proto.body.startswith(f'<div class="{PROSE}">')]


class MarkdownReader(HTMLParser):
    """Each block of text in components/prose.py's HTML, read back as the markdown it was made from (links,
    emphasis, badges, icons, lists, line breaks): tests read it as they read st.markdown's."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._out: list[str] | None = None
        self._ends: list[str] = []  # what each open inline tag writes when it closes
        self._lists: list[int | None] = []  # per open list: the next number, or None for bullets

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "div" and PROSE in classes:
            self._out = []
            return
        if self._out is None:
            return
        out = self._out
        if tag == "a":
            out.append("[")
            self._ends.append(f"]({attrs.get('href', '')})")
        elif tag in ("strong", "em"):
            out.append("**" if tag == "strong" else "*")
            self._ends.append("**" if tag == "strong" else "*")
        elif tag == "span" and "badge" in classes:
            colour = next(c.removeprefix("badge-") for c in classes if c.startswith("badge-"))
            out.append(f":{colour}-badge[")
            self._ends.append("]")
        elif tag == "span" and "icon" in classes:
            out.append(":material/")
            self._ends.append(":")
        elif tag == "span":
            self._ends.append("")
        elif tag in ("ul", "ol"):
            self._lists.append(1 if tag == "ol" else None)
        elif tag == "li":
            number = self._lists[-1]
            out.append("- " if number is None else f"{number}. ")
            if number is not None:
                self._lists[-1] = number + 1
        elif tag == "br":
            out.append("  \n")
        elif tag == "hr":
            out.append("---\n\n")

    def handle_endtag(self, tag):
        if self._out is None:
            return
        if tag == "div":  # a block holds no <div> of its own: this one ends it
            self.blocks.append("".join(self._out).strip())
            self._out = None
        elif tag in ("a", "strong", "em", "span"):
            self._out.append(self._ends.pop())
        elif tag == "p":
            self._out.append("\n\n")
        elif tag == "li":
            self._out.append("\n")
        elif tag in ("ul", "ol"):
            self._lists.pop()
            self._out.append("\n")

    def handle_data(self, data):
        if self._out is not None:
            self._out.append(data.replace("\n", "") if data.strip() == "" else data.rstrip("\n"))


def texts(node) -> list[str]:
    """The text under `node` in page order, as markdown: each st.markdown, st.caption and st.info as written, and
    each block of components/prose.py's HTML read back."""
    found: list[str] = []
    for element in _in_order(node):
        kind = getattr(element, "type", "")
        if kind in ("markdown", "caption", "info", "warning", "error", "success"):
            found.append(element.value)
        elif kind == "html":
            reader = MarkdownReader()
            reader.feed(element.proto.body)
            found += reader.blocks
    return found


def _in_order(node) -> list:
    node = getattr(node, "_tree", node)  # the AppTest itself: its tree
    children = getattr(node, "children", None)
    found = []
    for child in (children.values() if isinstance(children, dict) else children or []):
        found += [child, *_in_order(child)]
    return found
