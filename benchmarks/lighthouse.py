"""Lighthouse (npm, pinned in benchmarks/package.json) with Debian's chromium: category scores, 0-100.

Default settings: mobile form factor, simulated throttling. Loopback only: every other host
name fails to resolve inside the browser.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

BIN = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
# Lighthouse launches Chrome itself (chrome-launcher): --headless=new is the mode it expects.
_FLAGS = " ".join(["--headless=new" if a == "--headless" else a for a in CHROMIUM_ARGS])


def available() -> bool:
    return BIN.is_file()


def scores(url: str, categories: tuple[str, ...], attempts: int = 2) -> dict[str, object]:
    """{category: score 0-100, "failed": [audit ids scoring below 1 in accessibility]}; on a busy machine
    Lighthouse's DevTools calls can time out, so try again once before giving up."""
    for attempt in range(attempts):
        try:
            return _scores(url, categories)
        except (RuntimeError, subprocess.TimeoutExpired, KeyError, ValueError):
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def _scores(url: str, categories: tuple[str, ...]) -> dict[str, object]:
    command = [str(BIN), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(categories)}", f"--chrome-flags={_FLAGS}"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", CHROMIUM)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    result: dict[str, object] = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in categories}
    # Audits that cost points: accessibility's keep their old place ("failed"); the others are named by category.
    for category in categories:
        refs = report["categories"][category]["auditRefs"]
        failed = [r["id"] for r in refs if r["weight"] and report["audits"][r["id"]]["score"] not in (1, None)]
        if category == "accessibility":
            result["failed"] = failed
        elif category != "performance":
            result[f"failed {category}"] = failed
    if "performance" in categories:
        audits = report["audits"]
        result["metrics"] = {k: round(audits[k]["numericValue"]) for k in
                             ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                              "speed-index", "total-byte-weight") if k in audits}
        if "cumulative-layout-shift" in audits:  # a score between 0 and 1, not milliseconds
            result["metrics"]["cumulative-layout-shift"] = round(audits["cumulative-layout-shift"]["numericValue"], 3)
    return result
