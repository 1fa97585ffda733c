"""What the search reads, derived from a text when it is saved (see documents/search.py).

A searchable model says what it is made of in `search_parts()`: {"names": [...],
"title": [...], "summary": [...], "body": [...]} (names: common names and official
references, which weigh as titles). From that come:
- its rows in the inverted index (one per word, with the best place the word appears in,
  and one per pair of consecutive words of names, titles and summaries, for phrases);
- a folded copy of the text of its files that keeps every character in its place, so that
  an excerpt around a match can be cut from the original text by position;
- for the library, the vocabulary « did you mean » draws from.
"""

import re
import unicodedata

from django.db import transaction

from . import references, search

WEIGHTS = {
    "names": search.WEIGHT_TITLE,
    "title": search.WEIGHT_TITLE,
    "summary": search.WEIGHT_SUMMARY,
    "body": search.WEIGHT_BODY,
}
_WORD = re.compile(r"\w+")


class _FoldTable(dict):
    """str.translate table that folds one character into one character (lower case, no
    accent), anything but a letter or a digit into a space; filled as characters are met."""

    def __missing__(self, code):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1:
            lower = char
        base = "".join(
            part for part in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(part)
        )
        folded = base if len(base) == 1 else lower
        folded = folded if folded.isalnum() else " "
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def legal_resource_parts(resource):
    """A legal text: titles, common names and every form of its official references weigh
    as titles. Fields and functions only, so that migrations can use it too."""
    names = []
    for language in ("fr", "en"):
        names += references.split_lines(getattr(resource, f"common_names_{language}", ""))
    if resource.pk:
        for reference in resource.references.all():
            scheme, value = reference.scheme, reference.value
            names.append(references.display(scheme, value, "fr"))
            names.append(references.display(scheme, value, "en"))
            names.extend(references.search_forms(scheme, value))
    return {
        "names": names,
        "title": [resource.title_fr, resource.title_en],
        "summary": [resource.summary_fr, resource.summary_en],
        "body": [resource.text_fr, resource.text_en],
    }


def document_parts(document):
    return {
        "title": [document.title_fr, document.title_en],
        "summary": [document.summary_fr, document.summary_en],
        "body": [document.text_fr, document.text_en],
    }


def body_text(obj):
    """The text of a row's files, French then English, as excerpts are cut from it."""
    return f"{obj.text_fr or ''}\n{obj.text_en or ''}"


def fold_in_place(text):
    """`text` folded character by character, with a leading space: position i + 1 of the
    result is position i of `text`."""
    return " " + text.translate(_FOLD)


PAIR_WEIGHTS = {
    "names": search.PHRASE_IN_NAMES,
    "title": search.PHRASE_IN_TITLE,
    "summary": search.PHRASE_IN_SUMMARY,
}


def index_terms(parts):
    """{word or pair of words: weight} for the inverted index: each word once, at the best
    place it is in; each pair of consecutive words of names, titles and summaries (for
    phrases) once, with the phrase bonus of the best place it is in."""
    found = {}
    for place, weight in WEIGHTS.items():
        for text in parts.get(place, ()):
            words = search.tokens(text)
            for word in words:
                if word in search.STOP_WORDS or len(word) > search.MAX_TERM_LENGTH:
                    continue
                if found.get(word, 0) < weight:
                    found[word] = weight
            if place in PAIR_WEIGHTS:
                for pair in search.pairs_of(words):
                    if found.get(pair, 0) < PAIR_WEIGHTS[place]:
                        found[pair] = PAIR_WEIGHTS[place]
    return found


def vocabulary(parts):
    """{folded word: the word as written} of titles, names and references, for « did you
    mean »."""
    words = {}
    for text in (*parts.get("names", ()), *parts.get("title", ())):
        for written in _WORD.findall(text or ""):
            folded = search.tokens(written)
            if len(folded) != 1 or not search.is_spellable(folded[0]):
                continue
            words.setdefault(folded[0], written)
    return words


BATCH = 500


@transaction.atomic
def reindex(objects, postings, words=None, parts_of=None):
    """Rebuild the index rows and folded copies of these saved rows (one model), and add
    their words to the vocabulary `words` (a model, or None). `parts_of(obj)` says what a
    row is made of (default: its `search_parts()`)."""
    return sum(_reindex_batch(batch, postings, words, parts_of) for batch in in_batches(objects))


def in_batches(objects, size=BATCH):
    """The objects in lists of `size` at most, read as they come (an iterator stays lazy)."""
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reindex_batch(objects, postings, words, parts_of):
    model = type(objects[0])
    postings.objects.filter(resource__in=[obj.pk for obj in objects]).delete()
    rows, spelled, seen = [], {}, set()
    for obj in objects:
        parts = parts_of(obj) if parts_of else obj.search_parts()
        obj.search_body = fold_in_place(body_text(obj))
        terms = index_terms(parts)
        rows.extend(
            postings(resource_id=obj.pk, term=term, weight=weight) for term, weight in terms.items()
        )
        seen.update(term for term in terms if " " not in term)
        for word, written in vocabulary(parts).items():
            spelled.setdefault(word, written)
    model._base_manager.bulk_update(objects, ["search_body"], batch_size=BATCH)
    postings.objects.bulk_create(rows, batch_size=2000)
    if words is not None:
        words.objects.bulk_create(
            [words(word=word) for word in seen - set(spelled)],
            ignore_conflicts=True,
            batch_size=2000,
        )
        # A word met in a body first becomes a title's word when a title has it.
        words.objects.bulk_create(
            [words(word=word, label=written, titled=True) for word, written in spelled.items()],
            update_conflicts=True,
            unique_fields=["word"],
            update_fields=["label", "titled"],
            batch_size=2000,
        )
    return len(objects)
