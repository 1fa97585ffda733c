"""Search in the library: one engine, the same on every database.

Each text's words are kept in an inverted index (`LegalResourceTerm`, `DocumentTerm`: one row
per text and word, with the best place the word appears in), built when the text is saved
(documents/indexing.py). A query is folded like the texts (case, accents, ligatures), its stop
words dropped; every remaining word must begin a word of the text (a word with a digit, or of
one or two letters, must be the whole word). The score is plain integer arithmetic, so SQLite
and PostgreSQL give the same results in the same order:

- each query word scores where it appears best: title, common name or official reference 100,
  summary 30, text of the files 10; half when it only begins the text's word (« traite » in
  « traitement »);
- a query of several words typed whole, as a phrase, adds 600 when a common name or an
  official reference holds it (the text is what was asked for), else 300 when a title does
  (« trafficking in human beings »), else 90 when a summary does. The index keeps each
  pair of consecutive words of those places too, and a phrase scores the mean of its pairs'
  places: part of a phrase counts for part;
- equal scores: binding texts first in the library (treaties, EU acts, laws), then newest.

References are found as people type them: their forms are indexed with the scheme's other
names (documents/references.py), and the few abbreviations that change with the language
(UE/EU, CE/EC, JAI/JHA, STCE/CETS, OIT/ILO) are read as one word.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import itemgetter, or_

from django.db import connections
from django.db.models import Case, F, IntegerField, Max, Q, Sum, Value, When

MAX_TERM_LENGTH = 40
MAX_PAIR_LENGTH = 2 * MAX_TERM_LENGTH + 1
# Stored text of a file is cut here: the first pages of a text say what it is about.
MAX_BODY_CHARS = 200_000
MAX_TERMS = 12

# Where a word appears best, as stored in the index; a whole-word match counts twice.
WEIGHT_TITLE, WEIGHT_SUMMARY, WEIGHT_BODY = 50, 15, 5
PHRASE_IN_NAMES, PHRASE_IN_TITLE, PHRASE_IN_SUMMARY = 600, 300, 90

# Words too common to search for, in both languages.
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
# The same abbreviation in the other language: one form is indexed and searched for.
SYNONYMS = {
    "ue": "eu",
    "ce": "ec",
    "cee": "eec",
    "jai": "jha",
    "stce": "cets",
    "ste": "ets",
    "oit": "ilo",
}
# « n° 197 », "No. 197": the number sign says nothing the number does not.
NUMBER_SIGNS = frozenset(["n", "no", "nr"])

_SPECIAL = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})
_WORD = re.compile(r"\w+")


def _strip_accents(text):
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(char for char in text if not unicodedata.combining(char))


def tokens(text):
    """The folded words of a text, abbreviations in their one form, number signs dropped."""
    words = _WORD.findall(_strip_accents(text or "").replace("_", " "))
    found = []
    for index, word in enumerate(words):
        if word in NUMBER_SIGNS and index + 1 < len(words) and words[index + 1][:1].isdigit():
            continue
        found.append(SYNONYMS.get(word, word))
    return found


def is_exact_only(word):
    """Digits and very short words match whole: « 36 » must not find « 365 », nor « eu »
    every word of « europe »."""
    return len(word) <= 2 or any(char.isdigit() for char in word) or not word.isascii()


def is_spellable(word):
    """A word « did you mean » may correct, or offer."""
    return len(word) >= 3 and word.isalpha() and word.isascii()


@dataclass(frozen=True)
class Term:
    word: str
    exact_only: bool

    @property
    def whole_forms(self):
        return [self.word] if self.exact_only else [self.word, f"{self.word}s"]

    def matches(self, folded_word):
        if self.exact_only:
            return folded_word == self.word
        return folded_word.startswith(self.word)

    def condition(self):
        """A Q on the index: the whole word, or a range of words beginning with it (a range
        an index serves on every database and collation; LIKE does not). Never a pair of
        words (they weigh more than any word)."""
        words = Q(weight__lte=WEIGHT_TITLE)
        if self.exact_only:
            return Q(term=self.word) & words
        return Q(term__gte=self.word, term__lt=successor(self.word)) & words

    def sql(self):
        """The same condition in SQL, with its parameters."""
        if self.exact_only:
            return f"(term = %s AND weight <= {WEIGHT_TITLE})", [self.word]
        return (
            f"(term >= %s AND term < %s AND weight <= {WEIGHT_TITLE})",
            [self.word, successor(self.word)],
        )


def successor(word):
    """The first string after every word beginning with `word` ([a-z0-9] words)."""
    stem = word.rstrip("z")
    if not stem:
        return word + "{"
    last = stem[-1]
    return stem[:-1] + ("a" if last == "9" else chr(ord(last) + 1))


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple = ()
    pairs: tuple = ()  # the phrase's consecutive pairs of words, as the index keeps them

    def __bool__(self):
        return bool(self.terms)


def parse(text):
    """The terms of a query (no stop word, no plural s, at most MAX_TERMS) and the pairs of
    its consecutive words (stop words included), its phrase."""
    text = (text or "").strip()
    words = tokens(text)
    found = []
    for word in words:
        if word in STOP_WORDS or len(word) > MAX_TERM_LENGTH:
            continue
        exact = is_exact_only(word)
        if not exact and len(word) > 3 and word.endswith("s"):
            word = word[:-1]
        term = Term(word, exact)
        if term not in found:
            found.append(term)
    return Query(text=text, terms=tuple(found[:MAX_TERMS]), pairs=tuple(pairs(words)))


# A word that begins more words of the index than this is searched for by their range.
MAX_EXPANSION = 50


def expansions(query, words_model):
    """{term index: [the index's words that begin with it]} for the query's terms that are
    beginnings of words (not whole words), or None for a term that begins too many: one
    query on the vocabulary."""
    prefixes = [(i, term) for i, term in enumerate(query.terms) if not term.exact_only]
    if not prefixes:
        return {}
    condition = reduce(
        or_,
        (Q(word__gte=term.word, word__lt=successor(term.word)) for _i, term in prefixes),
    )
    limit = MAX_EXPANSION * len(prefixes) * 4
    found = list(
        words_model.objects.filter(condition)
        .order_by("word")
        .values_list("word", flat=True)[: limit + 1]
    )
    result = {}
    for index, term in prefixes:
        matching = [word for word in found if word.startswith(term.word)]
        result[index] = None if len(matching) > MAX_EXPANSION or len(found) > limit else matching
    return result


def pairs_of(words):
    """The pairs of consecutive words ("trafficking in", "in human"…), as the index keeps
    them: a text holds a phrase where its names, titles or summaries hold every pair of it."""
    for first, second in itertools.pairwise(words):
        pair = f"{first} {second}"
        if len(pair) <= MAX_PAIR_LENGTH and not {first, second} <= STOP_WORDS:
            yield pair


def pairs(words):
    """The distinct pairs of a query's words, at most MAX_TERMS."""
    return list(dict.fromkeys(pairs_of(words)))[:MAX_TERMS]


def _rows(postings):
    """The index's rows: a model of the library's index, or a queryset of the site-wide
    index restricted to one kind (documents/site_index.py)."""
    return postings._default_manager.all() if isinstance(postings, type) else postings


# --- Scoring ------------------------------------------------------------------------------


def term_scores_rows(query, postings):
    """The grouped query behind `term_scores`, and the names of its score columns (one per
    term, after "resource"); None for an empty query."""
    if not query:
        return None, []
    names = []
    aggregates = {}
    for index, term in enumerate(query.terms):
        name = f"s{index}"
        names.append(name)
        aggregates[name] = Max(
            Case(
                When(Q(term__in=term.whole_forms), then=F("weight") * 2),
                When(term.condition(), then=F("weight")),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    rows = (
        _rows(postings)
        .filter(reduce(or_, (term.condition() for term in query.terms)))
        .values("resource")
        .annotate(**aggregates)
        .filter(**{f"{name}__gt": 0 for name in names})
        .order_by()
    )
    return rows, names


def term_scores(query, postings):
    """{pk: (score of each term)} for the rows holding every term, whoever may see them: one
    grouped query over the index's word column (filtering by rows there would make the
    database walk every word of every text instead)."""
    rows, names = term_scores_rows(query, postings)
    if rows is None:
        return {}
    return {row[0]: row[1:] for row in raw_rows(rows, "resource", *names)}


def phrase_bonus_rows(query, postings):
    """The grouped query behind `phrase_bonus` ("resource", "total"); None without pairs."""
    if not query.pairs:
        return None
    return (
        _rows(postings)
        .filter(term__in=query.pairs, weight__gte=PHRASE_IN_SUMMARY)
        .values("resource")
        .annotate(total=Sum("weight"))
        .order_by()
    )


def phrase_bonus(query, postings):
    """{pk: bonus} for the rows holding pairs of consecutive words of the query: the mean,
    over the query's pairs, of the place each is found in (names or references 600, title
    300, summary 90, nowhere 0). A text holding the whole phrase in its title gets 300; one
    whose reference is « 2011/36 » gains over one that only cites it. One grouped query."""
    rows = phrase_bonus_rows(query, postings)
    if rows is None:
        return {}
    return bonuses(query, raw_rows(rows, "resource", "total"))


def bonuses(query, rows):
    """{pk: bonus} from the (resource, total) rows of `phrase_bonus_rows`."""
    return {pk: total // len(query.pairs) for pk, total in rows}


def score(query, postings):
    """{pk: score} of every row that matches the query (the caller keeps those the reader
    may see)."""
    if not isinstance(query, Query):
        query = parse(query)
    return combined(term_scores(query, postings), phrase_bonus(query, postings))


def combined(term_scores, bonuses):
    """{pk: score}: each row's term scores summed, plus its phrase bonus."""
    scores = {pk: sum(values) for pk, values in term_scores.items()}
    for pk, bonus in bonuses.items():
        if pk in scores:
            scores[pk] += bonus
    return scores


def raw_rows(queryset, *fields):
    """queryset.values_list(*fields) as tuples straight from the database cursor: without
    the per-row work of the ORM's iterator (translation wrappers, converters), which costs
    more than the query for ten thousand rows. Only for columns that need no conversion."""
    queryset = queryset.values_list(*fields)
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        # A values query names each column after its field; modeltranslation may reorder them.
        selected = [column[0] for column in cursor.description]
    if list(fields) != selected:
        pick = itemgetter(*(selected.index(name) for name in fields))
        rows = [pick(row) if len(fields) > 1 else (pick(row),) for row in rows]
    return rows


def matching(queryset, query, postings):
    """The rows that match the query (every one of its terms), unordered. An empty query
    matches everything; a query made only of stop words matches nothing."""
    parsed = parse(query)
    if not parsed.text:
        return queryset
    if not parsed:
        return queryset.none()
    for term in parsed.terms:
        queryset = queryset.filter(
            pk__in=_rows(postings).filter(term.condition()).values("resource")
        )
    return queryset


def ranked(queryset, query, postings, tie_break=()):
    """The matching rows, best first, annotated with `relevance`; newest first among equals
    (after `tie_break`). For lists of modest size (the collective's documents, tests): the
    library's page has its own statement (documents/library_query.py), scored alike."""
    parsed = parse(query)
    if not parsed:
        return matching(queryset, query, postings).annotate(
            relevance=Value(0, output_field=IntegerField())
        )
    scores = score(parsed, postings)
    relevance = Case(
        *[When(pk=pk, then=Value(value)) for pk, value in scores.items()],
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        queryset.filter(pk__in=list(scores))
        .annotate(relevance=relevance)
        .order_by("-relevance", *tie_break, "-date", "-pk")
    )
