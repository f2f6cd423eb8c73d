"""A throwaway PostgreSQL server for the tests: the reports store runs the same tests on it as on SQLite.

REPORTS_TEST_POSTGRES_URL names a server someone else runs (e.g. inside Debian's `pg_virtualenv`); without it the
tests start their own cluster: `initdb` and `pg_ctl` from Debian's postgresql package (tools/system-packages.sh
installs it for `make test`) on a temporary folder and a free port, trust authentication on 127.0.0.1 only, no
fsync. As root (CI), the server runs as the user `nobody`, since PostgreSQL refuses to run as root. The fault
tests always use their own cluster: they stop and start it.

Never skipped: without PostgreSQL installed the tests that need it fail, saying what to install.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

URL_ENV = "REPORTS_TEST_POSTGRES_URL"


def _bindir() -> Path:
    """The folder of initdb and pg_ctl: $PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin (Debian keeps
    them off PATH), else PATH."""
    if given := os.environ.get("PG_BINDIR"):
        return Path(given)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.parent.name)])
    if versions:
        return versions[-1].parent
    if found := shutil.which("initdb"):
        return Path(found).parent
    raise RuntimeError("PostgreSQL's initdb was not found: install Debian's postgresql package "
                       "(tools/system-packages.sh test does), set PG_BINDIR, or set "
                       f"{URL_ENV} to a server the tests may use")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL server of our own, in a temporary folder; `stop()` and `start()` it to test faults."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="reports-postgres-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            user = pwd.getpwnam("nobody")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "nobody", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        self.start()

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run([*self._as, str(self.bindir / program), *args], cwd=self.root, capture_output=True,
                                text=True, timeout=120, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{program} {' '.join(args)} failed ({result.returncode}):\n{result.stdout}"
                               f"{result.stderr}\n--- server log ---\n{log}")

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        """A fast shutdown, as an operator's restart does: open connections are cut, the server is gone."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def running(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def destroy(self) -> None:
        if self.running():
            try:
                self.stop()
            except RuntimeError:
                time.sleep(1)
        shutil.rmtree(self.root, ignore_errors=True)


def postgres_url_from_env() -> str | None:
    return os.environ.get(URL_ENV) or None
