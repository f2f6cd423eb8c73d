"""`make bench-load`: every explorer page as a ratio to Streamlit's own floor, measured in one run.

Serves app.py and benchmarks/floor_app.py side by side (same interpreter, same Streamlit, loopback
only), then, over Streamlit's websocket protocol (benchmarks/ws_client.py):
  1. home's rerun p50 on the fresh server;
  2. for every page, as its menu item opens it and at its representative deep link (both are where readers
     land): its first-ever run (cold), first runs of new sessions, later reruns (p50),
     server CPU per session and per rerun (/proc/<pid>/stat), memory per extra open session;
  3. home's rerun p50 again ("no page makes other pages slower");
  4. a class of N sessions opening home (and prevalence) at once: p95, CPU and memory per session;
then Chromium's time to rendered per page, beside its floor page and beside the same content replayed by a
script that does nothing else (benchmarks/replay.py: the explorer's own share of that time), and Lighthouse.
Each page is measured alternately with its floor page (a bare page, or a chart page for the chart pages), so
background load on a shared machine hits both alike; every ratio divides by the floor measured beside it.

    python -m benchmarks.load [--pages home,findings] [--sessions 50] [--quick]
                              [--url http://127.0.0.1:8501 --server-pid PID ...] [--json F] [--markdown F]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks import lighthouse, phone, servers
from benchmarks.ws_client import Run, Session
from components.site import PAGES
from evidence import load_base
from evidence.evidence_map import evidence_map

CHART_PAGES = {"prevalence", "evidence-map", "claim-check"}
BARE, CHART = "", "chart"  # the floor app's two pages ("" is its default page, served at /)


def representative_queries() -> dict[str, str]:
    """A realistic link per page: a deep link where the page has one, else its plain URL (every page in
    components/site.py, so a page added later is measured too)."""
    base = load_base()
    cell = max((c for c in evidence_map(base) if not c.is_gap), key=lambda c: len(c.study_ids))
    article_claim = next(iter(base.article_claims))
    deep = {
        "take-homes": f"claim={next(iter(base.take_homes))}", "findings": "topic=pain&topic=disability&design=rct",
        "my-situation": "signs=no&pain=long-lasting&running=start&age=18-45",
        "evidence-map": f"cell={cell.key}", "claim-check": f"claim={article_claim}",
        "study": f"study={next(iter(base.studies))}", "glossary": f"term={next(iter(base.glossary))}",
    }
    return {("home" if spec.default else spec.url_path): deep.get(spec.url_path, "") for spec in PAGES}


@dataclass
class Settings:
    first_runs: int = 5
    reruns: int = 10
    # Home's rerun before and after every page: about 15 ms each, so a median of 10 moved by 2 ms (±15%) between
    # two measurements of an unchanged server, more than the 10% it is checked against. 40 alternations took the
    # same server from 16.1 to 15.9 ms (server CPU 11.2 and 11.3 ms a rerun).
    home_reruns: int = 40
    sessions: int = 50
    # Chromium timings swing ±15% visit to visit (a median of 2, then of 4, then of 8, moved pages across the 1.10×
    # line between runs of the same code, by up to 0.10): 12 pairs, each visit beside its own floor visit.
    browser_visits: int = 12
    class_pages: tuple[str, ...] = ("home", "prevalence")
    lighthouse: bool = True
    browser: bool = True


@dataclass
class PageResult:
    page: str
    query: str
    floor: str
    cold_ms: float = 0
    first_ms: float = 0
    floor_first_ms: float = 0
    rerun_ms: float = 0
    floor_rerun_ms: float = 0
    cpu_session_ms: float | None = None
    floor_cpu_session_ms: float | None = None
    cpu_rerun_ms: float | None = None
    floor_cpu_rerun_ms: float | None = None
    mb_session: float | None = None
    elements: int = 0
    kilobytes: float = 0
    errors: int = 0
    browser_ms: float | None = None
    floor_browser_ms: float | None = None
    browser_ratios: list[float] = field(default_factory=list)  # each visit over the floor visit beside it
    # The same content with no app behind it (benchmarks/replay.py): its visits over the same floor visits, and each
    # real visit over the replay visit beside it (the explorer's own share).
    replay_ratios: list[float] = field(default_factory=list)
    own_ratios: list[float] = field(default_factory=list)
    layout_shift: float | None = None  # median cumulative layout shift of the visits (good: below 0.1)
    floor_layout_shift: float | None = None
    class_p95_s: float | None = None
    floor_class_p95_s: float | None = None
    class_cpu_ms: float | None = None
    floor_class_cpu_ms: float | None = None
    class_mb_session: float | None = None
    accessibility: int | None = None
    failed_audits: list[str] = field(default_factory=list)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _per(delta: float | None, count: int) -> float | None:
    return None if delta is None else 1000 * delta / count


def _delta(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else after - before


class Bench:
    def __init__(self, app: servers.Server, floor: servers.Server, settings: Settings) -> None:
        self.app, self.floor, self.s = app, floor, settings
        self.floor_reruns: list[float] = []  # every paired floor p50, to show the noise

    def _target(self, is_floor: bool) -> servers.Server:
        return self.floor if is_floor else self.app

    async def paired_reruns(self, page: str, query: str, floor_page: str, count: int) -> tuple[list[Run], list[Run],
                                                                                                float | None, float | None]:
        """`count` reruns of one session of the page, alternating with one of its floor page."""
        ours, floor = Session(self.app.url, page, query), Session(self.floor.url, floor_page, "")
        await ours.open(), await floor.open()
        await ours.rerun(), await floor.rerun()  # warm: the first rerun may still fill a cache
        runs: dict[bool, list[Run]] = {False: [], True: []}
        cpu: dict[bool, float] = {False: 0.0, True: 0.0}
        for _ in range(count):
            for is_floor, session in ((False, ours), (True, floor)):
                before = self._target(is_floor).cpu()
                runs[is_floor].append(await session.rerun())
                spent = _delta(self._target(is_floor).cpu(), before)
                cpu[is_floor] = None if spent is None or cpu[is_floor] is None else cpu[is_floor] + spent
        await ours.close(), await floor.close()
        self.floor_reruns.append(median([r.ms for r in runs[True]]))
        return runs[False], runs[True], _per(cpu[False], count), _per(cpu[True], count)

    async def page(self, page: str, query: str) -> PageResult:
        floor_page = CHART if page in CHART_PAGES else BARE
        result = PageResult(page, query, "chart" if floor_page else "bare")
        name = "" if page == "home" else page
        cold = Session(self.app.url, name, query)
        first = await cold.open()
        result.cold_ms, result.elements, result.kilobytes, result.errors = first.ms, first.elements, first.kilobytes, \
            first.errors
        if first.not_found:
            raise RuntimeError(f"/{name} is not a page of {self.app.url}")
        await cold.close()
        open_sessions: dict[bool, list[Session]] = {False: [], True: []}
        times: dict[bool, list[float]] = {False: [], True: []}
        cpu: dict[bool, float | None] = {False: 0.0, True: 0.0}
        rss_before = self.app.rss()
        for _ in range(self.s.first_runs):
            for is_floor in (False, True):
                session = Session(self._target(is_floor).url, floor_page if is_floor else name, "" if is_floor else query)
                before = self._target(is_floor).cpu()
                run = await session.open()
                spent = _delta(self._target(is_floor).cpu(), before)
                cpu[is_floor] = None if spent is None or cpu[is_floor] is None else cpu[is_floor] + spent
                times[is_floor].append(run.ms)
                result.errors += run.errors
                open_sessions[is_floor].append(session)
        grown = _delta(self.app.rss(), rss_before)
        result.mb_session = None if grown is None else grown / self.s.first_runs
        for session in open_sessions[False] + open_sessions[True]:
            await session.close()
        result.first_ms, result.floor_first_ms = median(times[False]), median(times[True])
        result.cpu_session_ms, result.floor_cpu_session_ms = _per(cpu[False], self.s.first_runs), \
            _per(cpu[True], self.s.first_runs)
        ours, floor, result.cpu_rerun_ms, result.floor_cpu_rerun_ms = await self.paired_reruns(
            name, query, floor_page, self.s.reruns)
        result.rerun_ms, result.floor_rerun_ms = median([r.ms for r in ours]), median([r.ms for r in floor])
        result.errors += sum(r.errors for r in ours)
        return result

    async def crowd(self, server: servers.Server, page: str, query: str, n: int) -> tuple[float, float | None,
                                                                                           float | None]:
        """n sessions opening at once: (p95 seconds, CPU ms per session, MB per extra session)."""
        sessions = [Session(server.url, page, query) for _ in range(n)]
        cpu, rss = server.cpu(), server.rss()
        runs = await asyncio.gather(*(s.open() for s in sessions))
        spent, grown = _delta(server.cpu(), cpu), _delta(server.rss(), rss)
        await asyncio.gather(*(s.close() for s in sessions))
        return p95([r.ms for r in runs]) / 1000, _per(spent, n), None if grown is None else grown / n

    async def home_rerun(self) -> tuple[float, float, float | None, float | None]:
        """Home's rerun p50 and server CPU per rerun, each beside the floor's."""
        ours, floor, cpu, floor_cpu = await self.paired_reruns("", "", BARE, self.s.home_reruns)
        return median([r.ms for r in ours]), median([r.ms for r in floor]), cpu, floor_cpu


def views(pages: list[str], queries: dict[str, str]) -> list[tuple[str, str]]:
    """(page, query) to measure: every page as its menu item opens it (no query), and its representative deep
    link too where it has one: readers land on both."""
    return [(page, query) for page in pages for query in dict.fromkeys(("", queries[page]))]


def row_name(r: PageResult) -> str:
    """'glossary' for the view the menu opens, 'glossary?term=…' for a deep link."""
    return r.page + (f"?{r.query}" if r.query else "")


def recording_name(r: PageResult) -> str:
    """A replay recording per view: a page's landing view is served by the replay app under its own path."""
    return r.page + ("" if r.query else "--landing") if r.page != "home" else "home"


