"""Versions of the tables and columns, kept in the shared cache, that move whenever they are
written (collectif/table_usage.py): what was made from them is still good while their versions
are those it was made with.

Each table has a version that moves with any write to it; each column one that moves when an
UPDATE sets it; and each table a "rows" version that moves when rows come or go (or a write
that cannot be read column by column). Something made from some columns of a table is still
good if the table's version did not move, or, if it did, if neither those columns nor the rows
did: checking it costs one round trip while nothing changed, two after a write elsewhere in the
table.

A version is the time of the write in nanoseconds plus a random tail: never the same twice,
even after the cache lost it (a lost version reads as None, unlike any kept one), and telling
how recent the write is. The cache being shared, a write through one server is seen by all."""

import logging
import secrets
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from . import table_usage
from .table_usage import Usage

logger = logging.getLogger(__name__)

PREFIX = "content-version:"
ROWS = "(rows)"  # not a column name: the rows' version of a table
EVERYTHING = PREFIX + "(everything)"
MISSING = object()
# The tables each key was made from the last time this process kept it: fetched with the
# value, so that a value served from the cache costs one round trip. Bounded; losing it only
# costs a second round trip.
_TABLES_OF: dict[str, tuple[str, ...]] = {}
_TABLES_OF_LIMIT = 5000


def key(table: str, column: str | None = None) -> str:
    return f"{PREFIX}{table}" if column is None else f"{PREFIX}{table}.{column}"


def new_version() -> int:
    return time.time_ns() * 1000 + secrets.randbelow(1000)


def move(usage: Usage) -> None:
    """These tables (and columns) were written. A cache that cannot be reached is left as it
    is: the write already happened, and no page is served from an unreachable cache anyway."""
    version = new_version()
    versions = {}
    for table, columns in usage.items():
        versions[key(table)] = version
        for column in columns if columns is not None else (ROWS,):
            versions[key(table, column)] = version
    if not versions:
        return
    try:
        cache.set_many(versions, timeout=None)
    except Exception:
        logger.warning("Content versions not moved for %s", sorted(usage), exc_info=True)


def move_all() -> None:
    """Everything may have changed (a restored backup, a demo reloaded): what was kept, whatever
    it was made from (nothing at all, maybe), depends on this version too."""
    try:
        cache.set(EVERYTHING, new_version(), timeout=None)
    except Exception:
        logger.warning("Content versions not moved", exc_info=True)


def _settled(versions, *, since_ns: int) -> bool:
    """Whether nothing was written from `since_ns` until now, allowing for the clocks of the
    servers sharing the cache being CONTENT_VERSIONS_CLOCK_SKEW_MS apart."""
    threshold = (since_ns - settings.CONTENT_VERSIONS_CLOCK_SKEW_MS * 1_000_000) * 1000
    return all(not isinstance(v, int) or v < threshold for v in versions)


def _detail_keys(table: str, columns) -> list[str]:
    return [key(table, ROWS), *(key(table, column) for column in columns)]


def lookup(cache_key: str):
    """The value kept under `cache_key` if nothing it was made from was written since, else
    MISSING."""
    found = _lookup(cache_key)
    return found if found is MISSING else found[0]


def _lookup(cache_key: str):
    """(value, what it was made from) if still good, else MISSING."""
    remembered = _TABLES_OF.get(cache_key, ())
    found = cache.get_many([cache_key, EVERYTHING, *map(key, remembered)])
    entry = found.get(cache_key)
    if entry is None:
        return MISSING
    dependencies, everything, expires_at, value = entry
    if found.get(EVERYTHING) != everything:
        return MISSING
    unseen = [key(table) for table in dependencies if table not in remembered]
    if unseen:
        found |= cache.get_many(unseen)
        _remember_tables(cache_key, dependencies)
    moved = {
        table: detail
        for table, (version, detail) in dependencies.items()
        if found.get(key(table)) != version
    }
    if not moved:
        return value, dependencies
    if any(detail is None for detail in moved.values()):
        return MISSING
    # Written elsewhere in these tables: still good if none of the columns read was.
    details = cache.get_many(
        [k for table, detail in moved.items() for k in _detail_keys(table, detail)]
    )
    for table, detail in moved.items():
        expected = {key(table, ROWS): detail[ROWS]} | {
            key(table, column): version for column, version in detail.items() if column != ROWS
        }
        if any(details.get(k) != v for k, v in expected.items()):
            return MISSING
    # Kept again with the tables' new versions: the next look costs one round trip again.
    seconds = int(expires_at - time.time())
    if seconds > 0:
        for table in moved:
            dependencies[table] = (found.get(key(table)), dependencies[table][1])
        cache.set(cache_key, (dependencies, everything, expires_at, value), seconds)
    return value, dependencies


def keep(cache_key: str, value, *, usage: Usage, started_ns: int, seconds: int) -> None:
    """Keep `value`, made from `usage` by work that started at `started_ns` (time.time_ns()),
    unless something it read was written meanwhile: it may have been read as it was before."""
    wanted = [EVERYTHING, *(key(table) for table in usage)]
    for table, columns in usage.items():
        if columns is not None:
            wanted += _detail_keys(table, columns)
    found = cache.get_many(wanted)
    if not _settled(found.values(), since_ns=started_ns):
        return
    dependencies = {
        table: (
            found.get(key(table)),
            None
            if columns is None
            else {ROWS: found.get(key(table, ROWS))}
            | {column: found.get(key(table, column)) for column in columns},
        )
        for table, columns in usage.items()
    }
    entry = (dependencies, found.get(EVERYTHING), time.time() + seconds, value)
    cache.set(cache_key, entry, seconds)
    _remember_tables(cache_key, dependencies)


def cached(cache_key: str, compute: Callable[[], Any], *, seconds: int):
    """compute(), kept while nothing it read is written (and `seconds` at most; 0: not
    kept, and the cache not asked). Inside a reading (a request's, collectif/page_cache.py),
    what the request read before counts as read by compute() (the objects it was given were
    loaded then), and what compute() read, or was made from when kept, counts for the request."""
    if seconds <= 0:
        return compute()
    outer = table_usage.current()
    found = _lookup(cache_key)
    if found is not MISSING:
        value, dependencies = found
        if outer is not None:
            table_usage.add(outer.usage, _usage_of(dependencies))
        return value
    before = {t: None if c is None else set(c) for t, c in outer.usage.items()} if outer else {}
    started_ns = outer.started_ns if outer else time.time_ns()
    with table_usage.reading() as usage:
        value = compute()
    table_usage.add(before, usage)
    keep(cache_key, value, usage=before, started_ns=started_ns, seconds=seconds)
    return value


def _usage_of(dependencies) -> Usage:
    return {
        table: None if detail is None else set(detail) - {ROWS}
        for table, (_version, detail) in dependencies.items()
    }


def _remember_tables(cache_key, dependencies):
    if len(_TABLES_OF) >= _TABLES_OF_LIMIT:
        _TABLES_OF.clear()
    _TABLES_OF[cache_key] = tuple(dependencies)
