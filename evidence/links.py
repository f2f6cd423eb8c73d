"""The one link builder: every link the app draws or gives out is made here.

Conventions (decided once): values are stable slugs, never display labels; a list becomes
repeated keys (?topic=pain&topic=disability); empty values are dropped. Built with
`urlencode(doseq)`, so `urllib.parse.parse_qs` (and Streamlit) read back exactly the
parameters that were on screen.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Mapping, Sequence
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

# Where the app runs when no browser told us its address (AppTest, scripts).
DEFAULT_ORIGIN = "http://localhost:8501"



class Page(StrEnum):
    """Every page's URL path. A link names its page by one of these, never by a string of its own
    (tests/unit/test_architecture.py); components/site.py gives each its title, icon and parameters."""

    HOME = "home"
    TAKE_HOMES = "take-homes"
    MY_SITUATION = "my-situation"
    GET_HELP = "get-help"
    FINDINGS = "findings"
    PREVALENCE = "prevalence"
    EVIDENCE_MAP = "evidence-map"
    CLAIM_CHECK = "claim-check"
    STUDY = "study"
    REFERENCES = "references"
    GLOSSARY = "glossary"
    METHODS = "methods"
    WHATS_NEW = "whats-new"
    ACCESSIBILITY = "accessibility"


Value = str | Sequence[str] | None
Params = Mapping[str, Value]


def query_pairs(params: Params) -> list[tuple[str, str]]:
    """(key, value) pairs in order; a list becomes repeated keys, empty values are dropped."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        values = [] if value is None else [value] if isinstance(value, str) else list(value)
        pairs += [(key, v) for v in values if v != ""]
    return pairs


def query_string(params: Params) -> str:
    # %20 rather than '+' for spaces: every reader decodes it, and it survives being pasted into a path.
    return urlencode(query_pairs(params), quote_via=quote)


def link(page: Page, params: Params | None = None, /, **more: Value) -> str:
    """A relative link to `page` with a query string: `link(Page.STUDY, study="belavy-2017")`.

    Relative, so it also works when the app is served under a base path.
    """
    query = query_string({**(params or {}), **more})
    return f"{page}?{query}" if query else page


def with_query(address: str, params: Params) -> str:
    """`address` (a page, a mailto: or an issue tracker's form, which may already have a query) plus `params`."""
    return f"{address}{'&' if '?' in address else '?'}{query_string(params)}"


def page_url(browser_url: str | None, url_path: str = "") -> str:
    """The absolute address of the page being viewed, without a query string.

    `browser_url` is what the browser reports (`st.context.url`: scheme, host, port and the page's
    path, no query string), or None when no browser is attached; then the page is assumed to be
    served at DEFAULT_ORIGIN under `url_path`.
    """
    if not browser_url:
        return f"{DEFAULT_ORIGIN}/{url_path}"
    scheme, netloc, path, _, _ = urlsplit(browser_url)
    return urlunsplit((scheme, netloc, path or "/", "", ""))


def app_root(page: str) -> str:
    """The app's own address (origin and any base path, ending in '/') from the address of one of its pages
    (`page_url`): what an offline deck's QR codes open, so they reach the server the visitor used."""
    scheme, netloc, path, _, _ = urlsplit(page)
    return urlunsplit((scheme, netloc, path[: path.rfind("/") + 1] or "/", "", ""))


def view_url(address: str, params: Params) -> str:
    """`address` (from `page_url`) with `params` as its query string: the link a view gives out."""
    scheme, netloc, path, _, _ = urlsplit(address)
    return urlunsplit((scheme, netloc, path, query_string(params), ""))


# ---- the release a link was made with ----------------------------------------------------

# Every link the app gives out ends with v=<release>, so a reader of an old link can be told what changed since.
VERSION_KEY = "v"


def with_version(params: Params, version: str | None) -> dict[str, Value]:
    """The view's parameters with v=<release> last (replacing any older one)."""
    out: dict[str, Value] = {k: v for k, v in params.items() if k != VERSION_KEY}
    if version:
        out[VERSION_KEY] = version
    return out


def sibling_url(page: str, target: str, version: str | None = None) -> str:
    """The absolute address of `target` ('take-homes?claim=x'), a page beside `page`, with v=`version`."""
    target_path, _, query = target.partition("?")
    params = with_version({k: [v] for k, v in parse_qsl(query)}, version)
    return view_url(app_root(page) + target_path, params)


# ---- a reader's report about a record ---------------------------------------------------

# ?report=<kind>:<id> on any page opens the report form about that record over the page (components/report_form.py).
# The frame reads it on every page, like v; the link a view gives out leaves it out, and no other page carries it.
REPORT_KEY = "report"


def report_value(kind: str, rid: str) -> str:
    """The value of ?report= for one record: 'take-home:running-may-ease-back-pain'."""
    return f"{kind}:{rid}"


def same_page(params: Params) -> str:
    """A link to the page being viewed with `params` as its whole query string ('?claim=x&report=...'): relative
    to the address, so it works on every page and under any base path."""
    return f"?{query_string(params)}"


# ---- embedding ---------------------------------------------------------------------------

# Streamlit's own flag: ?embed=true hides its header and toolbar. It never shows in st.query_params
# (Streamlit keeps it out, and keeps it in the address bar when the app rewrites the query string).
EMBED_KEY = "embed"


def embed_url(url: str) -> str:
    """A view's link (from `current_url`) as the address of an <iframe> on someone else's page."""
    return with_query(url, {EMBED_KEY: "true"})