async def websocket_phase(bench: Bench, pages: list[str], queries: dict[str, str], report: dict) -> list[PageResult]:
    (report["home_fresh_ms"], report["home_fresh_floor_ms"], report["home_fresh_cpu_ms"],
     report["home_fresh_floor_cpu_ms"]) = await bench.home_rerun()
    results = []
    for page, query in views(pages, queries):
        started = time.monotonic()
        results.append(await bench.page(page, query))
        r = results[-1]
        print(f"  {page:<13} cold {r.cold_ms:7.0f} ms  first {r.first_ms:6.0f}/{r.floor_first_ms:4.0f}  "
              f"rerun {r.rerun_ms:6.0f}/{r.floor_rerun_ms:4.0f}  ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    (report["home_after_ms"], report["home_after_floor_ms"], report["home_after_cpu_ms"],
     report["home_after_floor_cpu_ms"]) = await bench.home_rerun()
    by_page = {r.page: r for r in results if not r.query}  # a class opens the menu's view
    for page in bench.s.class_pages:
        if page not in by_page:
            continue
        r = by_page[page]
        n = bench.s.sessions
        r.floor_class_p95_s, r.floor_class_cpu_ms, _ = await bench.crowd(
            bench.floor, CHART if page in CHART_PAGES else BARE, "", n)
        r.class_p95_s, r.class_cpu_ms, r.class_mb_session = await bench.crowd(
            bench.app, "" if page == "home" else page, r.query, n)
        print(f"  class of {n} on {page}: p95 {r.class_p95_s:.1f} s, floor {r.floor_class_p95_s:.1f} s", file=sys.stderr)
    return results


