"""Warm a freshly started server: run app.py once through Streamlit's script health check.

Why: with a top-level pages/ folder, Streamlit starts in legacy folder mode until app.py has
called st.navigation once, so the very first visitor to a deep link (/prevalence?...) would see
a "Page not found" dialog. Running the script once switches modes, and loads and validates the
evidence base into the cache, so no visitor pays for either. Deployments should point their
health check at /_stcore/script-health-check for the same effect.

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
