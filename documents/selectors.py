"""Reads of the documents app that span more than one queryset method."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from django.conf import settings
from django.db.models import Value
from django.utils.translation import gettext as _

from collectif.models import Theme
from collectif.templatetags.translated import translated

from . import library_excerpts, library_query, search, suggest
from .models import IssuingBody, LegalResource, LegalResourceTerm, SearchWord

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

# The library's filters, in the order they are shown. Each is one value at most; they combine.
FILTERS = ("kind", "body", "level", "theme", "year")
SORTS = ("relevance", "newest", "oldest")


def legal_resource_links() -> Iterator[tuple[str, str]]:
    """Link-checker source: the official links of every legal resource, drafts included."""
    rows = LegalResource.objects.values_list("title", "url_fr", "url_en", "consolidated_url")
    for title, url_fr, url_en, consolidated in rows:
        yield url_fr, _("“%(title)s”, official link (French)") % {"title": title}
        yield url_en, _("“%(title)s”, official link (English)") % {"title": title}
        yield consolidated, _("“%(title)s”, consolidated version") % {"title": title}


# What a list of related texts shows of each (documents/_related_list.html), both languages.
RELATED_FIELDS = (
    *(f"title_{code}" for code, _name in settings.LANGUAGES),
    *("slug", "date", "date_precision"),
)


def related_texts(resource: LegalResource) -> dict[str, list[LegalResource]]:
    """The published texts `resource` amends, that amend it and that it replaces, newest
    first, in one query: {"amends": [...], "amended_by": [...], "replaces": [...]}."""
    # Unordered parts: SQLite orders the union only.
    published = LegalResource.objects.published().only(*RELATED_FIELDS).order_by()
    relations = {
        "amends": published.filter(amended_by=resource),
        "amended_by": published.filter(amends=resource),
        "replaces": published.filter(replaced_by=resource),
    }
    first, *others = (texts.annotate(relation=Value(name)) for name, texts in relations.items())
    found: dict[str, list[LegalResource]] = {name: [] for name in relations}
    for text in first.union(*others, all=True).order_by("-date", "-pk"):
        found[text.relation].append(text)
    return found


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self) -> FacetOption | None:
        return next((option for option in self.options if option.selected), None)


@dataclass
class LibraryPage:
    results: object  # the ordered results (a sequence the paginator slices)
    facets: list
    query: str
    sort: str
    suggestion: str = ""


def _label(obj: Model, field_name: str) -> tuple[str, str]:
    """A translated name in the current language, else French, with the language it is in."""
    text = translated(obj, field_name)
    return text.value, (text.lang if text.is_fallback else "")


def library_choices() -> tuple[list[IssuingBody], list[Theme]]:
    """The issuing bodies and themes the library can be filtered by (two queries)."""
    return list(IssuingBody.objects.all()), list(Theme.objects.all())


class Results:
    """The ordered results of a library search, for the paginator: their number, and the
    rows of the page worked out with them (one query to load them, one more with a query
    when a result's summary holds none of its words: excerpts of the files' text), each
    with `hit`: its title, names and an excerpt with the query's words marked. Another
    slice than that page runs the search again."""

    ordered = True

    def __init__(
        self,
        outcome: library_query.Outcome,
        run: Callable[[int, int], library_query.Outcome],
        query: search.Query,
        offset: int,
    ) -> None:
        self.outcome = outcome
        self.run = run
        self.query = query
        self.offset = offset

    def count(self) -> int:
        return self.outcome.total

    __len__ = count

    @overload
    def __getitem__(self, index: int) -> LegalResource: ...
    @overload
    def __getitem__(self, index: slice) -> list[LegalResource]: ...
    def __getitem__(self, index: int | slice) -> LegalResource | list[LegalResource]:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        if start == self.offset and stop - start <= PER_PAGE:
            pks = self.outcome.page[: stop - start]
        else:
            pks = self.run(start, stop - start).page
        return self._load(pks)

    def _load(self, pks: Sequence[int]) -> list[LegalResource]:
        rows = LegalResource.objects.filter(pk__in=pks).for_list().in_bulk()
        page = [rows[pk] for pk in pks if pk in rows]
        for resource in page:
            resource.hit = None  # a list reads it on every row: set, it costs no lookup error
        if self.query:
            hits = {}
            for resource in page:
                resource.hit = hits[resource.pk] = library_excerpts.hit(resource, self.query)
            library_excerpts.add_body_excerpts(hits, self.query)
        return page


PER_PAGE = 20


def library_search(
    *,
    query: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str = "",
    bodies: list[IssuingBody] | None = None,
    themes: list[Theme] | None = None,
    page: int | str | None = 1,
) -> LibraryPage:
    """The library's results and facets: for each filter, every value with the number of
    texts it would give combined with the other filters and the query.

    Fixed cost, whatever the size of the library: one statement gives the facets, the total
    and the ids of the page (documents/library_query.py), one loads the page, one cuts its
    excerpts; « did you mean » costs up to three more when a query finds almost nothing."""
    if bodies is None or themes is None:
        bodies, themes = library_choices()
    filters = {
        name: str(value) for name, value in (filters or {}).items() if value not in (None, "")
    }
    parsed = search.parse(query)
    if sort not in SORTS or (sort == "relevance" and not parsed.text):
        sort = "relevance" if parsed.text else "newest"
    body_ids = {body.slug: body.pk for body in bodies}
    theme_ids = {theme.slug: theme.pk for theme in themes}
    by_id = {}
    for name, value in filters.items():
        if name == "body":
            by_id[name] = body_ids.get(value, 0)
        elif name == "theme":
            by_id[name] = theme_ids.get(value, 0)
        elif name == "year":
            by_id[name] = int(value)
        else:
            by_id[name] = value

    expansions = search.expansions(parsed, SearchWord) if parsed else {}

    def run(offset: int, limit: int) -> library_query.Outcome:
        if parsed.text and not parsed:
            return library_query.Outcome(counts={name: {} for name in FILTERS})
        return library_query.run(parsed, by_id, sort, offset, limit, expansions)

    offset = (max(int(page or 1), 1) - 1) * PER_PAGE
    outcome = run(offset, PER_PAGE)
    # The facets count bodies and themes by id: back to the slugs the page shows.
    slugs = {
        "body": {str(body.pk): body.slug for body in bodies},
        "theme": {str(theme.pk): theme.slug for theme in themes},
    }
    counts = {
        name: {
            slugs[name].get(value, value) if name in slugs else value: n
            for value, n in values.items()
        }
        for name, values in outcome.counts.items()
    }
    suggestion = ""
    if parsed and outcome.total < suggest.SUGGEST_BELOW:
        base = _filtered(LegalResource.objects.published(), filters)
        suggestion = _suggestion(parsed, expansions, base, outcome.total)
    return LibraryPage(
        results=Results(outcome, run, parsed, offset),
        facets=_facets(counts, filters, bodies, themes),
        query=parsed.text,
        sort=sort,
        suggestion=suggestion,
    )


def _suggestion(
    parsed: search.Query,
    expansions: Mapping[int, list[str] | None],
    base: QuerySet[LegalResource],
    found: int,
) -> str:
    """A corrected query that finds more texts than `found` with the same filters (`base`),
    or ""."""
    corrected = suggest.correction(parsed, expansions, SearchWord)
    if not corrected:
        return ""
    candidates = search.term_scores(search.parse(corrected), LegalResourceTerm)
    if not candidates:
        return ""
    return corrected if base.filter(pk__in=list(candidates)).count() > found else ""


def _filtered(base: QuerySet[LegalResource], filters: Mapping[str, str]) -> QuerySet[LegalResource]:
    """The visible texts that pass the filters (slugs and values as in the address)."""
    lookups = {"body": "body__slug", "theme": "themes__slug", "year": "year"}
    for name, value in filters.items():
        base = base.filter(**{lookups.get(name, name): value})
    return base.distinct()


def _facets(
    counts: Mapping[str, Mapping[str, int]],
    filters: Mapping[str, str],
    bodies: Iterable[IssuingBody],
    themes: Iterable[Theme],
) -> list[Facet]:
    def option(value: object, label: str, name: str, lang: str = "") -> FacetOption:
        value = str(value)
        return FacetOption(
            value=value,
            label=label,
            count=counts[name].get(value, 0),
            selected=filters.get(name) == value,
            lang=lang,
        )

    body_options = []
    for body in bodies:
        name, lang = _label(body, "name")
        acronym, _lang = _label(body, "acronym")
        label = f"{acronym} — {name}" if acronym and acronym != name else name
        body_options.append((body.slug, label, lang))
    body_options.sort(key=lambda item: item[1].casefold())
    theme_options = [(theme.slug, *_label(theme, "name")) for theme in themes]
    years = set(counts["year"])
    if "year" in filters:
        years.add(filters["year"])
    return [
        Facet(
            "kind",
            _("Kind"),
            [option(v, str(label), "kind") for v, label in LegalResource.Kind.choices],
        ),
        Facet(
            "body",
            _("Issuing body"),
            [option(s, label, "body", lang) for s, label, lang in body_options],
        ),
        Facet(
            "level",
            _("Level"),
            [option(v, str(label), "level") for v, label in LegalResource.Level.choices],
        ),
        Facet(
            "theme",
            _("Theme"),
            [option(s, label, "theme", lang) for s, label, lang in theme_options],
        ),
        Facet(
            "year",
            _("Year"),
            [option(y, y, "year") for y in sorted(years, key=int, reverse=True)],
        ),
    ]
