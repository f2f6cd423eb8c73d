"""Warm a freshly started server: run app.py once through Streamlit's script health check.

An optional optimisation, nothing depends on it: it loads the evidence base and imports the libraries
before the first visitor arrives, so that visitor does not wait for them (docs/decisions.md, Warm-up).
A deployment's readiness probe on /_stcore/script-health-check has the same effect (deploy/kubernetes/).

Usage: python tools/warm_up.py [http://127.0.0.1:8501] [--timeout 120]
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.error
import urllib.request


def warm_up(base_url: str, timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    for endpoint in ("/_stcore/health", "/_stcore/script-health-check"):
        while True:
            try:
                with urllib.request.urlopen(base_url.rstrip("/") + endpoint, timeout=timeout) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                return False
            time.sleep(0.3)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8501")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    ok = warm_up(args.url, args.timeout)
    print("server warmed up" if ok else f"warm-up failed: {args.url} did not answer", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
