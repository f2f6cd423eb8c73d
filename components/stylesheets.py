"""The site's stylesheets: plain CSS files in assets/, one per concern, sent as `<style>` blocks.

- assets/readable.css: Streamlit's captions and page links made readable (components/theme.py)
- assets/table.css, nav.css, entry-points.css, prose.css, figures.css, site-counts.css: our own server-made HTML
  (components/plain_table.py, nav.py, entry_points.py, prose.py, icon_array.py, site_counts.py)
- assets/present.css: presentation mode (components/present.py); assets/print.css: a printed page (share.py)

The files hold no colour: they name CSS custom properties (`var(--link)`), which `colours()` defines from
evidence/palette.py, the one owner of colours (tests/unit/test_stylesheets.py fails on a colour written in a
file). Where they style Streamlit's own elements they address its DOM hooks (`data-testid`, its classes):
tests/browser/test_dom_contract.py checks that Streamlit still draws each hook they name, and docs/decisions.md
says why each is styled and when to drop it.

Nothing shaped like a tag in them, not even in a comment: the browser's HTML sanitizer drops a whole `<style>`
whose text holds '<' and a letter (tests/unit/test_prose.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from evidence import palette

ASSETS = Path(__file__).resolve().parents[1] / "assets"
# The sheets every page gets (components/theme.py), in the order they cascade.
SITE = ("readable", "table", "nav", "entry-points", "prose", "figures")


@lru_cache(maxsize=None)
def css(name: str) -> str:
    """The text of assets/<name>.css, read once per process."""
    return (ASSETS / f"{name}.css").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def stylesheet(*names: str) -> str:
    """assets/<name>.css for each name, each as its own `<style>` block (a block the browser rejects takes no
    other file's rules with it)."""
    return "".join(f"<style>\n{css(name)}</style>\n" for name in names)


@lru_cache(maxsize=None)
def colours() -> str:
    """The palette's custom properties, which every sheet names: one `<style>` with one `:root` block."""
    return f"<style>\n{palette.css_root()}</style>\n"
