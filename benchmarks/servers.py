"""Start a Streamlit server on a free loopback port and read its CPU time and memory from /proc."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools.warm_up import warm_up

ROOT = Path(__file__).resolve().parents[1]
_TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pids: tuple[int, ...]) -> float | None:
    """User + system CPU of the processes (all their threads), from /proc/<pid>/stat."""
    if not pids:
        return None
    total = 0
    for pid in pids:
        # The command name (field 2) may hold spaces: split after its closing parenthesis.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / _TICK


def rss_mb(pids: tuple[int, ...]) -> float | None:
    if not pids:
        return None
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


@dataclass
class Server:
    """A server to measure: one we started (pids known) or one given by --url (pids optional)."""
    url: str
    pids: tuple[int, ...] = ()
    process: subprocess.Popen | None = None
    log: str = ""
    extra: dict = field(default_factory=dict)

    def cpu(self) -> float | None:
        return cpu_seconds(self.pids)

    def rss(self) -> float | None:
        return rss_mb(self.pids)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


# The app runs as shipped: only where to listen is given, every other setting comes from the project's own
# .streamlit/config.toml, as a plain `streamlit run app.py` reads it. Every other script (the floor page,
# replays) runs at its best, so a ratio shows what our settings and code add.
AS_SHIPPED = {"app.py"}
AT_BEST = ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", "--server.runOnSave", "false"]


def start(script: str, env: dict[str, str] | None = None, timeout: float = 120.0) -> Server:
    """`streamlit run <script>` with the interpreter running this benchmark, warmed up like a deployment."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port),
               *([] if script in AS_SHIPPED else AT_BEST)]
    log = tempfile.NamedTemporaryFile("w+", prefix="bench-server-", suffix=".log", delete=False)
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"})
    server = Server(f"http://127.0.0.1:{port}", (process.pid,), process, log.name)
    deadline = time.monotonic() + timeout
    if not warm_up(server.url, timeout) or process.poll() is not None or time.monotonic() > deadline:
        server.stop()
        raise RuntimeError(f"{script} did not start at {server.url}:\n{Path(log.name).read_text()}")
    return server
