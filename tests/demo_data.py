"""The demo as test data, at a fraction of its cost.

`manage.py load_demo` takes seconds, and dozens of tests start from it (nearly every browser
test). `load_demo()` runs the command for real the first time in a test process, and keeps what
it changed: the rows of every table and the uploaded files. A later test whose database is in
the state the first one's was in (same rows, content types and permissions compared by natural
key, since a flush renumbers them), on the same day and in the same kind of transaction, gets
those rows and files back in one go. Anything else (other rows already there, another day, a
command that sent mail) runs the command for real. The tests of the command itself call it.
"""

import atexit
import io
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

# (day, in a transaction) -> the snapshots taken that day, each from a database state of its own.
_snapshots = {}
SNAPSHOTS_PER_DAY = 3


def load_demo():
    """What `manage.py load_demo` does to the database and the uploaded files."""
    # Inside a test's transaction, hooks run at commit never run; outside, they do.
    key = (timezone.localdate(), connection.in_atomic_block)
    before = _State.read()
    fingerprint = before.fingerprint()
    snapshots = _snapshots.setdefault(key, [])
    for snapshot in snapshots:
        if snapshot.applies_to(fingerprint):
            snapshot.restore(before)
            return
    outbox = len(getattr(mail, "outbox", []))
    pristine = not any(_has_files(folder) for folder in _media_folders())
    call_command("load_demo", stdout=io.StringIO())
    mailed = len(getattr(mail, "outbox", [])) != outbox
    if pristine and not mailed and len(snapshots) < SNAPSHOTS_PER_DAY:
        snapshot = _Snapshot.take(before, fingerprint, _State.read())
        if snapshot is not None:
            snapshots.append(snapshot)


def _media_folders():
    return [Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)]


def _has_files(folder):
    return folder.exists() and any(path.is_file() for path in folder.rglob("*"))


def _plain(value):
    """A value read from the database, hashable."""
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, list):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return value


class _Table:
    def __init__(self, model):
        self.model = model
        self.name = model._meta.db_table
        self.fields = list(model._meta.concrete_fields)
        self.columns = [field.column for field in self.fields]
        # Content types and permissions are made again, with new ids, after each flush; so are
        # the rows of the tables between two models (a group's permissions...): those ids are
        # never compared nor copied.
        renumbered = model in (ContentType, Permission) or model._meta.auto_created
        self.pk = None if renumbered else model._meta.pk.column
        self.references = {
            index: field.related_model
            for index, field in enumerate(self.fields)
            if field.is_relation and field.related_model in (ContentType, Permission)
        }

    def select(self):
        columns = ", ".join(connection.ops.quote_name(column) for column in self.columns)
        return f"SELECT {columns} FROM {connection.ops.quote_name(self.name)}"  # noqa: S608


