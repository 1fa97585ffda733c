"""What a result of the library shows of why it matched: its title and common names with the
query's words marked, and an excerpt of its summary, else of the text of its files."""

from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Concat, Greatest, Length, StrIndex, Substr
from django.utils.translation import get_language

from . import highlight
from .models import LegalResource

WINDOW_BEFORE, WINDOW_LENGTH = 200, 600


@dataclass
class Hit:
    title: str
    title_lang: str = ""
    names: list = field(default_factory=list)
    names_lang: str = ""
    excerpt: str = ""
    excerpt_lang: str = ""


@dataclass
class Window:
    text: str
    lang: str
    cut_start: bool
    cut_end: bool


def _pattern(term):
    # The stored copy of the files' text has a space wherever the text has no letter or digit.
    return f" {term.word} " if term.exact_only else f" {term.word}"


def body_windows(pks, query):
    """{pk: Window} of the text of the files around the first word of the query found there,
    for these texts: one query, the long texts never leave the database whole."""
    if not pks or not query.terms:
        return {}
    positions = {
        f"p{index}": StrIndex("search_body", Value(_pattern(term)))
        for index, term in enumerate(query.terms)
    }
    first = Case(
        *[When(Q(**{f"{name}__gt": 0}), then=F(name)) for name in positions],
        default=Value(0),
        output_field=IntegerField(),
    )
    rows = (
        LegalResource.objects.filter(pk__in=pks)
        .annotate(**positions)
        .annotate(hit=first)
        .filter(hit__gt=0)
        .annotate(
            start=Greatest(F("hit") - WINDOW_BEFORE, Value(1)),
            window=Substr(
                Concat("text_fr", Value("\n"), "text_en", output_field=TextField()),
                F("start"),
                WINDOW_LENGTH,
            ),
            french_length=Length("text_fr"),
            total_length=Length("text_fr") + Length("text_en") + 1,
        )
        .values_list("pk", "hit", "start", "window", "french_length", "total_length")
    )
    windows = {}
    for pk, hit, start, text, french_length, total_length in rows:
        # Positions count from 1 in the French text, a line break, then the English text.
        if hit <= french_length:
            lang, first, last = "fr", 1, french_length
        else:
            lang, first, last = "en", french_length + 2, total_length
        skip = max(0, first - start)
        text, start = text[skip : max(0, last - start + 1)], start + skip
        cut_start, cut_end = start > first, start + len(text) - 1 < last
        # Drop the words the window cut in two.
        if cut_start and " " in text:
            text = text.split(" ", 1)[1]
        if cut_end and " " in text:
            text = text.rsplit(" ", 1)[0]
        windows[pk] = Window(text, lang, cut_start, cut_end)
    return windows


def _in_language(resource, name, current):
    """[(language, value)] of a translated field, the current language first."""
    other = "en" if current == "fr" else "fr"
    return [(code, getattr(resource, f"{name}_{code}", "") or "") for code in (current, other)]


def hit(resource, query):
    """The title and names of a result with the query's words marked, and an excerpt of its
    summary where the summary holds one of them (else none: see `body_excerpt`)."""
    current = (get_language() or "fr")[:2]
    terms = query.terms
    title_lang, title = next(
        ((code, value) for code, value in _in_language(resource, "title", current) if value),
        (current, ""),
    )
    result = Hit(
        title=highlight.mark(title, terms), title_lang=title_lang if title_lang != current else ""
    )
    for code in (current, "en" if current == "fr" else "fr"):
        names = resource.common_names_in(code)
        if names:
            result.names = [highlight.mark(name, terms) for name in names]
            result.names_lang = code if code != current else ""
            break
    for code, summary in _in_language(resource, "summary", current):
        found = highlight.excerpt(summary, terms)
        if found:
            result.excerpt, result.excerpt_lang = found, code if code != current else ""
            break
    return result


def add_body_excerpts(hits, query):
    """Excerpts of the files' text for the results ({pk: Hit}) whose summary holds none of
    the query's words: one query, none when every result has its excerpt."""
    missing = [pk for pk, result in hits.items() if not result.excerpt]
    if not missing:
        return
    current = (get_language() or "fr")[:2]
    for pk, window in body_windows(missing, query).items():
        found = highlight.excerpt(
            window.text, query.terms, cut_start=window.cut_start, cut_end=window.cut_end
        )
        if found:
            hits[pk].excerpt = found
            hits[pk].excerpt_lang = window.lang if window.lang != current else ""
