"""The library page's one statement: the texts a query and filters give, the counts of every
filter's values, the total and the ids of one page, worked out by the database in one pass.

The texts that match (the search index's grouped rows, scored as documents/search.py says)
are materialised once, in a common table expression both SQLite (3.35+) and PostgreSQL
(12+) keep for the statement; each facet then counts its values among the texts that pass
every other filter. Without a query the texts come from the library's covering index and
the rows themselves are never read. Plain SQL both databases read alike: the results and
their order are the same on either.
"""

from dataclasses import dataclass, field

from django.db import connections

from . import search
from .models import LegalResource, LegalResourceTerm

FACETS = ("kind", "body", "level", "theme", "year")
COLUMNS = {"kind": "kind", "body": "body_id", "level": "level", "year": "year"}
ORDERS = {
    "relevance": "score DESC, authority, date DESC, id DESC",
    "newest": "date DESC, id DESC",
    "oldest": "date ASC, id ASC",
}


@dataclass
class Outcome:
    total: int = 0
    counts: dict = field(default_factory=dict)  # {facet: {value (str): count}}
    page: list = field(default_factory=list)  # the ids of the page, in order


def _tables():
    return {
        "texts": LegalResource._meta.db_table,
        "terms": LegalResourceTerm._meta.db_table,
        "themes": LegalResource.themes.through._meta.db_table,
    }


def _hits(query, tables, expansions):
    """SQL and parameters of the matching texts' ids with their score: one subquery per
    term, joined (each its own estimate for the planner), and the phrase's bonus. A term
    that begins a single word of the index (`expansions`) is that word: one row per text
    at most, nothing to group."""
    subqueries, params = [], []
    for index, term in enumerate(query.terms):
        condition, condition_params = term.sql()
        words = [term.word] if term.exact_only else expansions.get(index)
        if words is not None and len(words) == 1:
            forms = term.whole_forms
            subqueries.append(
                "(SELECT resource_id AS id, CASE WHEN term IN "
                f"({', '.join(['%s'] * len(forms))}) THEN 2 * weight ELSE weight END AS s "
                f"FROM {tables['terms']} WHERE term = %s AND weight <= {search.WEIGHT_TITLE})"
            )
            params += [*forms, words[0]]
            continue
        forms = term.whole_forms
        subqueries.append(
            "(SELECT resource_id AS id, MAX(CASE WHEN term IN "
            f"({', '.join(['%s'] * len(forms))}) THEN 2 * weight ELSE weight END) AS s "
            f"FROM {tables['terms']} WHERE {condition} GROUP BY resource_id)"
        )
        params += [*forms, *condition_params]
    sql = f"SELECT t0.id, {' + '.join(f't{i}.s' for i in range(len(subqueries)))}"
    if query.pairs:
        sql += " + COALESCE(p.bonus, 0)"
    sql += f" AS score FROM {subqueries[0]} t0"
    for index, subquery in enumerate(subqueries[1:], start=1):
        sql += f" JOIN {subquery} t{index} ON t{index}.id = t0.id"
    if query.pairs:
        # Integer division on both databases, as in search.phrase_bonus.
        sql += (
            " LEFT JOIN (SELECT resource_id AS id, SUM(weight) / %s AS bonus "
            f"FROM {tables['terms']} WHERE term IN ({', '.join(['%s'] * len(query.pairs))}) "
            f"AND weight >= {search.PHRASE_IN_SUMMARY} GROUP BY resource_id) p ON p.id = t0.id"
        )
        params += [len(query.pairs), *query.pairs]
    return sql, params


def _visible(query, tables, expansions, sort):
    """SQL and parameters of the visible texts (published, not in the trash) that match,
    with what the facets and the order read: columns of the library's covering index."""
    binding = sorted(LegalResource.BINDING_KINDS) if sort == "relevance" else []
    authority = (
        f"CASE WHEN r.kind IN ({', '.join(['%s'] * len(binding))}) THEN 0 ELSE 1 END"
        if binding
        else "0"
    )
    columns = "r.id, r.date, r.kind, r.level, r.body_id, r.year"
    # IN (true), not a bare boolean: SQLite's planner then reads the covering index.
    visible = "r.is_published IN (%s) AND r.deleted_at IS NULL"
    if not query:
        sql = (
            f"SELECT {columns}, 0 AS score, {authority} AS authority "
            f"FROM {tables['texts']} r WHERE {visible}"
        )
        return sql, [*binding, True]
    hits, hits_params = _hits(query, tables, expansions)
    sql = (
        f"SELECT {columns}, h.score, {authority} AS authority "
        f"FROM ({hits}) h JOIN {tables['texts']} r ON r.id = h.id WHERE {visible}"
    )
    return sql, [*binding, *hits_params, True]


