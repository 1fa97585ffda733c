from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from collectif.uploads import DOCX, ODT, PDF, sniff

from . import selectors
from .forms import DocumentFilterForm, LibraryFilterForm
from .models import Document, LegalResource

CONTENT_TYPES = {
    PDF: "application/pdf",
    ODT: "application/vnd.oasis.opendocument.text",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class VisibleToUserMixin:
    """Rows this visitor may see: published legal texts (drafts for coordinators), public
    documents (members-only ones for members). Others answer 404: a members-only document
    does not reveal that it exists."""

    model = None

    def visible(self):
        return self.model.objects.visible_to(self.request.user)


def _without(query_dict, *names):
    params = query_dict.copy()
    for name in (*names, "page"):
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _with(query_dict, **values):
    """The query string with these parameters set (None: removed), back to the first page."""
    params = query_dict.copy()
    params.pop("page", None)
    for name, value in values.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


# No library has this many pages; a larger number would overflow the database's integers.
MAX_PAGE = 100_000


def _page_number(value):
    """The page asked for, as the paginator will read it (a bad one gets its 404 there)."""
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class LibraryView(ListView):
    """The law library « Droit »: search, filters with their counts, sort, pages."""

    template_name = "documents/library.html"
    context_object_name = "resources"
    paginate_by = 20

    def get_queryset(self):
        bodies, themes = selectors.library_choices()
        self.form = LibraryFilterForm(self.request.GET or None, bodies=bodies, themes=themes)
        values = self.form.valid_values() if self.form.is_bound else {}
        sort = values.get("sort", "")
        # A sort chosen for one query is kept while filters change, not for a new query.
        sorted_for = self.request.GET.get("sorted_for")
        if sorted_for is not None and sorted_for.strip() != values.get("q", ""):
            sort = ""
        self.sort_chosen = bool(sort)
        self.library = selectors.library_search(
            query=values.get("q", ""),
            filters={name: values[name] for name in selectors.FILTERS if name in values},
            sort=sort,
            bodies=bodies,
            themes=themes,
            page=_page_number(self.request.GET.get(self.page_kwarg)),
        )
        return self.library.results

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        get = self.request.GET
        active = []
        if self.library.query:
            active.append(
                {
                    "label": self.form.fields["q"].label,
                    "value": self.library.query,
                    "lang": "",
                    "remove_url": _without(get, "q"),
                }
            )
        for facet in self.library.facets:
            option = facet.selected
            if option:
                active.append(
                    {
                        "label": facet.label,
                        "value": option.label,
                        "lang": option.lang,
                        "remove_url": _without(get, facet.name),
                    }
                )
        sorts = [("relevance", _("Relevance"))] if self.library.query else []
        sorts += [("newest", _("Newest first")), ("oldest", _("Oldest first"))]
        context.update(
            form=self.form,
            facets=self.library.facets,
            query=self.library.query,
            sort=self.library.sort,
            sort_links=[
                {
                    "label": label,
                    "url": _with(get, sort=value, sorted_for=None),
                    "current": value == self.library.sort,
                }
                for value, label in sorts
            ],
            sort_chosen=self.sort_chosen,
            suggestion=self.library.suggestion,
            suggestion_url=_with(get, q=self.library.suggestion, sort=None, sorted_for=None)
            if self.library.suggestion
            else "",
            active_filters=active,
        )
        return context


LONG_TEXTS = LegalResource.LONG_TEXTS


class LegalResourceDetailView(VisibleToUserMixin, DetailView):
    model = LegalResource
    template_name = "documents/legalresource_detail.html"
    context_object_name = "resource"

    def get_queryset(self):
        return (
            self.visible()
            .select_related("body", "body__parent", "replaced_by")
            .defer(*LONG_TEXTS, *(f"replaced_by__{name}" for name in LONG_TEXTS))
            .prefetch_related("themes", "references")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource = self.object
        replacement = resource.replaced_by
        context["replacement"] = replacement if replacement and replacement.is_published else None
        current = get_language()
        versions = [
            {"code": code, "file": file, "url": url, "is_current": code == current}
            for code, file, url in resource.versions()
        ]
        versions.sort(key=lambda version: not version["is_current"])
        context["versions"] = versions
        context["related"] = selectors.related_texts(resource)
        language = current if current in ("fr", "en") else "fr"
        context["references"] = [
            {
                "scheme": reference.get_scheme_display(),
                "value": reference.display(language),
                "url": reference.link(language),
            }
            for reference in resource.references.all()
        ]
        return context


class DocumentListView(VisibleToUserMixin, ListView):
    """The collective's own documents: members see the members-only ones too."""

    model = Document
    template_name = "documents/document_list.html"
    context_object_name = "documents"
    paginate_by = 20

    def get_queryset(self):
        self.form = DocumentFilterForm(self.request.GET or None)
        values = self.form.valid_values() if self.form.is_bound else {}
        query = values.get("q", "")
        documents = self.visible().defer(*Document.LONG_TEXTS)
        documents = documents.search(query) if query else documents
        if values.get("kind"):
            documents = documents.filter(kind=values["kind"])
        return documents

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class DocumentDetailView(VisibleToUserMixin, DetailView):
    model = Document
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return self.visible()


class DocumentFileView(VisibleToUserMixin, DetailView):
    """A document's file in one language, through the same visibility rule as its page."""

    model = Document

    def get(self, request, *args, **kwargs):
        document = get_object_or_404(self.visible(), slug=kwargs["slug"])
        field_file = document.file_for(kwargs["language"])
        if not field_file:
            raise Http404
        try:
            handle = field_file.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        kind = sniff(handle)
        extension = kind or field_file.name.rsplit(".", 1)[-1]
        response = FileResponse(
            handle,
            as_attachment=kind != PDF,
            filename=f"{document.slug}-{kwargs['language']}.{extension}",
            content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
        )
        if not document.is_public:
            response["Cache-Control"] = "private, no-store"
        return response
