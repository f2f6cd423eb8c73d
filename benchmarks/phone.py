"""A phone on a slow connection: Lighthouse's mobile run (simulated slow 4G, the run people quote) on Streamlit's
floor page, the app's home and a take-home's deep link, and a sample of the plain pages (evidence/site/), all served
by the same kind of server in the same run. `python -m benchmarks.phone`; `make bench-load` runs it too.

Targets for the plain pages (#24): performance ≥ 95, accessibility, best practices and SEO 100, largest paint under
1.5 s, under 60 KB.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks import lighthouse, servers
from evidence.site import addresses

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def views(evidence) -> list[tuple[str, str, str]]:
    """(row name, which server, path and query): the floor, two explorer views, and the plain pages that stand
    for the same content and for the other kinds."""
    claim = next(iter(sorted(evidence.take_homes)))
    study = next(iter(sorted(evidence.studies)))
    plain = "/" + addresses.SERVED_AT
    return [
        ("Streamlit's own minimal page (the floor)", "floor", "/"),
        ("our home page", "app", "/"),
        ("one take-home (deep link)", "app", f"/take-homes?claim={claim}"),
        ("plain: home", "app", plain + addresses.HOME),
        ("plain: the same take-home", "app", plain + addresses.take_home(claim)),
        ("plain: when to get help", "app", plain + addresses.GET_HELP),
        ("plain: glossary (largest)", "app", plain + addresses.GLOSSARY),
        ("plain: one study", "app", plain + addresses.study(study)),
        ("plain: one situation", "app", plain + addresses.situation(addresses.situations_worth_a_page()[0])),
    ]


def measure(app_url: str, floor_url: str, evidence) -> list[dict]:
    rows = []
    for name, server, path in views(evidence):
        url = (floor_url if server == "floor" else app_url) + path
        try:
            got = lighthouse.scores(url, CATEGORIES)
        except Exception as error:  # noqa: BLE001 - a timeout on a busy machine is reported, not fatal
            rows.append({"name": name, "path": path, "error": str(error)[:200]})
            print(f"  phone {name}: failed {str(error)[:200]}", file=sys.stderr)
            continue
        rows.append({"name": name, "path": path, **got})
        print(f"  phone {name}: {got}", file=sys.stderr)
    return rows


def _bytes(size: float) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1000:.0f} KB"


def table(rows: list[dict]) -> str:
    out = ["| page | performance | first text on screen | largest paint | bytes | accessibility | best practices "
           "| SEO |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "error" in r:
            out.append(f"| {r['name']} | failed: {r['error'][:80]} | | | | | | |")
            continue
        m = r["metrics"]
        out.append(f"| {r['name']} | {r['performance']} | {m['first-contentful-paint'] / 1000:.1f} s | "
                   f"{m['largest-contentful-paint'] / 1000:.1f} s | {_bytes(m.get('total-byte-weight', 0))} | "
                   f"{r['accessibility']} | {r['best-practices']} | {r['seo']} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="measure an app already running (e.g. `make serve-scaled`'s proxy) instead of "
                        "starting one; the floor is started here all the same")
    args = parser.parse_args(argv)
    from evidence import DEFAULT_DIR, load_base
    if not lighthouse.available():
        print("Lighthouse is not installed: npm ci --prefix benchmarks", file=sys.stderr)
        return 2
    app = servers.Server(args.url.rstrip("/"), ()) if args.url else servers.start("app.py")
    floor = servers.start("benchmarks/floor_app.py")
    try:
        print(table(measure(app.url, floor.url, load_base(DEFAULT_DIR))))
    finally:
        floor.stop()
        if not args.url:
            app.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
