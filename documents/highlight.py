"""Why a text matched: the query's words marked (escaped text, `<mark>` around the words)
in a title, and a short excerpt of the summary or of the text of the files."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import search

_WORD = re.compile(r"\w+")
EXCERPT_WORDS = 36
WORDS_BEFORE = 10


@lru_cache(maxsize=20_000)
def _folded(word):
    return tuple(search.tokens(word))


def _matches(word, terms):
    return any(term.matches(part) for part in _folded(word) for term in terms)


def _marked(text, terms):
    """(html, matched): `text` escaped, the words matching a term in <mark>."""
    html, position, matched = [], 0, False
    for found in _WORD.finditer(text):
        if _matches(found.group(), terms):
            html.append(escape(text[position : found.start()]))
            html.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
            matched = True
    html.append(escape(text[position:]))
    return "".join(html), matched


def mark(text, terms):
    """`text` escaped, with the words that match the query's terms marked."""
    html, _matched = _marked(text or "", terms)
    return mark_safe(html)  # noqa: S308 - every piece of text went through escape()


def excerpt(text, terms, *, cut_start=False, cut_end=False):
    """About EXCERPT_WORDS words of `text` around its first matching word, marked, or None
    when no word of it matches. `cut_start`/`cut_end`: the text is itself a window of a
    longer one."""
    text = " ".join((text or "").split())
    words = list(_WORD.finditer(text))
    first = next((i for i, word in enumerate(words) if _matches(word.group(), terms)), None)
    if first is None:
        return None
    start_word = max(0, first - WORDS_BEFORE)
    end_word = min(len(words), start_word + EXCERPT_WORDS)
    start = words[start_word].start() if start_word else 0
    end = words[end_word - 1].end() if end_word < len(words) else len(text)
    html, _matched = _marked(text[start:end], terms)
    before = "… " if start_word or cut_start else ""
    after = " …" if end_word < len(words) or cut_end else ""
    return mark_safe(f"{before}{html}{after}")  # noqa: S308 - escaped in _marked()
