"""Our own sidebar navigation, so moving between pages keeps the parameters that still apply.

Streamlit's built-in menu clears the query string on every page change, so we hide it and draw this one, as
one HTML element: each link carries the parameters its page understands (docs/decisions.md, Navigation menu).
A plain click stays inside the app through the site script (components/theme.py; docs/decisions.md, In-app
links); without the script, or with a modifier key, the link is an ordinary link.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Iterable

from components.site import PAGES, PageSpec
from evidence.links import link

# The attribute the site script looks for: only our own page links are kept inside the app.
IN_APP = "data-in-app"
# The navigation is styled by assets/nav.css (components/stylesheets.py).


def page_link_html(spec: PageSpec, label_html: str, params: dict[str, list[str]] | None = None,
                   extra: str = "") -> str:
    """A link to one of the site's pages that a plain click follows inside the app; `label_html` is trusted."""
    # Home is the app's root: "./" resolves to it under any base path, as "take-homes" resolves beside it.
    href = link("./" if spec.default else spec.url_path, params or {})
    return f'<a href="{escape(href)}" {IN_APP}{extra}>{label_html}</a>'


def nav_html(current: PageSpec, carried: Callable[[Iterable[str]], dict[str, list[str]]]) -> str:
    """The site's pages under their section names, as links; `carried(keys)` gives the parameters a link keeps."""
    parts, section = [], None
    for n, spec in enumerate(PAGES):
        if spec.section != section:
            section = spec.section
            heading = f"nav-{n}"
            parts.append(f'{"</ul>" if n else ""}<p id="{heading}">{escape(section)}</p><ul aria-labelledby="{heading}">')
        here = ' aria-current="page"' if spec == current else ""
        parts.append(f"<li>{page_link_html(spec, escape(spec.title), carried(spec.keys), here)}</li>")
    return f'<nav class="site-nav" aria-label="Site">{"".join(parts)}</ul></nav>'


def sidebar_html(current: PageSpec, carried: Callable[[Iterable[str]], dict[str, list[str]]], disclaimer: str) -> str:
    """The sidebar's content: the navigation, then the disclaimer under it (components/frame.py draws it)."""
    return nav_html(current, carried) + f'<p class="site-disclaimer">{escape(disclaimer)}</p>'
