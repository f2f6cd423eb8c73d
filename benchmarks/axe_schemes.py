"""`python -m benchmarks.axe_schemes [--pages home,findings] [--markdown F]`: axe's serious and critical findings
on every page of the site in the system's light and dark colour scheme, at 1280 and 390 px, and in the embedded
view with Streamlit's dark theme forced (`embed_options=dark_theme`): violations (rules) and elements per page.

The tests hold every page to zero (tests/browser/test_pages.py); this table is what a change moved.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter

from playwright.sync_api import sync_playwright

from benchmarks import servers
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.helpers import DESKTOP, PHONE_OPTIONS, axe, new_context, open_view, whole_page_on_screen
from tests.browser.test_pages import VIEWS, _view_id

BLOCKING = ("serious", "critical")
# (column, context options, query added to each view)
COLUMNS = (
    ("light 1280", {"viewport": DESKTOP, "color_scheme": "light"}, ""),
    ("dark 1280", {"viewport": DESKTOP, "color_scheme": "dark"}, ""),
    ("light 390", {**PHONE_OPTIONS, "color_scheme": "light"}, ""),
    ("dark 390", {**PHONE_OPTIONS, "color_scheme": "dark"}, ""),
    ("embed dark_theme 1280", {"viewport": DESKTOP, "color_scheme": "light"}, "embed=true&embed_options=dark_theme"),
)


def settled_axe(page) -> tuple[int, int, Counter]:
    """(serious+critical violations, elements they name, elements per rule) of the whole document, with a viewport
    as tall as the page (axe judges contrast on screen only), once no element is drawn stale (faded) and
    Streamlit's fade-in is over."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=15_000)
    page.wait_for_timeout(400)
    with whole_page_on_screen(page):
        blocking = [v for v in axe(page) if v.get("impact") in BLOCKING]
    rules = Counter({v["id"]: len(v["nodes"]) for v in blocking})
    return len(blocking), sum(rules.values()), rules


def with_query(path: str, query: str) -> str:
    return path if not query else path + ("&" if "?" in path else "?") + query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", help="comma-separated url paths (default: every page)")
    parser.add_argument("--markdown", help="append the table to this file")
    args = parser.parse_args()
    views = [v for v in VIEWS if not args.pages or v[0].url_path in args.pages.split(",")]
    server = servers.start("app.py")
    results: dict[tuple[str, str], tuple[int, int, Counter]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", CHROMIUM),
                                                 args=CHROMIUM_ARGS)
            for column, options, query in COLUMNS:
                context = new_context(browser, server.url, **options)
                page = context.new_page()
                for view in views:
                    open_view(page, with_query(view[1], query))
                    results[_view_id(view), column] = settled_axe(page)
                    print(_view_id(view), column, results[_view_id(view), column][:2],
                          dict(results[_view_id(view), column][2]), flush=True)
                context.close()
            browser.close()
    finally:
        server.stop()
    table = render(views, results)
    print(table)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as out:
            out.write(table)


def render(views, results) -> str:
    names = [column for column, _, _ in COLUMNS]
    lines = ["| page | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for view in views:
        cells = [f"{results[_view_id(view), c][0]} / {results[_view_id(view), c][1]}" for c in names]
        lines.append(f"| {_view_id(view)} | " + " | ".join(cells) + " |")
    totals = [f"{sum(results[_view_id(v), c][0] for v in views)} / {sum(results[_view_id(v), c][1] for v in views)}"
              for c in names]
    lines.append("| **all pages** | " + " | ".join(totals) + " |")
    rules = Counter()
    for _, _, per_rule in results.values():
        rules.update(per_rule)
    lines.append("")
    lines.append("Cells: serious+critical violations (axe rules) / elements they name. Elements by rule, all "
                 "cells: " + (", ".join(f"{rule} {n}" for rule, n in rules.most_common()) or "none") + ".")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
