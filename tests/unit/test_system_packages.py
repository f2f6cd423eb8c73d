"""tools/system-packages.sh, run against fake dpkg-query/apt-get/id/sudo so nothing is installed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "system-packages.sh"


def _fake(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


@pytest.fixture
def fake_system(tmp_path):
    """A PATH whose dpkg-query reports the packages listed in $INSTALLED as installed, whose apt-get
    and sudo only log their arguments, and whose id says $FAKE_UID. What apt-get "installs" then counts as installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    state = tmp_path / "installed-by-apt"
    _fake(bin_dir, "dpkg-query", f'for last; do :; done\nall=" $INSTALLED $(cat {state} 2>/dev/null) "\n'
                                 'case "$all" in *" $last "*) printf installed;; *) printf not-installed;; esac')
    _fake(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}; [ "$1" = install ] && echo "$*" >> {state}; exit 0')
    _fake(bin_dir, "id", 'echo "${FAKE_UID:-0}"')

    def run(mode: str, installed: str = "", uid: int = 0, sudo: bool = False) -> subprocess.CompletedProcess:
        if sudo:
            _fake(bin_dir, "sudo", f'echo "sudo $*" >> {log}; [ "$1" = "-n" ] && exit 0; exec "$@"')
        env = {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin", "INSTALLED": installed, "FAKE_UID": str(uid)}
        env.pop("SYSTEM_PACKAGES", None)
        result = subprocess.run(["bash", str(SCRIPT), mode], env=env, capture_output=True, text=True,
                                stdin=subprocess.DEVNULL)
        result.calls = log.read_text().splitlines() if log.exists() else []
        return result

    return run


def _packages(mode: str) -> list[str]:
    return subprocess.run(["bash", str(SCRIPT), f"list-{mode}"], capture_output=True, text=True,
                          check=True).stdout.split()


def test_package_lists():
    assert {"chromium", "fonts-dejavu-core"} <= set(_packages("run"))
    assert set(_packages("run")) < set(_packages("test"))
    assert {"libzbar0", "haproxy"} <= set(_packages("test"))


def test_nothing_is_installed_when_everything_is_present(fake_system):
    result = fake_system("test", installed=" ".join(_packages("test")))
    assert result.returncode == 0, result.stderr
    assert result.calls == [] and result.stdout == ""


def test_root_installs_only_the_missing_packages(fake_system):
    present = [p for p in _packages("test") if p not in ("haproxy", "libzbar0")]
    result = fake_system("test", installed=" ".join(present))
    assert result.returncode == 0, result.stderr
    assert result.calls[0] == "apt-get update -q"
    assert result.calls[1].startswith("apt-get install -y -q --no-install-recommends")
    assert result.calls[1].split()[5:] == ["libzbar0", "haproxy"]


def test_a_user_with_sudo_installs_through_sudo(fake_system):
    result = fake_system("run", installed="python3 python3-venv fonts-dejavu-core", uid=1000, sudo=True)
    assert any(c.startswith("sudo apt-get install") and c.endswith(" chromium") for c in result.calls), result.calls


def test_a_user_without_sudo_gets_a_clear_message(fake_system):
    result = fake_system("run", installed="python3 python3-venv fonts-dejavu-core", uid=1000)
    assert result.returncode == 1
    assert "missing Debian packages: chromium" in result.stderr
    assert "apt-get install --no-install-recommends chromium" in result.stderr
    assert result.calls == []


def test_skip_and_bad_usage():
    env = {**os.environ, "SYSTEM_PACKAGES": "skip"}
    assert subprocess.run(["bash", str(SCRIPT), "test"], env=env).returncode == 0
    assert subprocess.run(["bash", str(SCRIPT)], capture_output=True).returncode == 2
