"""Cold start at scale: validate + index a synthetic base in a fresh process, without and with the
on-disk base cache (evidence/base_cache.py).

    python -m benchmarks.cold_start [--studies 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_base

ROOT = Path(__file__).resolve().parents[1]
# What the server does on its first run: load the base as components/base_loader.py does, then index it.
_ONE_START = """
import sys, time
from evidence.base_cache import build_cached, load_cached
from evidence.load import load_base
from evidence.findings import FindingsIndex
started = time.perf_counter()
base = load_cached(sys.argv[1]) if sys.argv[2] == "cache" else load_base(sys.argv[1])
loaded = time.perf_counter()
build = lambda: FindingsIndex.build(base)
build_cached(sys.argv[1], "index", build, FindingsIndex) if sys.argv[2] == "cache" else build()
print(f"{loaded - started:.3f} {time.perf_counter() - loaded:.3f}")
"""


def one_start(directory: Path, cache: Path | None) -> tuple[float, float]:
    """(load seconds, index seconds) in a new process, imports excluded; cache None: plain load_base."""
    done = subprocess.run([sys.executable, "-c", _ONE_START, str(directory), "cache" if cache else "plain"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "EVIDENCE_CACHE_DIR": str(cache or "")}, check=True)
    load, index = done.stdout.split()
    return float(load), float(index)


def cold_starts(n_studies: int = 10_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        directory = write_base(Path(tmp) / "base", n_studies)
        cache = Path(tmp) / "cache"
        plain = one_start(directory, None)
        miss = one_start(directory, cache)
        hit = one_start(directory, cache)
    return {"studies": n_studies, "plain": plain, "miss": miss, "hit": hit}


def describe(r: dict) -> str:
    def total(pair: tuple[float, float]) -> str:
        return f"{sum(pair):.2f} s ({pair[0]:.2f} load + {pair[1]:.2f} index)"
    return (f"cold start at {r['studies']} studies, validate + index in a fresh process: without the base cache "
            f"{total(r['plain'])}; first start with it {total(r['miss'])}; later starts {total(r['hit'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=10_000)
    args = parser.parse_args()
    started = time.monotonic()
    print(describe(cold_starts(args.studies)) + f" (measured in {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
