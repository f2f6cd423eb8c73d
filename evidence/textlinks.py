"""Link glossary terms where they appear in running text (first use of each, outside links)."""

from __future__ import annotations

import re
from functools import lru_cache

from .links import link
from .model import GlossaryTerm

_EXISTING_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


@lru_cache(maxsize=8)
def _matcher(terms: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    by_phrase = {phrase.lower(): term_id for term_id, phrase in terms}
    # Longest phrases first, so 'disc degeneration' wins over 'disc'.
    alternatives = "|".join(re.escape(p) for p in sorted(by_phrase, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE), by_phrase


def _phrases(glossary: dict[str, GlossaryTerm]) -> tuple[tuple[str, str], ...]:
    return tuple((t.id, phrase) for t in glossary.values() for phrase in (t.term, *t.aliases) if len(phrase) > 2)


def link_terms(text: str, glossary: dict[str, GlossaryTerm], page: str = "glossary") -> str:
    """Markdown with the first mention of each glossary term linked to ?term=<id>."""
    if not glossary or not text:
        return text
    pattern, by_phrase = _matcher(_phrases(glossary))
    linked: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        term_id = by_phrase[match.group(1).lower()]
        if term_id in linked:
            return match.group(0)
        linked.add(term_id)
        return f"[{match.group(1)}]({link(page, term=term_id)})"

    pieces, last = [], 0
    for existing in _EXISTING_LINK.finditer(text):
        pieces.append(pattern.sub(replace, text[last:existing.start()]))
        pieces.append(existing.group(0))
        last = existing.end()
    pieces.append(pattern.sub(replace, text[last:]))
    return "".join(pieces)


def terms_in(text: str, glossary: dict[str, GlossaryTerm]) -> list[GlossaryTerm]:
    """Glossary terms the text mentions, in order of first mention (for a 'words explained' line)."""
    if not glossary or not text:
        return []
    pattern, by_phrase = _matcher(_phrases(glossary))
    ids = dict.fromkeys(by_phrase[m.group(1).lower()] for m in pattern.finditer(text))
    return [glossary[i] for i in ids]
