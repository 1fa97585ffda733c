"""The site-wide search: each app gives its kinds of results through `registry.search_sources`
(functions `(query, *, user, limit) -> SearchGroup | Deferred | None`); this module only
gathers them. The matching itself is the library's engine (documents/search.py,
documents/site_index.py), whose groups come `Deferred`: their kind resolves them together, in
a few queries for every kind at once rather than a few per kind."""

import datetime
from dataclasses import dataclass, field

from . import registry

# Fewer characters than this cannot say what to look for.
MIN_QUERY_LENGTH = 2
# Longer queries are cut: the engine reads twelve words at most anyway.
MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 5


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: str = ""
    date: datetime.date | None = None


@dataclass(frozen=True)
class SearchGroup:
    """One kind of results: its heading, its best results, how many match in all, and the
    kind's own search with the same query, where it has one."""

    kind: str
    label: str
    results: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""


class Deferred:
    """A group not looked up yet: `resolve_many` of its class turns a list of them (all of
    that class) into their SearchGroups, in order."""

    @classmethod
    def resolve_many(cls, deferred):
        raise NotImplementedError


def clean_query(text):
    """The query as the engine reads it: control characters dropped, spaces joined, cut."""
    text = "".join(char if char.isprintable() else " " for char in text or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(query, *, user, limit=RESULTS_PER_KIND):
    """The groups that have results for this reader, in the registry's order."""
    groups = [source(query, user=user, limit=limit) for source in registry.search_sources]
    by_kind: dict[type, list[int]] = {}
    for position, group in enumerate(groups):
        if isinstance(group, Deferred):
            by_kind.setdefault(type(group), []).append(position)
    for kind, positions in by_kind.items():
        resolved = kind.resolve_many([groups[position] for position in positions])
        for position, group in zip(positions, resolved, strict=True):
            groups[position] = group
    return [group for group in groups if group and group.total]
