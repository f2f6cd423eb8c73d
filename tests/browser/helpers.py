"""Helpers for the browser tests: waiting for Streamlit, axe, scroll checks, artifacts."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[2]
SCALED_SCRIPT = ROOT / "tools" / "serve-scaled.sh"
ARTIFACTS = ROOT / "artifacts"
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PHONE_OPTIONS = {"viewport": PHONE, "is_mobile": True, "has_touch": True}


# Counts what Streamlit's websocket sends and receives, for `rerun`: a run so quick that its "running" and
# "finished" messages reach the page in one React render never shows on the root's data-test-script-state,
# but the request the interaction sent, and a message after it, always show here.
_COUNT_WEBSOCKET_JS = """
(() => {
  const Native = window.WebSocket;
  window.__wsSent = 0;
  window.__wsReceivedSinceSend = 0;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { window.__wsReceivedSinceSend += 1; });
    }
    send(data) {
      window.__wsSent += 1;
      window.__wsReceivedSinceSend = 0;
      return super.send(data);
    }
  };
})();
"""


def new_context(browser, base_url: str, viewport: dict[str, int] = DESKTOP, **options):
    """A brand-new browser context (a fresh profile: no cookies, storage or Streamlit session)."""
    context = browser.new_context(base_url=base_url, viewport=viewport, locale="en-GB", reduced_motion="reduce",
                                  service_workers="block", **options)
    context.set_default_timeout(15_000)
    context.add_init_script(_COUNT_WEBSOCKET_JS)
    return context


# Streamlit (1.67) marks its root element <div data-testid="stApp"> with
#   data-test-script-state: "initial" (no run yet) | "running" | "rerunRequested" | "stopRequested"
#                           | "notRunning" (the script run has finished) | "compilationError"
#   data-test-connection-state: "CONNECTED" once the websocket session is up.
# "Idle" = connected and notRunning, and still so after SETTLE_MS (a run can trigger another, e.g.
# when widgets bound to the URL sync on first render).
SETTLE_MS = 250
_IDLE_JS = """
(settleMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const idle = !!app
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED';
  const now = performance.now();
  if (!idle) { window.__stIdleSince = undefined; return false; }
  if (window.__stIdleSince === undefined) window.__stIdleSince = now;
  return now - window.__stIdleSince >= settleMs;
}
"""
# Records that a script run started (for waiting on a rerun caused by an interaction).
_WATCH_RUNS_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__stRunSeen = false;
  window.__stIdleSince = undefined;
  if (window.__stRunObserver) window.__stRunObserver.disconnect();
  // Records are queued even when a fast run is over before the callback: look at old values too.
  window.__stRunObserver = new MutationObserver((records) => {
    if (app.getAttribute('data-test-script-state') !== 'notRunning'
        || records.some((r) => r.oldValue !== 'notRunning')) window.__stRunSeen = true;
  });
  window.__stRunObserver.observe(app, {attributes: true, attributeOldValue: true,
                                       attributeFilter: ['data-test-script-state']});
}
"""

# (path, seconds) of every open_view, written to artifacts/browser-timings.txt at the end of the run.
LOAD_TIMES: list[tuple[str, float]] = []


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the Streamlit script has finished running and the page has settled."""
    page.wait_for_function(_IDLE_JS, arg=SETTLE_MS, polling=50, timeout=timeout)


def open_view(page, path_and_query: str, timeout: float = 60_000):
    """Navigate to a path on the test server (e.g. "/findings?topic=pain") and wait until the
    Streamlit script has finished. Returns the page."""
    started = time.monotonic()
    page.goto(path_and_query, wait_until="domcontentloaded", timeout=timeout)
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=timeout)
    wait_idle(page, timeout)
    # Fonts (the icon font, italics) load after the text that uses them and reflow it: a click aimed before
    # they arrive can land beside its target, and the interaction never reaches Streamlit.
    page.evaluate("document.fonts.ready.then(() => true)")
    LOAD_TIMES.append((path_and_query, time.monotonic() - started))
    return page


@contextmanager
def rerun(page, timeout: float = 60_000, start_timeout: float = 15_000) -> Iterator[None]:
    """`with rerun(page): <interact>` waits for the script run the interaction causes to finish."""
    page.evaluate(_WATCH_RUNS_JS)
    sent = page.evaluate("() => window.__wsSent")
    yield
    try:
        page.wait_for_function("""(sent) => window.__stRunSeen === true
            || (window.__wsSent > sent && window.__wsReceivedSinceSend > 0)""", arg=sent, polling=20,
                               timeout=start_timeout)
    except Exception as error:  # playwright TimeoutError
        raise AssertionError(f"the interaction did not make Streamlit rerun within {start_timeout / 1000:.0f}s") from error
    wait_idle(page, timeout)


SCHEMES = ("light", "dark")
_IN_SCHEME_JS = """
(scheme) => getComputedStyle(document.querySelector('.stApp')).colorScheme === scheme
  && document.documentElement.style.colorScheme === scheme
