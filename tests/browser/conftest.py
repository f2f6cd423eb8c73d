"""Browser tests: a real `streamlit run app.py` server and Debian's headless Chromium.

- `server_url` (session): one plain `streamlit run app.py` on a free 127.0.0.1 port for the whole
  run, never warmed up (`streamlit_server()` starts more, e.g. for the cold-start tests).
- `browser` (session): Chromium from /usr/bin/chromium (override with $CHROMIUM); playwright
  never downloads a browser here. If it is missing, every browser test ERRORS (never skips).
- `new_page` (function): a factory of fresh pages, each in its own new BrowserContext, i.e. a
  fresh browser profile: no cookies, no storage, no Streamlit session. `page` is one of those at
  the desktop size.

Helpers for tests (open_view, axe, ...) are in helpers.py.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from .helpers import ARTIFACTS, DESKTOP, LOAD_TIMES, ROOT, new_context

expect.set_options(timeout=10_000)  # pages are idle when checked, but CI's 2 cores can be busy

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
    # Only 127.0.0.1 is ever reached: every other host name fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SERVER_START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: str

    def output(self) -> str:
        return Path(self.log).read_text(errors="replace")

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            pytest.fail(f"the streamlit server at {self.url} has exited (code {self.process.returncode}); "
                        f"a negative code is the signal that ended it.\n--- server output ---\n{self.output()}",
                        pytrace=False)


def wait_healthy(url: str, process: subprocess.Popen | None, output: Callable[[], str], what: str,
                 timeout: float = SERVER_START_TIMEOUT) -> None:
    """Poll `url` until it answers 200; fail with the server's output if it exits or times out."""
    deadline = time.monotonic() + timeout
    while not _healthy(url):
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what} exited with code {process.returncode} before it was healthy.\n"
                        f"--- output ---\n{output()}", pytrace=False)
        if time.monotonic() > deadline:
            pytest.fail(f"{what} was not healthy at {url} after {timeout:.0f}s.\n--- output ---\n{output()}",
                        pytrace=False)
        time.sleep(0.1)


@contextmanager
def streamlit_server(keep_log_as: str | None = None, extra_env: dict[str, str] | None = None) -> Iterator[Server]:
    """A plain `streamlit run app.py` on a free port, healthy (the HTTP server answers) but with no
    script run yet: no warm-up, so the first page a test opens is what a first visitor gets.
    `extra_env` e.g. points it at another base (EVIDENCE_DIR)."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    log = tempfile.NamedTemporaryFile("w+", prefix="streamlit-server-", suffix=".log", delete=False)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, env=env)
    server = Server(f"http://127.0.0.1:{port}", process, log.name)
    try:
        wait_healthy(f"{server.url}/_stcore/health", process, server.output, f"`{' '.join(command)}`")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if keep_log_as:  # tracebacks of failing pages land here, for whoever reads the artifacts
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(log.name, ARTIFACTS / keep_log_as)
        log.close()
        os.unlink(log.name)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """One server for the whole run. Not warmed up: the first test to open a page loads the base
    (tests/browser/test_cold_start.py checks that a cold server serves deep links correctly)."""
    with streamlit_server(keep_log_as="streamlit-server.log") as server:
        yield server
    # How long each page took to load and finish its script run.
    (ARTIFACTS / "browser-timings.txt").write_text(
        "".join(f"{seconds:6.2f}s  {path}\n" for path, seconds in sorted(LOAD_TIMES, key=lambda t: -t[1])))


@pytest.fixture(scope="session")
def server_url(server: Server) -> str:
    return server.url


@pytest.fixture(autouse=True)
def _server_still_running(request):
    """A browser test whose server has died says so (with the server's output), not just
    "connection refused"."""
    if "server" in request.fixturenames:
        request.getfixturevalue("server").check_alive()


@pytest.fixture(scope="session")
def browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests need Debian's chromium: "
            "`sudo apt-get install chromium` (or set $CHROMIUM to a Chromium binary). "
            "They are never skipped.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser, server_url) -> Iterator[Callable[..., Page]]:
    """new_page(viewport=..., **context_options) -> a page in a brand-new browser context."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP, **options):
        context = new_context(browser, server_url, viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.page_errors = []  # uncaught JavaScript errors, for messages
        page.on("pageerror", lambda error: page.page_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
