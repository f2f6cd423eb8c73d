"""`python -m benchmarks.browser_profile [--pages study,home] [--visits 3]`: where the browser's main thread spends
a first visit, for each page beside the floor's bare page, from Chromium's own CPU profiler (DevTools protocol).

Time to rendered is the one target the server cannot move: once the last message has arrived, the browser
still has to build the page. This attributes that work to who runs it: Streamlit's markdown renderer, React,
its CSS-in-JS, message decoding, the rest of Streamlit's frontend, the browser's own parsing, style and layout,
and the explorer's own script (components/theme.py, the only JavaScript we send). Sampling slows every
visit alike, so compare the columns with each other, not with `make bench-load`.
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter

from benchmarks import servers
from benchmarks.browser_timing import Chromium
from benchmarks.load import representative_queries

SAMPLING_US = 500

# Streamlit's bundle is split into chunks named after their module; these are the ones that matter here.
_GROUPS = (
    ("markdown rendering", ("StreamlitMarkdown", "remark", "micromark", "mdast", "hast", "unified", "rehype",
                            "katex")),
    ("HTML sanitising (st.html)", ("purify",)),
    ("React", ("react-dom", "scheduler", "react")),
    ("CSS-in-JS (Emotion)", ("emotion", "styled-components", "stylis")),
    ("message decoding", ("protobuf",)),
)
NATIVE = "browser: parse, style, layout, paint"
GC = "garbage collection"
OURS = "the explorer's own script"
HARNESS = "other inline code (Playwright's polling)"
OTHER = "rest of Streamlit's frontend"
ORDER = [name for name, _ in _GROUPS] + [OTHER, OURS, HARNESS, NATIVE, GC]
OUR_SCRIPT = "explorer-focus.js"  # the sourceURL components/theme.py gives its one script


def _group(frame: dict) -> str | None:
    function, url = frame["functionName"], frame["url"]
    if function == "(idle)":
        return None
    if function == "(program)":
        return NATIVE
    if function == "(garbage collector)":
        return GC
    if url.endswith(OUR_SCRIPT):
        return OURS
    if "/static/" not in url:
        # Built-ins (appendChild, setTimeout) have no script: their time belongs to whoever called them, which a
        # self-time profile cannot say, so it counts as the browser's. Scripts without a URL are the harness's.
        return NATIVE if frame["scriptId"] == "0" else HARNESS
    chunk = url.rsplit("/", 1)[-1]
    return next((name for name, prefixes in _GROUPS if chunk.startswith(prefixes)), OTHER)


def profile_visit(chromium: Chromium, url: str) -> tuple[float, Counter]:
    """One first visit in a fresh context: (time to rendered ms, busy ms by group up to that moment)."""
    with chromium.fresh_page() as page:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": SAMPLING_US})
        cdp.send("Profiler.start")
        rendered = chromium.open_rendered(page, url)
        profile = cdp.send("Profiler.stop")["profile"]
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    busy: Counter = Counter()
    for node_id, delta_us in zip(profile["samples"], profile["timeDeltas"]):
        frame = frames[node_id]
        if (group := _group(frame)) is not None:
            busy[group] += delta_us / 1000
    return rendered, busy


def _medians(visits: list[tuple[float, Counter]]) -> tuple[float, dict[str, float]]:
    return (statistics.median(t for t, _ in visits),
            {group: statistics.median(b[group] for _, b in visits) for group in ORDER})


def _row(label: str, values: dict[str, float], pages: list[str], ratio: bool = False) -> None:
    """One table row: the floor's value, then each page's with its ratio to the floor or its difference."""
    floor = values["floor"]
    cells = [f"{values[p]:.0f} " + (f"({values[p] / floor:.2f}×)" if ratio else f"(+{values[p] - floor:.0f})")
             for p in pages]
    print(f"| {label} | {floor:.0f} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", default="study,home,findings,glossary")
    parser.add_argument("--visits", type=int, default=3)
    args = parser.parse_args()
    queries = representative_queries()
    app, floor = servers.start("app.py"), servers.start("benchmarks/floor_app.py")
    chromium = Chromium()
    try:
        chromium.time_to_rendered(floor.url + "/")  # Chromium's own start-up
        pages = args.pages.split(",")
        urls = {"floor": floor.url + "/page"}
        urls |= {p: f"{app.url}/{'' if p == 'home' else p}" + (f"?{queries[p]}" if queries.get(p) else "")
                 for p in pages}
        visits: dict[str, list] = {name: [] for name in urls}
        for _ in range(args.visits):  # in turn, so background load hits all alike
            for name, url in urls.items():
                visits[name].append(profile_visit(chromium, url))
        results = {name: _medians(v) for name, v in visits.items()}
        print(f"Main-thread CPU ms up to rendered, median of {args.visits} profiled first visits "
              f"(sampling every {SAMPLING_US} µs); in brackets, more than the floor's bare page.\n")
        print("| | floor | " + " | ".join(pages) + " |\n|---|---|" + "---|" * len(pages))
        _row("time to rendered", {name: ms for name, (ms, _) in results.items()}, pages, ratio=True)
        for group in ORDER:
            _row(group, {name: busy[group] for name, (_, busy) in results.items()}, pages)
        _row("**all**", {name: sum(busy.values()) for name, (_, busy) in results.items()}, pages)
    finally:
        chromium.close()
        app.stop()
        floor.stop()


if __name__ == "__main__":
    main()
