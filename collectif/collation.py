"""Lists sorted as a French reader expects: case and accents ignored, so that « Secours
Catholique » comes before « SOS Esclaves » and « École » among the E's.

The database sorts with a collation named `french` on both engines: on PostgreSQL an ICU
collation made by migration collectif 0010 (`fr-u-ks-level1`: letters only, case and accents
ignored); on SQLite a Python function registered on every new connection, with the same key as
`sort_key` (which sorts lists in Python the same way).
"""

import unicodedata

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.functions import Collate

NAME = "french"
# Letters NFKD does not take apart; the typographic apostrophe sorts as the plain one.
_SPELLED_OUT = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ß": "ss"})


def sort_key(text):
    """`text` as the collation compares it."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").translate(_SPELLED_OUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def collated(field):
    """`field` in the French order, for `order_by()` and `Meta.ordering`."""
    return Collate(field, NAME)


def _compare(left, right):
    left, right = sort_key(left), sort_key(right)
    return (left > right) - (left < right)


def _register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(NAME, _compare)


def install():
    connection_created.connect(_register_on_sqlite, dispatch_uid="french-collation")
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            _register_on_sqlite(None, connection)