"""


def in_scheme(page, scheme: str) -> None:
    """Set the system's colour scheme (light or dark) on an open page and wait until Streamlit's theme has followed
    it (its .stApp's color-scheme) and the site script has passed it to the document (components/theme.py)."""
    page.emulate_media(color_scheme=scheme)
    try:
        page.wait_for_function(_IN_SCHEME_JS, arg=scheme, polling=50, timeout=15_000)
    except Exception as error:  # playwright TimeoutError
        found = page.evaluate("() => [getComputedStyle(document.querySelector('.stApp')).colorScheme,"
                              " document.documentElement.style.colorScheme]")
        raise AssertionError(f"asked for {scheme}: Streamlit's .stApp has color-scheme {found[0]!r}, the document "
                             f"{found[1]!r} (components/theme.py SITE_JS passes the first to the second)") from error
    page.wait_for_timeout(400)  # transitions of colours Streamlit animates


# Streamlit scrolls the page inside its own box, and axe judges the contrast of text on screen only: the first
# screen of a page. A viewport as tall as the page puts every line on screen (no rerun: the server never knows).
_PAGE_HEIGHT_JS = """
() => Math.max(...['stMain', 'stAppViewContainer', 'stMainBlockContainer', 'stSidebarContent']
  .map((id) => document.querySelector(`[data-testid="${id}"]`)?.scrollHeight || 0))
"""
TALLEST_VIEWPORT = 16_000  # pixels; Chromium lays out far taller, this keeps a screenshot of it reasonable


@contextmanager
def whole_page_on_screen(page) -> Iterator[None]:
    """Within the block the viewport is as tall as the page (up to TALLEST_VIEWPORT), so axe checks every line."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": viewport["width"],
                            "height": min(TALLEST_VIEWPORT, max(viewport["height"], page.evaluate(_PAGE_HEIGHT_JS)))})
    page.wait_for_timeout(200)  # layout; Streamlit draws nothing new for a taller window
    try:
        yield
    finally:
        page.set_viewport_size(viewport)


def exceptions(page) -> list[str]:
    """Texts of the Streamlit exception boxes on the page (st.exception / uncaught errors)."""
    return page.locator('[data-testid="stException"]').all_inner_texts()


def assert_no_exception(page, where: str = "") -> None:
    found = exceptions(page)
    assert not found, f"{where or page.url} shows {len(found)} exception(s):\n" + "\n---\n".join(found)


def page_path(spec) -> str:
    """The URL path of a PageSpec. Streamlit serves the default page at "/" only: "/home" would
    show "Page not found" and fall back to "/"."""
    return "/" if spec.default else f"/{spec.url_path}"


def assert_served(page, spec) -> None:
    """The page was found (Streamlit shows a "Page not found" dialog and runs the main page otherwise)."""
    dialogs = page.get_by_role("dialog").filter(has_text="Page not found")
    assert dialogs.count() == 0, f"{page_path(spec)} is not a page: Streamlit says {dialogs.first.inner_text()!r}"


def artifact(*parts: str) -> Path:
    path = ARTIFACTS.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def screenshot(page, name: str) -> Path:
    path = artifact("screenshots", f"{name}.png")
    page.screenshot(path=str(path), animations="disabled")
    return path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe(page, name: str | None = None) -> list[dict[str, Any]]:
    """Run axe-core on the page (WCAG 2.2 AA rules); returns axe's violations. With `name`, also
    writes a summary to artifacts/axe/<name>.json."""
    if not AXE_JS.is_file():
        raise RuntimeError(f"{AXE_JS} is missing: run `npm ci --prefix tests/browser` (make test does)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        AXE_TAGS,
    )
    if name:
        summary = {
            "url": page.url,
            "axe_version": page.evaluate("() => axe.version"),
            "tags": AXE_TAGS,
            "violations": [
                {
                    "id": v["id"],
                    "impact": v.get("impact"),
                    "help": v.get("help"),
                    "helpUrl": v.get("helpUrl"),
                    "nodes": [
                        {"target": n.get("target"), "html": (n.get("html") or "")[:300],
                         "failureSummary": n.get("failureSummary")}
                        for n in v.get("nodes", [])
                    ],
                }
                for v in violations
            ],
        }
        artifact("axe", f"{name}.json").write_text(json.dumps(summary, indent=2) + "\n")
    return violations


def main_axe_blocking(page) -> list[dict[str, Any]]:
    """axe's serious and critical findings in the page's own content (the main area; the shared sidebar is
    test_pages'), measured once the page has settled."""
    wait_idle(page)
    # Elements of a run still in progress are drawn faded (data-stale); measure contrast on the settled page.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=15_000)
    page.wait_for_timeout(400)  # Streamlit's fade-in transition
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "(tags) => axe.run(document.querySelector('[data-testid=\"stMain\"]'),"
        " {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", AXE_TAGS)
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v.get('help')} [{v.get('helpUrl')}]")
        for node in v.get("nodes", [])[:8]:
            lines.append(f"    at {' > '.join(map(str, node.get('target', [])))}")
        if len(v.get("nodes", [])) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


