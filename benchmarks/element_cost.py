"""`python -m benchmarks.element_cost [--visits 6] [--pages long_markdown,long_prose]`: Chromium time to
rendered of the floor's bare page plus one kind of element (benchmarks/element_cost_app.py), each as a ratio to
the bare page below the root, visited in turn so background load hits all alike. It shows where the browser's
time goes once the server is below the floor.
"""

from __future__ import annotations

import argparse
import statistics

from benchmarks import servers
from benchmarks.browser_timing import Chromium
from benchmarks.element_cost_app import PAGES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=6)
    parser.add_argument("--pages", help="comma-separated variants (default: all); the bare page is always measured")
    args = parser.parse_args()
    server = servers.start("benchmarks/element_cost_app.py")
    chromium = Chromium()
    try:
        chromium.time_to_rendered(server.url + "/")  # Chromium's own start-up
        names = [p.__name__ for p in PAGES if not args.pages or p.__name__ in {"page", *args.pages.split(",")}]
        times: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.visits):
            for name in names:
                times[name].append(chromium.time_to_rendered(f"{server.url}/{name}"))
        floor = statistics.median(times["page"])
        print(f"| page | Chromium to rendered ms (median of {args.visits}) | ratio to the bare page |\n|---|---|---|")
        for name in names:
            ms = statistics.median(times[name])
            print(f"| {name} | {ms:.0f} | {ms / floor:.2f}× |")
    finally:
        chromium.close()
        server.stop()


if __name__ == "__main__":
    main()
