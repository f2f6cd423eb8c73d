"""Our own sidebar navigation, so moving between pages keeps the parameters that still apply.

Streamlit's built-in menu clears the query string on every page change, so we hide it and draw this one:
each link's address carries the parameters its page understands (open it in a new tab, copy it, and it is
the same view). It is one HTML element, not a `st.page_link` per page: fourteen link elements with icons
cost every first visit about 350 ms of the browser's main thread (benchmarks/element_cost_app.py).

A plain click stays inside the app: the site script (components/theme.py) turns it into the same history
step the browser's Back button makes, which Streamlit already follows (page and query string from the
address, no reload). Without the script, or with a modifier key, the link is an ordinary link.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Iterable

from components.palette import CAPTION_INK, LINK, TINT
from components.site import PAGES, PageSpec
from evidence.links import link

# The attribute the site script looks for: only our own page links are kept inside the app.
IN_APP = "data-in-app"

CSS = f"""
<style>
nav.site-nav p {{ margin: 1rem 0 0.25rem 0; font-weight: 700; }}
nav.site-nav ul {{ list-style: none; margin: 0; padding: 0; }}
nav.site-nav a {{ display: block; padding: 0.3rem 0.5rem; margin: 0.1rem 0; border-radius: 0.5rem;
  color: inherit; text-decoration: none; border-left: 0.25rem solid transparent; }}
nav.site-nav a:hover {{ background: {TINT}; text-decoration: underline; }}
nav.site-nav a:focus-visible {{ outline: 2px solid {LINK}; outline-offset: 1px; }}
/* The page you are on: bold, marked with a bar, and announced (aria-current), never colour alone. */
nav.site-nav a[aria-current="page"] {{ font-weight: 700; background: {TINT};
  border-left-color: {LINK}; }}
p.site-disclaimer {{ margin-top: 1.5rem; font-size: 0.875rem; color: {CAPTION_INK}; }}
</style>
"""


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
