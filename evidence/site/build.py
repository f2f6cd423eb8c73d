"""`python -m evidence site`: every plain page, the sitemap and the icon, written to a folder; or, with --check,
what in a folder differs from a fresh build (the copy in static/plain/ is kept current by a test and by
`python -m evidence release`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.sax.saxutils import escape

from evidence.load import EvidenceBase
from evidence.site import addresses
from evidence.site.layout import ASSETS, html
from evidence.site.pages import every_page

ICON = "favicon.png"
SITEMAP = "sitemap.xml"
# For the host's root (/robots.txt): Streamlit answers that address with its own page, so the proxy serves this
# file there (deploy/haproxy.cfg.in; docs/deploy.md, Plain pages).
ROBOTS = "robots.txt"


def files(evidence: EvidenceBase, app: str) -> dict[str, bytes]:
    """Every file of the plain site, by its path under the site's root."""
    pages = list(every_page(evidence))
    out = {page.path: html(page, evidence, app).encode("utf-8") for page in pages}
    day = f"{evidence.meta.last_reviewed:%Y-%m-%d}" if evidence.meta else None
    entries = "".join(f"<url><loc>{escape(app + addresses.SERVED_AT + p.path)}</loc>"
                      + (f"<lastmod>{day}</lastmod>" if day else "") + "</url>\n" for p in pages)
    out[SITEMAP] = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
                    f'sitemap/0.9">\n{entries}</urlset>\n').encode("utf-8")
    out[ROBOTS] = f"User-agent: *\nAllow: /\nSitemap: {app}{addresses.SERVED_AT}{SITEMAP}\n".encode("utf-8")
    out[ICON] = (ASSETS / ICON).read_bytes()
    return out


def write(evidence: EvidenceBase, folder: Path, app: str) -> int:
    """Replace `folder` with a fresh build; the number of files written."""
    built = files(evidence, app)
    if folder.exists():
        shutil.rmtree(folder)
    for path, data in built.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return len(built)


def differences(evidence: EvidenceBase, folder: Path, app: str) -> list[str]:
    """What in `folder` is missing, stale or left over, compared with a fresh build ([] when current)."""
    built = files(evidence, app)
    there = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()
    return ([f"missing: {p}" for p in sorted(set(built) - there)]
            + [f"out of date: {p}" for p in sorted(set(built) & there) if (folder / p).read_bytes() != built[p]]
            + [f"not in the build: {p}" for p in sorted(there - set(built))])