def browser_phase(app_url: str, floor_url: str, results: list[PageResult], visits: int) -> None:
    from benchmarks.browser_timing import Chromium
    from benchmarks.replay import record, write_messages

    # Each page's first run, recorded and replayed by a script that does nothing else: what Streamlit alone costs
    # to draw exactly that content, timed in the same rounds as the page and its floor.
    recordings = Path(tempfile.mkdtemp(prefix="bench-replay-"))
    for r in results:
        write_messages(recordings / f"{recording_name(r)}.bin", asyncio.run(record(app_url, r.page, r.query)))
    replay = servers.start("benchmarks/replay_app.py", {"REPLAY_DIR": str(recordings)})
    chromium = Chromium()
    try:
        chromium.time_to_rendered(floor_url + "/")  # the first launch pays for Chromium's own start-up
        for r in results:
            path = "/" if r.page == "home" else f"/{r.page}"
            url = app_url + path + (f"?{r.query}" if r.query else "")
            # Like for like: a page below the root against the floor's page below the root.
            floor = floor_url + ("/chart" if r.floor == "chart" else "/" if r.page == "home" else "/page")
            replayed = replay.url + ("/" if r.page == "home" else f"/{recording_name(r)}") + (
                f"?{r.query}" if r.query else "")
            ours, theirs, alone, shifts, floor_shifts = [], [], [], [], []
            for _ in range(visits):
                for times, moved, address in ((ours, shifts, url), (theirs, floor_shifts, floor),
                                              (alone, [], replayed)):
                    ms, shift = chromium.visit(address)
                    times.append(ms)
                    moved.append(shift)
            r.replay_ratios = [a / t for a, t in zip(alone, theirs)]
            r.own_ratios = [o / a for o, a in zip(ours, alone)]
            r.browser_ms, r.floor_browser_ms = median(ours), median(theirs)
            r.layout_shift, r.floor_layout_shift = median(shifts), median(floor_shifts)
            # The ratio is the median of the pairs', so a slow spell (the machine's other work) that hits one
            # pair hits both its visits and drops out.
            r.browser_ratios = [o / t for o, t in zip(ours, theirs)]
            print(f"  chromium {row_name(r):<13} {r.browser_ms:6.0f} / floor {r.floor_browser_ms:5.0f} ms, "
                  f"{_pairs(r.browser_ratios)}, layout shift {r.layout_shift:.3f} / floor {r.floor_layout_shift:.3f}",
                  file=sys.stderr)
    finally:
        chromium.close()
        replay.stop()
        shutil.rmtree(recordings, ignore_errors=True)


