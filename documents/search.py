"""Search in the library: one entry point, two back-ends chosen by the database.

- PostgreSQL: full-text search over a stored, weighted tsvector (titles A, summaries B, text of
  the files C), French and English configurations that ignore accents (`french_unaccent`,
  `english_unaccent`, created by migration 0002 with a GIN index), ranked by ts_rank.
- Any other database (SQLite): accent- and case-folded copies of the same fields are stored
  (`search_title`, `search_summary`, `search_body`); every word of the query must begin a word
  of the text, and results are ranked by the same weights (title 1.0, summary 0.4, text 0.2)
  per matching word.

The two rank alike on ordinary queries; the test suite runs the same corpus on both.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Case, F, FloatField, Q, Value, When

FRENCH = "french_unaccent"
ENGLISH = "english_unaccent"

WEIGHTS = {"title": 1.0, "summary": 0.4, "body": 0.2}

# Stored text of a file is cut here: tsvector has a 1 MB limit, and the first pages of a text
# say what it is about.
MAX_BODY_CHARS = 200_000

# Words too common to search for, in both languages (PostgreSQL drops them through its
# dictionaries; the portable search drops them here).
STOP_WORDS = frozenset(
    [
        "a",
        "à",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "n",
        "ne",
        "ou",
        "par",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "un",
        "une",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "their",
        "to",
        "with",
    ]
)
MAX_TERMS = 12
_SPECIAL = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})
_WORD = re.compile(r"\w+")


def normalise(text):
    """Lower-case, accent-free words separated by single spaces, with a space on each side so
    that `" word"` finds words that begin with it."""
    text = unicodedata.normalize("NFKD", (text or "").casefold().translate(_SPECIAL))
    text = "".join(char for char in text if not unicodedata.combining(char))
    words = _WORD.findall(text.replace("_", " "))
    return f" {' '.join(words)} " if words else ""


def terms(query):
    """The words of a query the portable search looks for: folded, without stop words, and
    without a plural s (they match as word prefixes, so « enfants » finds « enfant »)."""
    found = []
    for word in normalise(query).split():
        if word in STOP_WORDS:
            continue
        if len(word) > 3 and word.endswith("s"):
            word = word[:-1]
        if word not in found:
            found.append(word)
    return found[:MAX_TERMS]


def index_fields(obj):
    """The folded copies of a text's searchable fields, for the portable search."""
    return {
        "search_title": normalise(f"{obj.title_fr or ''} {obj.title_en or ''}"),
        "search_summary": normalise(f"{obj.summary_fr or ''} {obj.summary_en or ''}"),
        "search_body": normalise(f"{obj.text_fr or ''} {obj.text_en or ''}"),
    }


def vector():
    return (
        SearchVector("title_fr", config=FRENCH, weight="A")
        + SearchVector("title_en", config=ENGLISH, weight="A")
        + SearchVector("summary_fr", config=FRENCH, weight="B")
        + SearchVector("summary_en", config=ENGLISH, weight="B")
        + SearchVector("text_fr", config=FRENCH, weight="C")
        + SearchVector("text_en", config=ENGLISH, weight="C")
    )


def uses_full_text(queryset):
    return connections[queryset.db].vendor == "postgresql"


def update_vectors(queryset):
    """Recompute the stored vectors of these rows (PostgreSQL only; one UPDATE)."""
    if uses_full_text(queryset):
        queryset.update(search_vector=vector())


def _full_text_query(query):
    return SearchQuery(query, config=FRENCH, search_type="websearch") | SearchQuery(
        query, config=ENGLISH, search_type="websearch"
    )


def _word_condition(word):
    prefix = f" {word}"
    return (
        Q(search_title__contains=prefix)
        | Q(search_summary__contains=prefix)
        | Q(search_body__contains=prefix)
    )


def matching(queryset, query):
    """The rows that match the query (all of its words), unordered. An empty query matches
    everything; a query made only of stop words matches nothing."""
    query = (query or "").strip()
    if not query:
        return queryset
    words = terms(query)
    if not words:
        return queryset.none()
    if uses_full_text(queryset):
        return queryset.filter(search_vector=_full_text_query(query))
    for word in words:
        queryset = queryset.filter(_word_condition(word))
    return queryset


def ranked(queryset, query):
    """The matching rows, best first, annotated with `relevance`; newest first among equals."""
    query = (query or "").strip()
    if not query or not terms(query):
        return matching(queryset, query).annotate(relevance=Value(0.0, FloatField()))
    if uses_full_text(queryset):
        relevance = SearchRank(F("search_vector"), _full_text_query(query))
    else:
        parts = []
        for word in terms(query):
            prefix = f" {word}"
            for field, weight in WEIGHTS.items():
                parts.append(
                    Case(
                        When(**{f"search_{field}__contains": prefix}, then=Value(weight)),
                        default=Value(0.0),
                        output_field=FloatField(),
                    )
                )
        relevance = sum(parts[1:], parts[0])
    return (
        matching(queryset, query)
        .annotate(relevance=relevance)
        .order_by("-relevance", "-date", "-pk")
    )
