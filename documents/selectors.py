"""Reads of the documents app that span more than one queryset method."""

from dataclasses import dataclass, field

from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from collectif.models import Theme
from collectif.templatetags.translated import translated

from .models import IssuingBody, LegalResource

# The library's filters, in the order they are shown. Each is one value at most; they combine.
FILTERS = ("kind", "body", "level", "theme", "year")
SORTS = ("relevance", "newest", "oldest")


def legal_resource_links():
    """Link-checker source: the official links of every legal resource, drafts included."""
    rows = LegalResource.objects.values_list("title", "url_fr", "url_en", "consolidated_url")
    for title, url_fr, url_en, consolidated in rows:
        yield url_fr, _("« %(title)s », official link (French)") % {"title": title}
        yield url_en, _("« %(title)s », official link (English)") % {"title": title}
        yield consolidated, _("« %(title)s », consolidated version") % {"title": title}


def _apply(queryset, filters, *, skip=None):
    for name, value in filters.items():
        if name == skip or value in (None, ""):
            continue
        if name == "body":
            queryset = queryset.filter(body__slug=value)
        elif name == "theme":
            queryset = queryset.filter(themes__slug=value)
        elif name == "year":
            queryset = queryset.filter(date__year=value)
        else:
            queryset = queryset.filter(**{name: value})
    return queryset


def _counts(queryset, name):
    """How many texts each value of one filter would give: one aggregate query."""
    queryset = queryset.order_by()
    if name == "year":
        rows = (
            queryset.annotate(value=ExtractYear("date"))
            .values("value")
            .annotate(n=Count("pk", distinct=True))
        )
    else:
        lookup = {"body": "body__slug", "theme": "themes__slug"}.get(name, name)
        rows = (
            queryset.annotate(value=F(lookup))
            .values("value")
            .annotate(n=Count("pk", distinct=True))
        )
    return {row["value"]: row["n"] for row in rows if row["value"] is not None}


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
    def selected(self):
        return next((option for option in self.options if option.selected), None)


@dataclass
class LibraryPage:
    results: object  # the ordered queryset of the matching texts
    facets: list
    query: str
    sort: str


def _label(obj, field_name):
    """A translated name in the current language, else French, with the language it is in."""
    text = translated(obj, field_name)
    return text.value, (text.lang if text.is_fallback else "")


def library_choices():
    """The issuing bodies and themes the library can be filtered by (two queries)."""
    return list(IssuingBody.objects.all()), list(Theme.objects.all())


def library_search(*, query="", filters=None, sort="", bodies=None, themes=None):
    """The library's result list and its facets: for each filter, every value with the number
    of texts it would give combined with the other filters and the query.

    Fixed cost: two lists (bodies, themes) and one aggregate query per filter; the results
    themselves are a lazy queryset (counted and sliced by the paginator)."""
    filters = {name: value for name, value in (filters or {}).items() if value not in (None, "")}
    base = LegalResource.objects.published()
    matched = base.matching(query)
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = "relevance" if query else "newest"
    if sort == "relevance":
        results = _apply(base.search(query), filters)
    else:
        results = _apply(matched, filters).order_by(
            "-date" if sort == "newest" else "date", "-pk" if sort == "newest" else "pk"
        )
    results = results.for_list()

    counts = {name: _counts(_apply(matched, filters, skip=name), name) for name in FILTERS}
    selected = {name: str(value) for name, value in filters.items()}

    def option(value, label, name, lang=""):
        value = str(value)
        return FacetOption(
            value=value,
            label=label,
            count=counts[name].get(value if name != "year" else int(value), 0),
            selected=selected.get(name) == value,
            lang=lang,
        )

    if bodies is None or themes is None:
        bodies, themes = library_choices()
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
        years.add(int(filters["year"]))

    facets = [
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
        Facet("year", _("Year"), [option(y, str(y), "year") for y in sorted(years, reverse=True)]),
    ]
    return LibraryPage(results=results, facets=facets, query=query, sort=sort)
