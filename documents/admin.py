from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from collectif.admin import ReadOnlyAdminMixin
from collectif.imports import SpreadsheetAdminMixin
from collectif.locking import VersionedAdminMixin
from collectif.partial_dates import PartialDateField
from collectif.trash import TrashAdminMixin

from . import services
from .imports import LegalResourceImporter
from .models import (
    CHECK_INTERVAL,
    Document,
    IssuingBody,
    LegalReference,
    LegalResource,
    LinkCheck,
)


class NeedsCheckFilter(admin.SimpleListFilter):
    title = _("checked to be current")
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Not checked for 12 months")),
            ("recent", _("Checked within 12 months")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.needs_check()
        if self.value() == "recent":
            return queryset.filter(last_checked__gte=timezone.localdate() - CHECK_INTERVAL)
        return queryset


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("missing", _("English missing"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.missing_translation()
        return queryset


class BrokenLinkFilter(admin.SimpleListFilter):
    title = _("official links")
    parameter_name = "links"

    def lookups(self, request, model_admin):
        return [("broken", _("A link is broken"))]

    def queryset(self, request, queryset):
        if self.value() == "broken":
            return queryset.with_broken_link()
        return queryset


@admin.register(IssuingBody)
class IssuingBodyAdmin(TabbedTranslationAdmin):
    title_gender = "feminine"  # « une institution »: its titles (collectif/admin_titles.py)
    list_display = ["name", "acronym", "slug", "parent"]
    search_fields = ["name_fr", "name_en", "acronym_fr", "acronym_en", "slug"]
    prepopulated_fields = {"slug": ["acronym_fr"]}
    autocomplete_fields = ["parent"]


class LegalResourceAdminForm(forms.ModelForm):
    """The date is typed with what is known of it (« 2012 », « 11/2000 », « 15/11/2000 »):
    its precision follows."""

    date = PartialDateField(
        label=LegalResource._meta.get_field("date").verbose_name,
        help_text=LegalResource._meta.get_field("date").help_text,
    )

    class Meta:
        model = LegalResource
        fields = ["date"]  # the admin gives the others (its fieldsets)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.date and not self.is_bound:
            self.initial["date"] = self.instance.partial_date

    def clean(self):
        cleaned = super().clean()
        typed = cleaned.get("date")
        if typed is not None:
            cleaned["date"] = typed.first_day
            self.instance.date_precision = typed.precision
        return cleaned


class LegalReferenceInline(admin.TabularInline):
    model = LegalReference
    extra = 1
    fields = ["scheme", "value", "position"]


@admin.register(LegalResource)
class LegalResourceAdmin(
    SpreadsheetAdminMixin, TrashAdminMixin, VersionedAdminMixin, TabbedTranslationAdmin
):
    form = LegalResourceAdminForm
    inlines = [LegalReferenceInline]
    importer_class = LegalResourceImporter
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "title",
        "kind",
        "body",
        "level",
        "shown_date",
        "status",
        "is_published",
        "last_checked",
    ]
    list_filter = [
        NeedsCheckFilter,
        BrokenLinkFilter,
        MissingTranslationFilter,
        "is_published",
        "kind",
        "level",
        "status",
        "body",
        "themes",
    ]
    list_select_related = ["body"]
    search_fields = [
        "title_fr",
        "title_en",
        "common_names_fr",
        "common_names_en",
        "references__value",
        "slug",
    ]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["body", "themes", "amends", "replaced_by"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    actions = ["mark_checked"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "common_names",
                    "slug",
                    "summary",
                    "kind",
                    "body",
                    "level",
                    "date",
                    "themes",
                ]
            },
        ),
        (
            _("Dates of the treaty"),
            {"fields": ["entry_into_force", "france_signature", "france_ratification"]},
        ),
        (_("Files and official links"), {"fields": ["file_fr", "url_fr", "file_en", "url_en"]}),
        (
            _("Legal status"),
            {"fields": ["status", "consolidated_url", "amends", "replaced_by", "last_checked"]},
        ),
        (
            _("Publication"),
            {"fields": ["is_published", "published_at", "created_at", "updated_at"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        services.legal_resource_save(resource=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The references are saved after the text: the search index follows them.
        services.legal_resource_reindex(resource=form.instance)

    @admin.display(description=_("date"), ordering="date")
    def shown_date(self, obj):
        return obj.partial_date

    @admin.action(description=_("Mark as checked today"), permissions=["change"])
    def mark_checked(self, request, queryset):
        count = services.legal_resources_mark_checked(queryset=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d text marked as checked today.",
                "%(count)d texts marked as checked today.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class CurrentFile(str):
    """A stored file's name, with the address the admin's widget links it to."""

    def __new__(cls, name, url):
        current = super().__new__(cls, name)
        current.url = url
        return current


class PrivateFileWidget(AdminFileWidget):
    """The admin's file input for the collective's documents. Their storage has no public
    address (asking a file's URL fails, and failed the whole change page): the current file
    links to the download view instead, which checks who may read it."""

    download_url = ""

    def is_initial(self, value):
        return bool(value)

    def format_value(self, value):
        return CurrentFile(value.name, self.download_url) if self.is_initial(value) else None


@admin.register(Document)
class DocumentAdmin(VersionedAdminMixin, TabbedTranslationAdmin):
    list_display = ["title", "kind", "date", "visibility"]
    list_filter = ["visibility", "kind"]
    search_fields = ["title_fr", "title_en", "slug"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_fr"]}
    readonly_fields = ["published_at", "created_at", "updated_at"]
    fields = [
        "title",
        "slug",
        "kind",
        "date",
        "visibility",
        "summary",
        "file_fr",
        "file_en",
        "published_at",
        "created_at",
        "updated_at",
    ]

    formfield_overrides = {models.FileField: {"widget": PrivateFileWidget}}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and obj.slug:
            for language in ("fr", "en"):
                form.base_fields[f"file_{language}"].widget.download_url = reverse(
                    "documents:document-file", kwargs={"slug": obj.slug, "language": language}
                )
        return form

    def save_model(self, request, obj, form, change):
        services.document_save(document=obj)


@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Filled by `manage.py check_links`; read-only here."""

    title_gender = "feminine"  # « une vérification »: its titles (collectif/admin_titles.py)

    list_display = ["url", "ok", "status_code", "error", "redirects", "checked_at"]
    list_filter = ["ok", "checked_at"]
    search_fields = ["url", "final_url"]
    readonly_fields = [
        "url",
        "ok",
        "status_code",
        "error",
        "final_url",
        "redirects",
        "checked_at",
    ]