_OVERFLOW_JS = """
() => {
  const boxes = [['document.documentElement', document.documentElement], ['body', document.body]];
  for (const id of ['stAppViewContainer', 'stMain', 'stMainBlockContainer']) {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (el) boxes.push([`[data-testid="${id}"]`, el]);
  }
  const overflowing = boxes
    .filter(([, el]) => el.scrollWidth > el.clientWidth + 1)
    .map(([name, el]) => ({name, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth}));
  const width = document.documentElement.clientWidth;
  const culprits = [];
  if (overflowing.length) {
    for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) {
        const id = el.getAttribute('data-testid');
        culprits.push(`${el.tagName.toLowerCase()}${id ? `[data-testid="${id}"]` : ''}`
                      + `${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''}`
                      + ` right=${Math.round(r.right)}`);
        if (culprits.length >= 8) break;
      }
    }
  }
  return {checked: boxes.map(([name]) => name), overflowing, culprits, width};
}
"""


def horizontal_overflow(page) -> dict[str, Any]:
    """Which of the page's scroll containers can scroll sideways (and the widest elements if any)."""
    return page.evaluate(_OVERFLOW_JS)


COUNT_RE = re.compile(r"(\d[\d,]*) of (\d[\d,]*) findings? match")


def findings_count(page) -> tuple[int, int]:
    """(N, M) from the findings page's "N of M findings match"."""
    text = page.get_by_text(COUNT_RE).first.inner_text(timeout=10_000)
    match = COUNT_RE.search(text)
    assert match, f"no 'N of M findings match' in {text!r}"
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


# ---- N replicas behind HAProxy, as `make serve-scaled` starts them --------------------------------------------

def free_block(size: int) -> int:
    """A port P with P..P+size-1 all free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + size >= 65535:
            continue
        sockets = []
        try:
            for port in range(first, first + size):
                s = socket.socket()
                s.bind(("127.0.0.1", port))
                sockets.append(s)
            return first
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no block of free ports")


@contextmanager
def serve_scaled(replicas: int, warm_up: bool = False) -> Iterator[tuple[str, Path]]:
    """tools/serve-scaled.sh on a free block of ports: yields (proxy URL, run folder with the pid files), and
    stops everything it started, replicas a test killed included."""
    port = free_block(replicas + 1)
    run_dir = Path(tempfile.mkdtemp(prefix="serve-scaled-"))
    env = {**os.environ, "RUN_DIR": str(run_dir), "PY": sys.executable, "WARM_UP": "1" if warm_up else "0"}
    started = subprocess.run([str(SCALED_SCRIPT), "start", str(replicas), str(port)], env=env, capture_output=True,
                             text=True, timeout=300)
    try:
        logs = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')}" for p in sorted(run_dir.glob("*.log")))
        assert started.returncode == 0, f"serve-scaled failed:\n{started.stdout}{started.stderr}\n{logs}"
        assert f"http://127.0.0.1:{port}/" in started.stdout, started.stdout
        assert len(list(run_dir.glob("replica-*.pid"))) == replicas and (run_dir / "haproxy.pid").exists()
        yield f"http://127.0.0.1:{port}", run_dir
    finally:
        stopped = subprocess.run([str(SCALED_SCRIPT), "stop"], env=env, capture_output=True, text=True, timeout=60)
        assert stopped.returncode == 0, stopped.stderr
        assert not list(run_dir.glob("*.pid"))
