"""Where each plain page lives (a path under the plain site's root), and the explorer view it stands for.

One owner for the pairing, both ways: the site links each plain page to its view ("explore this"), and the app's
share panel offers the plain page of the view on screen (components/share.py).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Mapping
from urllib.parse import parse_qsl, urlsplit

from evidence.links import Page
from evidence.situation import KEYS, QUESTIONS, Situation

# The plain site inside the app's folder: Streamlit serves `static/` at /app/static/ (server.enableStaticServing).
STATIC_FOLDER = "static/plain"
SERVED_COPY = Path(__file__).resolve().parents[2] / STATIC_FOLDER  # kept current (tests/unit/test_plain_pages.py)
SERVED_AT = "app/static/plain/"
# The app's public address, for canonical links, link previews and the sitemap (they must be absolute).
PUBLIC_URL_ENV = "EXPLORER_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://localhost:8501/"

HOME = "index.html"
GET_HELP = "get-help.html"
GLOSSARY = "glossary.html"
SITUATION = "my-situation/index.html"
STUDIES = "study/index.html"


def public_url(given: str | None = None) -> str:
    """The app's public address, ending in '/': `given`, else $EXPLORER_PUBLIC_URL, else http://localhost:8501/."""
    url = given or os.environ.get(PUBLIC_URL_ENV) or DEFAULT_PUBLIC_URL
    return url if url.endswith("/") else url + "/"


def take_home(claim_id: str) -> str:
    return f"take-homes/{claim_id}.html"


def study(study_id: str) -> str:
    return f"study/{study_id}.html"


def situation(answers: Situation) -> str:
    """A complete set of answers with no warning sign: 'my-situation/long-lasting-runs-over-45.html'."""
    return f"my-situation/{answers.pain}-{answers.running}-{answers.age}.html"


def situations_worth_a_page() -> list[Situation]:
    """Every complete answer with no warning sign (with a sign, the guide sends the reader to get help)."""
    pains, runs, ages = (list(q.options) for q in QUESTIONS[1:])
    return [Situation("no", p, r, a) for p in pains for r in runs for a in ages]


def plain_page(page: str, params: Mapping[str, str]) -> str | None:
    """The plain page that shows the explorer view `page` with `params`, or None if it has none."""
    if page in (Page.HOME, ""):
        return HOME
    if page == Page.GET_HELP:
        return GET_HELP
    if page == Page.GLOSSARY:
        return GLOSSARY + (f"#{params['term']}" if params.get("term") else "")
    if page == Page.TAKE_HOMES and params.get("claim"):
        return take_home(params["claim"])
    if page == Page.STUDY:
        return study(params["study"]) if params.get("study") else STUDIES
    if page == Page.MY_SITUATION:
        answers = Situation(**{k: params.get(k) for k in KEYS})
        if answers.needs_help:
            return GET_HELP
        return situation(answers) if answers.complete else SITUATION
    return None


def view_of(href: str) -> str | None:
    """The plain page for a relative app link ('study?study=x', 'glossary?term=y'), or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None
    return plain_page(parts.path, dict(parse_qsl(parts.query)))


def to_app(from_page: str, href: str) -> str:
    """An explorer view ('take-homes?claim=x') as seen from the plain page `from_page`: relative, up through
    SERVED_AT to the app's root, so it works on any host, port and base path that serves both."""
    return "../" * (SERVED_AT.count("/") + from_page.count("/")) + href


def relative(from_page: str, to: str) -> str:
    """`to` (a path under the site's root, maybe with '#anchor') as seen from `from_page`."""
    path, _, anchor = to.partition("#")
    found = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return found + (f"#{anchor}" if anchor else "")
