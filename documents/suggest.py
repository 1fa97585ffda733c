"""« Did you mean »: when a query finds nothing or very little, its words that no text holds
are replaced by the closest words of the library's titles, common names and references.

Closeness is trigram similarity as pg_trgm computes it (shared trigrams of the two words,
each padded with two spaces before and one after, over the trigrams of either). PostgreSQL
finds the candidates with pg_trgm's index; other databases read the words of about the same
length; the same formula then chooses among them, so both suggest the same word."""

import re
from functools import reduce
from operator import or_

from django.db import connections
from django.db.models import Q
from django.db.models.functions import Length

from . import search

_WRITTEN_WORD = re.compile(r"\w+")

SUGGEST_BELOW = 3  # results: fewer, and the page looks for a better query
THRESHOLD = 0.3  # pg_trgm's default similarity threshold
LENGTH_SLACK = 3


def trigrams(word):
    padded = f"  {word} "
    return {padded[index : index + 3] for index in range(len(padded) - 2)}


def similarity(first, second):
    a, b = trigrams(first), trigrams(second)
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if shared else 0.0


def _candidates(words_model, unknown):
    """(word, label) of the vocabulary that may be close to one of the unknown words."""
    rows = words_model.objects.filter(titled=True)
    if connections[rows.db].vendor == "postgresql":
        condition = reduce(or_, (Q(word__trigram_similar=term.word) for term in unknown))
    else:
        rows = rows.annotate(length=Length("word"))
        condition = reduce(
            or_,
            (
                Q(
                    length__gte=len(term.word) - LENGTH_SLACK,
                    length__lte=len(term.word) + LENGTH_SLACK,
                )
                for term in unknown
            ),
        )
    return list(rows.filter(condition).values_list("word", "label"))


def closest(word, candidates):
    """The (label, similarity) of the closest candidate, or None below the threshold. Ties:
    the nearest length, then alphabetical order."""
    best = None
    for candidate, label in candidates:
        value = round(similarity(word, candidate), 6)
        if value < THRESHOLD:
            continue
        key = (-value, abs(len(candidate) - len(word)), candidate)
        if best is None or key < best[0]:
            best = (key, label, value)
    return (best[1], best[2]) if best else None


def _same_case(word, typed):
    """`word` in the case the visitor typed: palerme, Palerme, PALERME."""
    if typed.islower():
        return word.lower()
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word[:1].upper() + word[1:].lower() if typed[:1].isupper() else word


def correction(query, expansions, words_model):
    """The query with each word no text holds (`expansions`, search.expansions: it begins
    no word of the index) replaced by the closest word of the vocabulary, or "" when there
    is nothing to correct. One query at most."""
    unknown = [
        term
        for index, term in enumerate(query.terms)
        if search.is_spellable(term.word) and expansions.get(index) == []
    ]
    if not unknown:
        return ""
    candidates = _candidates(words_model, unknown)
    replacements = {}
    for term in unknown:
        found = closest(term.word, candidates)
        if found:
            replacements[term.word] = found[0]
    if not replacements:
        return ""

    def replace(found):
        written = found.group()
        terms = search.parse(written).terms
        label = replacements.get(terms[0].word) if len(terms) == 1 else None
        return _same_case(label, written) if label else written

    corrected = _WRITTEN_WORD.sub(replace, query.text)
    return corrected if search.parse(corrected).terms != query.terms else ""
