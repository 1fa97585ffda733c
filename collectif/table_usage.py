"""What a piece of work read, and what every write changed, seen from the SQL itself, so that
cached pages are forgotten exactly when what they were made of changes.

Every statement passes through a wrapper installed on each database connection. A write names
the table it changes and, for an UPDATE, the columns it sets: their versions move
(collectif/content_versions.py) at once and again when the transaction commits. Whatever wrote
it — the admin, the member area, a task, a command, a bulk update or raw SQL — the statement is
the same. While `reading()` is active, each query's tables are collected with the columns it
names: a page that shows organisations' names does not depend on their contact details.

Where the SQL is not the ORM's plain form (an unquoted table, an alias used without quotes, an
assignment not written `"column" = …`), the whole table counts: that errs on the side of
forgetting a page too often, never too seldom."""

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

from django.apps import apps
from django.db.backends.signals import connection_created

WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REPLACE")
# Words that may follow a table's name in FROM or JOIN and are not an alias.
_NOT_ALIASES = {
    "AS",
    "CROSS",
    "EXCEPT",
    "FOR",
    "FULL",
    "GROUP",
    "HAVING",
    "INNER",
    "INTERSECT",
    "JOIN",
    "LEFT",
    "LIMIT",
    "NATURAL",
    "OFFSET",
    "ON",
    "ORDER",
    "OUTER",
    "RETURNING",
    "RIGHT",
    "SET",
    "UNION",
    "USING",
    "VALUES",
    "WHERE",
    "WINDOW",
}
# Tables whose reads add no dependency: rows whose every change comes with a write of the rows
# they describe (translation stamps, written by the save of the record they stamp), and the
# state of a visit rather than content (sessions: whoever a fragment is for is in its key).
_satellites: set[str] = set()

# table -> the columns read, or None for the whole table.
Usage = dict[str, set[str] | None]


class Reading:
    """What the queries of a block read, and when the outermost reading around it began."""

    def __init__(self, parent: "Reading | None"):
        self.usage: Usage = {}
        self.parent = parent
        self.started_ns: int = parent.started_ns if parent else time.time_ns()


_reading: ContextVar[Reading | None] = ContextVar("tables_read", default=None)


def satellite(model) -> None:
    _satellites.add(model._meta.db_table)


@cache
def _table_pattern() -> re.Pattern[str]:
    """Every table of every installed model (many-to-many and history tables included), longest
    first so that a table is not taken for another one its name begins with."""
    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    names = sorted(tables, key=len, reverse=True)
    return re.compile(r'(")?\b(' + "|".join(re.escape(name) for name in names) + r')\b(")?')


def tables_in(sql: str) -> set[str]:
    return {match[1] for match in _table_pattern().findall(sql)}


def is_write(sql: str) -> bool:
    return sql.lstrip()[:8].upper().startswith(WRITES)


def _columns_read(sql: str, table: str) -> set[str] | None:
    """The columns of `table` the statement names, or None if it may use others unseen."""
    quoted = f'"{table}"'
    if re.search(rf'(?<!")\b{table}\b(?!")', sql):
        return None
    columns = set(re.findall(rf'{quoted}\."(\w+)"', sql))
    for alias in re.findall(rf'{quoted}\s+(?:AS\s+)?"?(\w+)"?', sql, re.IGNORECASE):
        if alias.upper() in _NOT_ALIASES:
            continue
        if re.search(rf'\b{alias}\.(?!")', sql):
            return None
        columns |= set(re.findall(rf'\b"?{alias}"?\."(\w+)"', sql))
    return columns


def usage_of_read(sql: str) -> Usage:
    return {table: None if columns is None else set(columns) for table, columns in _parsed(sql)}


@lru_cache(maxsize=4096)
def _parsed(sql: str) -> tuple[tuple[str, frozenset[str] | None], ...]:
    # The ORM sends the same statements again and again, with their parameters apart.
    read = {table: _columns_read(sql, table) for table in tables_in(sql)}
    return tuple(
        (table, None if columns is None else frozenset(columns))
        for table, columns in read.items()
        if table not in _satellites
    )


def usage_of_write(sql: str) -> Usage:
    """The table an INSERT, UPDATE or DELETE changes (for an UPDATE, with the columns it sets);
    every table named, whole, for anything else."""
    match = re.match(r'\s*(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"(\w+)"', sql, re.IGNORECASE)
    if match is None or match[2] not in tables_in(match[0]):
        return dict.fromkeys(tables_in(sql))
    table = match[2]
    if match[1].upper() != "UPDATE":
        return {table: None}
    # The ORM writes each assignment `"column" = …`; its conditions name columns qualified
    # (`"table"."column"`, `U0."column"`), which the look-behind leaves out.
    columns = set(re.findall(r'(?<![."\w])"(\w+)"\s*=', sql))
    return {table: columns or None}


@contextmanager
def reading() -> Iterator[Usage]:
    """Collects what the queries run inside the block read; a block inside another one adds
    what it read to the outer block's."""
    current = Reading(_reading.get())
    token = _reading.set(current)
    try:
        yield current.usage
    finally:
        _reading.reset(token)
        if current.parent is not None:
            add(current.parent.usage, current.usage)


def current() -> Reading | None:
    return _reading.get()


def add(usage: Usage, more: Usage) -> None:
    for table, columns in more.items():
        known = usage.get(table, set())
        usage[table] = None if known is None or columns is None else known | columns


class _Wrapper:
    """One per connection: it knows its connection, for the transaction's commit."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        if not isinstance(sql, str):
            return execute(sql, params, many, context)
        if is_write(sql):
            result = execute(sql, params, many, context)
            self._written(usage_of_write(sql))
            return result
        reading = _reading.get()
        if reading is not None:
            add(reading.usage, usage_of_read(sql))
        return execute(sql, params, many, context)

    def _written(self, usage: Usage) -> None:
        from . import content_versions

        if not usage:
            return
        # At once, so that this connection's next reads (and a test's, whose transaction never
        # commits) find the pages forgotten; and on commit, so that a page rendered elsewhere
        # from the rows as they were before the commit is forgotten too.
        content_versions.move(usage)
        if self.connection.in_atomic_block:
            add(_pending(self.connection).usage, usage)


class _OnCommit:
    """What a transaction wrote, moved once more when it commits. Found again in the
    connection's commit callbacks, which Django empties on commit and on rollback."""

    def __init__(self):
        self.usage: Usage = {}

    def __call__(self):
        from . import content_versions

        content_versions.move(self.usage)


def _pending(connection) -> _OnCommit:
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _OnCommit):
            return callback
    callback = _OnCommit()
    connection.on_commit(callback, robust=True)
    return callback


def _install(sender, connection, **kwargs):
    if not any(isinstance(wrapper, _Wrapper) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.insert(0, _Wrapper(connection))


def install() -> None:
    connection_created.connect(_install, dispatch_uid="table-usage")
