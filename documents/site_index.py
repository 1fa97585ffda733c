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

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save

from collectif.models import SiteSearchTerm
from collectif.site_search import Deferred, SearchGroup, SearchResult

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


@dataclass(frozen=True)
class PendingGroup(Deferred):
    """A kind's group of results, looked up with the other kinds' (`resolve`)."""

    kind: str
    label: Any
    queryset: Any
    query: str
    index: Any
    limit: int
    result: Callable
    more_url: str = ""

    @classmethod
    def resolve_many(cls, deferred):
        return resolve(deferred)


def group(kind, label, queryset, query, *, index, limit, result, more_url=""):
    """The group named `kind` of the rows of `queryset` the index `index` finds (a model of
    the library's index, or `postings(indexed kind)`): the best `limit`, each made a
    SearchResult by `result(row)`. Deferred: collectif.site_search resolves every kind's group
    together."""
    return PendingGroup(kind, label, queryset, query, index, limit, result, more_url)


def resolve(pending):
    """The SearchGroups of `pending`, in order, in a fixed number of queries whatever the
    number of kinds and rows: the scores of every kind in one statement (and the phrase
    bonuses in another, for a query of several words), the rows each kind's reader may see in
    one, then the best rows of each kind that has any."""
    groups = {}
    by_query: dict[str, list[PendingGroup]] = {}
    for each in pending:
        by_query.setdefault(each.query, []).append(each)
    for text, same in by_query.items():
        groups.update(_resolve_one_query(search.parse(text), same))
    return [groups[id(each)] for each in pending]


def _resolve_one_query(parsed, pending):
    empty = {id(each): _group(each, [], 0) for each in pending}
    if not parsed:
        return empty
    terms, bonus = [], []
    for each in pending:
        rows, names = search.term_scores_rows(parsed, each.index)
        terms.append(_statement(rows, ["resource", *names]))
        pairs = search.phrase_bonus_rows(parsed, each.index)
        bonus.append(_statement(pairs, ["resource", "total"]) if pairs is not None else None)
    term_rows = _union_by_statement(terms)
    bonus_rows = _union_by_statement([pairs for pairs in bonus if pairs])
    scores = {}
    for each, term, pairs in zip(pending, terms, bonus, strict=True):
        found = {row[0]: row[1:] for row in term_rows[term]}
        scores[id(each)] = search.combined(
            found, search.bonuses(parsed, bonus_rows[pairs]) if pairs else {}
        )
    # Who may read what: each reader's queryset, narrowed by the index (a subquery per word).
    scored = [each for each in pending if scores[id(each)]]
    readable = {
        id(each): _statement(
            search.matching(each.queryset, each.query, each.index).values_list("pk").order_by(),
            ["pk"],
        )
        for each in scored
    }
    visible = _union_by_statement(list(readable.values()))
    groups = dict(empty)
    for each in scored:
        kind_scores = scores[id(each)]
        pks = [row[0] for row in visible[readable[id(each)]]]
        pks.sort(key=lambda pk: (-kind_scores.get(pk, 0), -pk))
        top = pks[: each.limit]
        rows = each.queryset.in_bulk(top) if top else {}
        groups[id(each)] = _group(each, [rows[pk] for pk in top if pk in rows], len(pks))
    return groups


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: tuple
    columns: tuple
    database: str


def _statement(queryset, columns):
    """`queryset`'s SQL, to be read as `columns` (the names of its selected columns)."""
    sql, params = queryset.query.sql_with_params()
    return _Statement(sql, tuple(params), tuple(columns), queryset.db)


def _union_by_statement(statements):
    """{statement: its rows} for several statements read in one query (UNION ALL, each row
    tagged with its statement's position); the same statement twice is read once."""
    distinct = list(dict.fromkeys(statements))
    if not distinct:
        return {}
    (database,) = {statement.database for statement in distinct}
    connection = connections[database]
    quote = connection.ops.quote_name
    parts, params = [], []
    for position, statement in enumerate(distinct):
        alias = f"t{position}"
        columns = ", ".join(f"{alias}.{quote(column)}" for column in statement.columns)
        # The ORM's own SQL, its values passed as parameters: nothing of the query is in it.
        parts.append(f"SELECT {position} AS tag, {columns} FROM ({statement.sql}) {alias}")  # noqa: S608
        params.extend(statement.params)
    found: dict[_Statement, list] = {statement: [] for statement in distinct}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for tag, *row in cursor.fetchall():
            found[distinct[tag]].append(tuple(row))
    return found


def _group(each, rows, total):
    return SearchGroup(
        kind=each.kind,
        label=each.label,
        results=[each.result(row) for row in rows],
        total=total,
        more_url=each.more_url,
    )


__all__ = ["SearchResult", "group", "register"]
