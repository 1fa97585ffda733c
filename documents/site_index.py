"""The site-wide search's index and matching: the library's engine (documents/search.py) for
the other apps' records. Each app registers the kinds it indexes (`register`) and the search
source that reads them (`group`); their words go to one table, collectif.SiteSearchTerm, in
the same rows as the library's own index, so that accents, case, prefixes and phrases match
alike everywhere. Rows are rebuilt when a record is saved, gone when it is deleted;
`manage.py index_site_search` builds them for existing rows (and after bulk writes, which
send no signal), and `build_missing` fills a kind's empty index after `migrate` (the rows
saved before the index existed)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from collectif.models import SiteSearchTerm
from collectif.site_search import SearchGroup, SearchResult

from . import indexing, search

BATCH = 500


@dataclass(frozen=True)
class IndexedKind:
    kind: str
    model: Any
    # record -> {"title": [...], "summary": [...], "body": [...]} (documents/indexing.py)
    parts: Callable


KINDS: dict[str, IndexedKind] = {}


def register(kind, model, parts):
    """Index `model`'s records as `kind`, kept up to date as they are saved and deleted."""
    KINDS[kind] = IndexedKind(kind, model, parts)

    def saved(sender, instance, raw=False, **kwargs):
        reindex(kind, [instance])

    def deleted(sender, instance, **kwargs):
        SiteSearchTerm.objects.filter(kind=kind, resource=instance.pk).delete()

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"site-search-{kind}")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"site-search-{kind}")


def postings(kind):
    """The index's rows of one kind, as documents/search.py reads them."""
    return SiteSearchTerm.objects.filter(kind=kind)


@transaction.atomic
def reindex(kind, objects):
    """Rebuild the index rows of these saved records of `kind`; the number of records."""
    parts = KINDS[kind].parts
    return sum(_reindex_batch(kind, parts, batch) for batch in indexing.in_batches(objects, BATCH))


def _reindex_batch(kind, parts, objects):
    postings(kind).filter(resource__in=[obj.pk for obj in objects]).delete()
    SiteSearchTerm.objects.bulk_create(
        [
            SiteSearchTerm(kind=kind, resource=obj.pk, term=term, weight=weight)
            for obj in objects
            for term, weight in indexing.index_terms(parts(obj)).items()
        ],
        batch_size=2000,
    )
    return len(objects)


def rebuild(kind):
    """Index every record of `kind` again (the trash's too: readers' querysets leave it out)."""
    model = KINDS[kind].model
    postings(kind).delete()
    return reindex(kind, model._base_manager.order_by("pk").iterator(chunk_size=BATCH))


def build_missing(**kwargs):
    """A post_migrate receiver: index the kinds that have records but no index yet (a site
    that had them before the search was installed). Once the index holds a kind, saves and
    deletions keep it up to date, and this costs one query per kind."""
    for kind, indexed in KINDS.items():
        if not postings(kind).exists() and indexed.model._base_manager.exists():
            rebuild(kind)


def best(queryset, query, index, limit):
    """(the `limit` best rows of `queryset` that match `query`, how many match in all): a
    fixed number of indexed queries whatever the tables' size. `index` is the kind's
    index (a model of the library's, or `postings(kind)`)."""
    parsed = search.parse(query)
    if not parsed:
        return [], 0
    scores = search.score(parsed, index)
    if not scores:
        return [], 0
    # Who may read what: the reader's queryset, narrowed by the index (a subquery per word).
    visible = list(search.matching(queryset, query, index).values_list("pk", flat=True))
    visible.sort(key=lambda pk: (-scores.get(pk, 0), -pk))
    top = visible[:limit]
    rows = queryset.in_bulk(top)
    return [rows[pk] for pk in top if pk in rows], len(visible)


def group(kind, label, queryset, query, *, index, limit, result, more_url=""):
    """A SearchGroup named `kind` of the rows of `queryset` the index `index` finds (a model
    of the library's index, or `postings(indexed kind)`): the best, each made a SearchResult
    by `result(row)`."""
    rows, total = best(queryset, query, index, limit)
    return SearchGroup(
        kind=kind,
        label=label,
        results=[result(row) for row in rows],
        total=total,
        more_url=more_url,
    )


__all__ = ["SearchResult", "group", "register"]