def _conditions(filters, tables, skip=None):
    sql, params = [], []
    for name, value in filters.items():
        if name == skip:
            continue
        if name == "theme":
            sql.append(
                f"EXISTS (SELECT 1 FROM {tables['themes']} t "
                "WHERE t.legalresource_id = v.id AND t.theme_id = %s)"
            )
        else:
            sql.append(f"v.{COLUMNS[name]} = %s")
        params.append(value)
    return (" WHERE " + " AND ".join(sql)) if sql else "", params


def run(query, filters, sort, offset, limit, expansions=None):
    """The outcome of the library page for a parsed query, filters ({facet: value}, bodies
    and themes by id, years as numbers), a sort and the page wanted, knowing which words
    each beginning of a word stands for (search.expansions). One statement."""
    if any(words == [] for words in (expansions or {}).values()):
        return Outcome(counts={name: {} for name in FACETS})  # a term no text holds
    sql, params = statement(query, filters, sort, offset, limit, expansions)
    outcome = Outcome(counts={name: {} for name in FACETS})
    page = []
    with connections[LegalResource.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        for kind, value, number in cursor.fetchall():
            if kind == "total":
                outcome.total = number
            elif kind == "page":
                page.append((number, int(value)))
            else:
                outcome.counts[kind][value] = number
    outcome.page = [pk for _position, pk in sorted(page)]
    return outcome


def statement(query, filters, sort, offset, limit, expansions=None):
    """The SQL and parameters of `run`. With a query, the matching texts are worked out once
    (a materialised common table expression); without, each part reads the covering index
    itself, in its order (the newest page needs no sort)."""
    tables = _tables()
    visible, visible_params = _visible(query, tables, expansions or {}, sort)
    if query:
        prefix, prefix_params = f"WITH visible AS MATERIALIZED ({visible}) ", visible_params
        source, source_params = "visible v", []
    else:
        prefix, prefix_params = "", []
        source, source_params = f"({visible}) v", visible_params
    branches = []
    for name in FACETS:
        where, where_params = _conditions(filters, tables, skip=name)
        if name == "theme":
            branches.append(
                (
                    f"SELECT 'theme', CAST(t.theme_id AS VARCHAR(20)), COUNT(*) FROM {source} "
                    f"JOIN {tables['themes']} t ON t.legalresource_id = v.id{where} "
                    "GROUP BY t.theme_id",
                    [*source_params, *where_params],
                )
            )
        else:
            column = COLUMNS[name]
            branches.append(
                (
                    f"SELECT '{name}', CAST(v.{column} AS VARCHAR(20)), COUNT(*) "
                    f"FROM {source}{where} GROUP BY v.{column}",
                    [*source_params, *where_params],
                )
            )
    where, where_params = _conditions(filters, tables)
    branches.append(
        (
            f"SELECT 'total', NULL, COUNT(*) FROM {source}{where}",
            [*source_params, *where_params],
        )
    )
    # The page: the database keeps the best `limit` rows while it reads (no full sort),
    # then numbers those few in the same order.
    branches.append(
        (
            "SELECT 'page', CAST(id AS VARCHAR(20)), "
            f"ROW_NUMBER() OVER (ORDER BY {ORDERS[sort]}) FROM ("
            f"SELECT v.id, v.score, v.authority, v.date FROM {source}{where} "
            f"ORDER BY {ORDERS[sort]} LIMIT %s OFFSET %s) ranked",
            [*source_params, *where_params, limit, offset],
        )
    )
    sql = prefix + " UNION ALL ".join(branch for branch, _params in branches)
    return sql, [*prefix_params, *(p for _branch, params in branches for p in params)]