def lighthouse_phase(app_url: str, floor_url: str, results: list[PageResult], report: dict, all_pages: bool) -> None:
    """A Lighthouse failure (it times out on an overloaded machine) is reported, never the end of the run."""
    both = ("performance", "accessibility")
    home = next((r for r in results if r.page == "home"), None)
    try:
        report["lighthouse_floor"] = lighthouse.scores(floor_url + "/", both)
    except Exception as error:  # noqa: BLE001
        report.setdefault("lighthouse_errors", []).append(f"floor: {error}"[:300])
    for r in results:
        if r is not home and not all_pages:
            continue
        url = app_url + ("/" if r.page == "home" else f"/{r.page}") + (f"?{r.query}" if r.query else "")
        try:
            got = lighthouse.scores(url, both if r is home else ("accessibility",))
        except Exception as error:  # noqa: BLE001
            report.setdefault("lighthouse_errors", []).append(f"{r.page}: {error}"[:300])
            print(f"  lighthouse {r.page:<13} failed: {str(error)[:200]}", file=sys.stderr)
            continue
        r.accessibility, r.failed_audits = got["accessibility"], got["failed"]
        if r is home:
            report["lighthouse_home"] = got
        print(f"  lighthouse {r.page:<13} accessibility {r.accessibility} {r.failed_audits or ''}", file=sys.stderr)


def _x(value: float | None, floor: float | None, unit: str = "", digits: int = 0) -> str:
    if value is None:
        return "n/a"
    text = f"{value:.{digits}f}{unit}"
    return f"{text} ({value / floor:.2f}×)" if floor else text


def _pairs(ratios: list[float]) -> str:
    """'1.08× (0.97–1.21)': the median of the per-visit ratios and their spread."""
    return f"{median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})" if ratios else "n/a"


def _browser(r: PageResult) -> str:
    return "n/a" if r.browser_ms is None else f"{r.browser_ms:.0f} {_pairs(r.browser_ratios)}"


def _shift(r: PageResult) -> str:
    return "n/a" if r.layout_shift is None else f"{r.layout_shift:.3f} (floor {r.floor_layout_shift:.3f})"