def _tables():
    return [
        _Table(model)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


class _State:
    """Every row of every table, with ids of content types and permissions as natural keys."""

    def __init__(self, rows):
        self.rows = rows  # table name -> list of rows as read
        types = {row[0]: (row[1], row[2]) for row in rows[ContentType._meta.db_table]}
        self.natural = {
            ContentType: types,
            Permission: {
                row[0]: (row[3], types[row[2]]) for row in rows[Permission._meta.db_table]
            },
        }
        self.ids = {
            model: {key: id_ for id_, key in keys.items()} for model, keys in self.natural.items()
        }

    @classmethod
    def read(cls):
        rows = {}
        with connection.cursor() as cursor:
            for table in _tables():
                cursor.execute(table.select())
                rows[table.name] = [tuple(map(_plain, row)) for row in cursor.fetchall()]
        return cls(rows)

    def portable(self, table, row):
        """The row with its references to content types and permissions as natural keys, and
        without its id when that id is renumbered."""
        values = list(row)
        for index, model in table.references.items():
            if values[index] is not None:
                values[index] = self.natural[model][values[index]]
        if table.pk is None:
            del values[table.columns.index(table.model._meta.pk.column)]
        return tuple(values)

    def fingerprint(self):
        return {
            table.name: Counter(self.portable(table, row) for row in self.rows[table.name])
            for table in _tables()
        }


class _Snapshot:
    def __init__(self, fingerprint, after, deleted, inserted):
        self.fingerprint = fingerprint
        self.after = after
        self.after_fingerprint = after.fingerprint()
        self.deleted, self.inserted = deleted, inserted
        self.verified = False
        self.files = Path(tempfile.mkdtemp(prefix="demo-files-"))
        atexit.register(shutil.rmtree, self.files, True)
        for index, folder in enumerate(_media_folders()):
            if folder.exists():
                shutil.copytree(folder, self.files / str(index))

    @classmethod
    def take(cls, before, fingerprint, after):
        """What the command changed between `before` and `after`; None if it made content types
        or permissions (never replayed)."""
        changed = after.fingerprint()
        deleted, inserted = {}, {}
        for table in _tables():
            if table.pk is None:
                old, new = fingerprint[table.name], changed[table.name]
                if table.model in (ContentType, Permission) and old != new:
                    return None
                deleted[table.name] = list((old - new).elements())
                inserted[table.name] = list((new - old).elements())
            else:
                pk = table.columns.index(table.pk)
                old = {row[pk]: row for row in before.rows[table.name]}
                new = {row[pk]: row for row in after.rows[table.name]}
                deleted[table.name] = [key for key, row in old.items() if new.get(key) != row]
                inserted[table.name] = [row for key, row in new.items() if old.get(key) != row]
        return cls(fingerprint, after, deleted, inserted)

    def applies_to(self, fingerprint):
        return fingerprint == self.fingerprint and not any(
            _has_files(folder) for folder in _media_folders()
        )

    def restore(self, state):
        touched = []
        with transaction.atomic(), connection.cursor() as cursor:
            for table in _tables():
                deleted, inserted = self.deleted[table.name], self.inserted[table.name]
                if not deleted and not inserted:
                    continue
                touched.append(table.model)
                quote = connection.ops.quote_name
                if table.pk is None:
                    columns = [c for c in table.columns if c != table.model._meta.pk.column]
                    rows = [self._local(table, state, row, portable=True) for row in inserted]
                    for row in deleted:
                        where = " AND ".join(f"{quote(c)} = %s" for c in columns)
                        cursor.execute(
                            f"DELETE FROM {quote(table.name)} WHERE {where}",  # noqa: S608
                            self._local(table, state, row, portable=True),
                        )
                else:
                    # Generated columns are computed by the database from the others.
                    kept = [i for i, field in enumerate(table.fields) if not field.generated]
                    columns = [table.columns[i] for i in kept]
                    rows = [self._local(table, state, row) for row in inserted]
                    rows = [[row[i] for i in kept] for row in rows]
                    for start in range(0, len(deleted), 500):
                        keys = deleted[start : start + 500]
                        cursor.execute(
                            f"DELETE FROM {quote(table.name)} WHERE {quote(table.pk)} IN "  # noqa: S608
                            f"({', '.join(['%s'] * len(keys))})",
                            keys,
                        )
                if rows:
                    cursor.executemany(
                        f"INSERT INTO {quote(table.name)} "  # noqa: S608
                        f"({', '.join(quote(c) for c in columns)}) "
                        f"VALUES ({', '.join(['%s'] * len(columns))})",
                        rows,
                    )
            for statement in connection.ops.sequence_reset_sql(no_style(), touched):
                cursor.execute(statement)
        for index, folder in enumerate(_media_folders()):
            if (self.files / str(index)).exists():
                shutil.copytree(self.files / str(index), folder, dirs_exist_ok=True)
        # Whatever the command's own invalidation forgets, nothing cached survives it.
        cache.clear()
        if not self.verified:  # the first copy is read back: the same rows as the command's
            assert _State.read().fingerprint() == self.after_fingerprint, "demo copy differs"
            self.verified = True

    def _local(self, table, state, row, *, portable=False):
        """The row with this database's ids of content types and permissions."""
        if not portable:
            row = list(row)
            for index, model in table.references.items():
                if row[index] is not None:
                    row[index] = state.ids[model][self.after.natural[model][row[index]]]
            return row
        values = list(row)
        references = {
            index - (index > table.columns.index(table.model._meta.pk.column)): model
            for index, model in table.references.items()
        }
        for index, model in references.items():
            if values[index] is not None:
                values[index] = state.ids[model][values[index]]
        return values
