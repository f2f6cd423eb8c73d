"""One plain page as HTML: the head a link preview and a search engine read (title, description, Open Graph,
canonical address), the same header on every page (the warning signs one tap away), the text, a link to the same
view in the explorer, and the footer the app shows too (disclaimer, release, last reviewed).

No script and no request to anything but the page itself and its icon: the stylesheet is inline (under 4 KB).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit

from evidence import palette
from evidence.links import VERSION_KEY, with_query
from evidence.load import EvidenceBase
from evidence.site import addresses
from evidence.wording.markdown import render

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SITE_NAME = "Running and your lower back"
SHEETS = ("prose", "plain")  # assets/<name>.css: the app's prose rules (badges, lists), then the page's own
DESCRIPTION_LENGTH = 160  # what search results and link previews show before cutting


class Raw(str):
    """HTML made here (a table, a heading with an anchor), put in a page's body as it is."""


@dataclass(frozen=True)
class PlainPage:
    path: str  # under the site's root: 'take-homes/x.html'
    title: str
    description: str  # plain text
    body: str | tuple[str, ...]  # markdown rendered with this page's links; a Raw part is HTML as it is
    explore: str  # the explorer view, relative to the app's root: 'take-homes?claim=x'
    heading: str | None = None  # the page's h1, where it is not its title (a take-home's statement is in its text)


def plain_text(markdown: str) -> str:
    """What a reader sees of `markdown`, as one line of text (for descriptions)."""
    text = re.sub(r"<[^>]+>", " ", render(markdown, icons=False))
    return re.sub(r"\s+", " ", unescape(text)).strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def sentences(markdown: str) -> list[str]:
    return _SENTENCE_END.split(plain_text(markdown))


def description(markdown: str) -> str:
    """Whole sentences of what `markdown` says, as many as fit in DESCRIPTION_LENGTH characters: a cut never
    drops the end of a sentence (its hedge or its caveat). A first sentence too long alone is cut at a word."""
    kept = ""
    for sentence in sentences(markdown):
        longer = f"{kept} {sentence}".strip()
        if len(longer) > DESCRIPTION_LENGTH:
            break
        kept = longer
    if kept:
        return kept
    text = plain_text(markdown)
    return text[: text.rfind(" ", 0, DESCRIPTION_LENGTH - 1)].rstrip(" ,;:") + "…"


@lru_cache(maxsize=None)
def stylesheet() -> str:
    """The palette's colours, each `light-dark(light, dark)`: with `color-scheme: light dark` the page follows the
    phone's setting; then the prose rules the app uses (badges, lists) and the page's own."""
    return "\n".join([":root { color-scheme: light dark; }", palette.css_root().strip(),
                      *((ASSETS / f"{name}.css").read_text(encoding="utf-8") for name in SHEETS)])


def links_from(page: str):
    """A markdown link rule for `page`: app links with a plain page go there, the others to the explorer."""
    def rule(href: str) -> tuple[str, dict[str, str]]:
        if href.startswith("#") or urlsplit(href).scheme:  # an anchor, or a site of its own
            return href, {}
        found = addresses.view_of(href)
        return (addresses.relative(page, found) if found else addresses.to_app(page, href)), {}
    return rule


def html(page: PlainPage, evidence: EvidenceBase, app: str) -> str:
    """The whole page; `app` is the app's public address (addresses.public_url), for the canonical address and
    the link preview. Links into the explorer are relative (addresses.to_app)."""
    meta = evidence.meta
    canonical = app + addresses.SERVED_AT + page.path
    here = links_from(page.path)
    version = {VERSION_KEY: meta.version} if meta else {}
    explore = addresses.to_app(page.path, with_query(page.explore, version) if version else page.explore)

    def to(path: str) -> str:
        return escape(addresses.relative(page.path, path))

    parts = (page.body,) if isinstance(page.body, str) else page.body
    body = "".join(p if isinstance(p, Raw) else render(p, link=here, icons=False) for p in parts)
    footer = render(f"{meta.disclaimer} If you have worrying symptoms, see [When to get help](get-help).",
                    link=here, icons=False) if meta else ""
    stamp = (f"<p>Release {escape(meta.version)} · last reviewed {meta.last_reviewed:%d %B %Y} · "
             f'<a href="{escape(meta.licence_url)}">{escape(meta.licence)}</a></p>') if meta else ""
    title, text = escape(page.title), escape(page.description)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title} · {SITE_NAME}</title>
<meta name="description" content="{text}">
<link rel="canonical" href="{escape(canonical)}">
<link rel="icon" href="{to('favicon.png')}" type="image/png">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{text}">
<meta property="og:url" content="{escape(canonical)}">
<meta property="og:locale" content="en_GB">
<meta name="twitter:card" content="summary">
<style>
{stylesheet()}
</style>
</head>
<body>
<a class="skip" href="#main">Skip to the text</a>
<header>
<p class="site"><a href="{to(addresses.HOME)}">{SITE_NAME}</a></p>
<nav aria-label="Plain pages"><a href="{to(addresses.HOME)}">The bottom line</a> <a href="{to(addresses.GET_HELP)}">When to get help</a> <a href="{to(addresses.SITUATION)}">Your situation</a> <a href="{to(addresses.GLOSSARY)}">Glossary</a> <a href="{to(addresses.STUDIES)}">Studies</a></nav>
<p class="help"><strong>Worrying symptoms?</strong> <a href="{to(addresses.GET_HELP)}">See the warning signs and when to get help</a>.</p>
</header>
<main id="main">
<h1>{escape(page.heading or page.title)}</h1>
<div class="prose">{body}</div>
<p class="explore"><a href="{escape(explore)}">Explore this in the evidence explorer</a> (charts, filters and every study; needs JavaScript)</p>
</main>
<footer>
{footer}{stamp}
</footer>
</body>
</html>
"""