def table(results: list[PageResult], report: dict, settings: Settings) -> str:
    n = settings.sessions
    lines = [
        "| page | floor | first run ms | rerun p50 ms | server CPU / session ms | CPU / rerun ms | MB / extra session "
        f"| Chromium to rendered ms (median ratio of the pairs, their range) | same content replayed / floor "
        f"| real / replayed | layout shift | class of {n} p95 s | Lighthouse a11y |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        klass = f"{_x(r.class_p95_s, r.floor_class_p95_s, digits=1)}" if r.class_p95_s is not None else ""
        lines.append(
            f"| {row_name(r)} | {r.floor} | {_x(r.first_ms, r.floor_first_ms)} | {_x(r.rerun_ms, r.floor_rerun_ms)} "
            f"| {_x(r.cpu_session_ms, r.floor_cpu_session_ms)} | {_x(r.cpu_rerun_ms, r.floor_cpu_rerun_ms)} "
            f"| {'n/a' if r.mb_session is None else f'{r.mb_session:.1f}'} "
            f"| {_browser(r)} | {_pairs(r.replay_ratios)} | {_pairs(r.own_ratios)} | {_shift(r)} | {klass} "
            f"| {'' if r.accessibility is None else r.accessibility}{' ' + ', '.join(r.failed_audits) if r.failed_audits else ''} |")
    floors: dict[str, list[PageResult]] = {}
    for r in results:
        floors.setdefault(r.floor, []).append(r)
    for kind, rows in floors.items():
        def spread(values: list[float | None]) -> str:
            values = [v for v in values if v is not None]
            return f"{min(values):.0f}–{max(values):.0f}" if values else "n/a"
        lines.append(f"| *floor: {kind}* | | {spread([r.floor_first_ms for r in rows])} "
                     f"| {spread([r.floor_rerun_ms for r in rows])} | {spread([r.floor_cpu_session_ms for r in rows])} "
                     f"| {spread([r.floor_cpu_rerun_ms for r in rows])} | | {spread([r.floor_browser_ms for r in rows])} "
                     f"| | | | | |")
    return "\n".join(lines)


def summary(results: list[PageResult], report: dict, settings: Settings) -> str:
    out = []
    fresh, fresh_floor = report["home_fresh_ms"], report["home_fresh_floor_ms"]
    after, after_floor = report["home_after_ms"], report["home_after_floor_ms"]
    relative = (after / after_floor) / (fresh / fresh_floor)
    out.append(f"- Home rerun p50 of {settings.home_reruns} on the fresh server {fresh:.1f} ms "
               f"(floor {fresh_floor:.0f}); after every page {after:.1f} ms (floor {after_floor:.0f}): "
               f"{after / fresh:.2f}× raw, {relative:.2f}× relative to the floor (target ≤ 1.10).")
    if report.get("home_fresh_cpu_ms") and report.get("home_after_cpu_ms"):
        # CPU seconds are far less disturbed by other processes than wall-clock times.
        cpu, cpu_after = report["home_fresh_cpu_ms"], report["home_after_cpu_ms"]
        floor_cpu, floor_cpu_after = report["home_fresh_floor_cpu_ms"], report["home_after_floor_cpu_ms"]
        out.append(f"- Home server CPU per rerun: fresh {cpu:.1f} ms (floor {floor_cpu:.0f}), after every page "
                   f"{cpu_after:.1f} ms (floor {floor_cpu_after:.0f}): {cpu_after / cpu:.2f}× raw, "
                   f"{(cpu_after / floor_cpu_after) / (cpu / floor_cpu):.2f}× relative to the floor.")
    if any(r.own_ratios for r in results):
        own = [median(r.own_ratios) for r in results if r.own_ratios]
        out.append(f"- Same content replayed: each page's recorded messages sent by a script that does nothing else "
                   f"(benchmarks/replay.py), visited in the same rounds. Real / replayed, the explorer's own share of "
                   f"the time to rendered, is {min(own):.2f}–{max(own):.2f}×; the rest is Streamlit drawing the "
                   f"content.")
    if "lighthouse_home" in report and "lighthouse_floor" in report:
        home, floor = report["lighthouse_home"], report["lighthouse_floor"]
        out.append(f"- Lighthouse mobile performance: home {home['performance']} vs floor {floor['performance']} "
                   f"(home {home['metrics']}, floor {floor['metrics']}); accessibility floor {floor['accessibility']}.")
    noise = [v for v in report.get("floor_rerun_p50s", []) if v]
    if noise:
        out.append(f"- Noise: the bare/chart floor's rerun p50 ranged {min(noise):.0f}–{max(noise):.0f} ms across "
                   f"{len(noise)} pairings in this run (load average {report['load_start']} at the start, "
                   f"{report['load_end']} at the end, {os.cpu_count()} cores).")
    out.append(f"- Benchmark's own cost: load client {report['client_cpu_s']:.1f} s CPU, Chromium/Lighthouse "
               f"{report['children_cpu_s']:.1f} s CPU, wall {report['wall_s']:.0f} s. Elements per run: "
               + ", ".join(f"{row_name(r)} {r.elements}" for r in results) + ".")
    if report.get("phone"):
        out.append("\n**A phone on slow 4G** (Lighthouse mobile, benchmarks/phone.py):\n\n" + phone.table(report["phone"]))
    if report.get("lighthouse_errors"):
        out.append(f"- Lighthouse failed (after a retry) on: {'; '.join(report['lighthouse_errors'])}")
    errors = [row_name(r) for r in results if r.errors]
    if errors:
        out.append(f"- **Exceptions on screen:** {', '.join(errors)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Every explorer page as a ratio to Streamlit's floor.")
    parser.add_argument("--pages", help="comma-separated url paths (default: every page in components/site.py)")
    parser.add_argument("--sessions", type=int, help="class size: sessions opening at once (default 50)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, class of 10, Lighthouse on home only")
    parser.add_argument("--url", help="measure an already running server or load balancer instead of starting one")
    parser.add_argument("--server-pid", type=int, action="append", default=[],
                        help="with --url: pid(s) of the server process(es), for CPU and memory")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium and Lighthouse")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--json", type=Path, help="write every figure as JSON")
    parser.add_argument("--markdown", type=Path, help="write the table and summary as markdown")
    parser.add_argument("--evidence-dir", help="serve another base (e.g. the synthetic 10k one)")
    args = parser.parse_args(argv)

    settings = Settings()
    if args.quick:
        settings = Settings(first_runs=2, reruns=4, home_reruns=4, sessions=10, browser_visits=1)
    if args.sessions:
        settings.sessions = args.sessions
    settings.browser = not args.no_browser
    settings.lighthouse = settings.browser and not args.no_lighthouse and lighthouse.available()
    known = [p.url_path for p in PAGES]
    pages = args.pages.split(",") if args.pages else known
    unknown = set(pages) - set(known)
    if unknown:
        parser.error(f"unknown page(s): {', '.join(sorted(unknown))}; pages are {', '.join(known)}")
    queries = representative_queries()

    started = time.monotonic()
    report: dict = {"load_start": os.getloadavg()[0], "settings": asdict(settings), "pages": pages}
    env = {"EVIDENCE_DIR": args.evidence_dir} if args.evidence_dir else None
    print("starting the servers…", file=sys.stderr)
    app = servers.Server(args.url.rstrip("/"), tuple(args.server_pid)) if args.url else servers.start("app.py", env)
    floor = servers.start("benchmarks/floor_app.py")
    try:
        bench = Bench(app, floor, settings)
        results = asyncio.run(websocket_phase(bench, pages, queries, report))
        report["floor_rerun_p50s"] = bench.floor_reruns
        if settings.browser:
            browser_phase(app.url, floor.url, results, settings.browser_visits)
        if settings.lighthouse:
            lighthouse_phase(app.url, floor.url, results, report, all_pages=not args.quick)
            if not args.quick:  # a phone on slow 4G: the floor, the app and the plain pages (benchmarks/phone.py)
                from evidence import DEFAULT_DIR, load_base
                report["phone"] = phone.measure(app.url, floor.url, load_base(args.evidence_dir or DEFAULT_DIR))
    finally:
        floor.stop()
        if not args.url:
            app.stop()
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    report.update(client_cpu_s=mine.ru_utime + mine.ru_stime, children_cpu_s=children.ru_utime + children.ru_stime,
                  wall_s=time.monotonic() - started, load_end=os.getloadavg()[0],
                  server=args.url or "one local process running app.py as shipped (its own .streamlit/config.toml, "
                  "no extra flags); the floor page at its best (file watcher off)", results=[asdict(r) for r in results])
    text = (f"Server: {report['server']}; class of {settings.sessions}; {settings.first_runs} first runs and "
            f"{settings.reruns} reruns per page, each alternated with its floor page; medians unless p95. "
            f"Ratios (×) are to the floor page measured beside it.\n\n"
            + table(results, report, settings) + "\n\n" + summary(results, report, settings) + "\n")
    print(text)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
    if args.markdown:
        args.markdown.write_text(text)
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
