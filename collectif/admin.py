from axes.models import AccessAttempt, AccessLog
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import translation_status
from .locking import VersionedAdminMixin
from .models import (
    ContactMessage,
    DemoContent,
    LegalInformation,
    Page,
    ReminderSent,
    TextNeedingTranslation,
    Theme,
)

# django-otp's own device admins answer a wrong id with a server error, and would put the
# devices' secrets before superusers: a lost phone is handled by `manage.py reset_two_factor`.
admin.site.unregister([TOTPDevice, StaticDevice])

admin.site.site_header = _("Ensemble contre la traite — coordination")
admin.site.site_title = _("Coordination")
admin.site.index_title = _("Coordination of the collective")


def _is_key(model, value):
    field = model._meta.pk
    try:
        field.get_prep_value(field.to_python(unquote(value)))
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class HistoryAdmin(SimpleHistoryAdmin):
    """simple_history's admin, whose history pages answer an address with an id that is not
    one as Django's own admin pages do (a message, back to the index) instead of failing."""

    def history_view(self, request, object_id, extra_context=None):
        if not _is_key(self.model, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_model = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        if not (_is_key(self.model, object_id) and _is_key(history_model.model, version_id)):
            return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class DemoFilter(admin.SimpleListFilter):
    title = _("demonstration")
    parameter_name = "demo"

    def lookups(self, request, model_admin):
        return [("yes", _("Demonstration content")), ("no", _("Real content"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(is_demo=True)
        if self.value() == "no":
            return queryset.filter(is_demo=False)
        return queryset


class DemoMarkAdmin:
    """Lists show what `load_demo` invented (a `DemoContent` mark) in a « Démonstration »
    column, with a filter, so that coordinators never take it for the collective's own
    records. One subquery in the list's query, whatever the number of rows. Put it first."""

    def get_queryset(self, request):
        meta = self.model._meta
        marks = DemoContent.objects.filter(
            content_type__app_label=meta.app_label,
            content_type__model=meta.model_name,
            object_id=OuterRef("pk"),
        )
        return super().get_queryset(request).annotate(is_demo=Exists(marks))

    def get_list_display(self, request):
        return [*super().get_list_display(request), "demo_mark"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), DemoFilter]

    @admin.display(description=_("Demonstration"), boolean=True, ordering="is_demo")
    def demo_mark(self, obj):
        return getattr(obj, "is_demo", False)


class ReadOnlyAdminMixin:
    """For records only the code writes (what was sent, checked or changed): the admin shows
    them and neither adds nor changes any. Deleting stays as the user's permissions say, unless
    `deletable = False` (a story or a report that must stay whole). For a ModelAdmin or an
    inline (whose permission methods also receive the parent); put it first."""

    deletable = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.deletable and super().has_delete_permission(request, obj)


@admin.register(Page)
class PageAdmin(VersionedAdminMixin, TabbedTranslationAdmin):
    title_gender = "feminine"  # « une page »: its titles (collectif/admin_titles.py)
    list_display = ["__str__", "title", "updated_at"]
    readonly_fields = ["key", "updated_at"]
    fields = ["key", "title", "intro", "body", "updated_at"]

    def has_add_permission(self, request):
        # The pages are fixed by the site's structure; coordinators edit their text.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LegalInformation)
class LegalInformationAdmin(VersionedAdminMixin, TabbedTranslationAdmin):
    title_gender = "feminine"  # « une information légale »
    readonly_fields = ["updated_at"]
    fieldsets = [
        (_("Publisher"), {"fields": ["publisher", "publisher_address", "publisher_phone"]}),
        (_("Director of publication"), {"fields": ["director", "director_role"]}),
        (_("Host"), {"fields": ["host", "host_address", "host_phone"]}),
        (None, {"fields": ["updated_at"]}),
    ]

    def has_add_permission(self, request):
        # One row, created by the migration: the legal notice names one publisher. Asked on
        # every admin page (the sidebar), so it reads nothing: the list opens the row itself.
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        legal = LegalInformation.current()
        if legal.pk is None:  # a database emptied by hand: start the row again
            legal.save()
        return redirect("admin:collectif_legalinformation_change", legal.pk)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "email", "organisation", "subject", "handled"]
    list_filter = ["handled", "language", "created_at"]
    list_editable = ["handled"]
    search_fields = ["name", "email", "organisation", "subject", "message"]
    readonly_fields = [
        "name",
        "email",
        "organisation",
        "subject",
        "message",
        "language",
        "created_at",
    ]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin):
    title_gender = "feminine"  # « une thématique »: its titles (collectif/admin_titles.py)
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}


@admin.register(TextNeedingTranslation)
class TextNeedingTranslationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Not a list of stamps: the report of every record, of every translated model, whose
    English is missing or older than its French."""

    deletable = False

    def changelist_view(self, request, extra_context=None):
        rows = []
        for status in translation_status.records_needing_translation():
            instance = status.instance
            meta = instance._meta
            try:
                url = reverse(
                    f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk]
                )
            except NoReverseMatch:
                url = ""
            rows.extend(
                {
                    "kind": meta.verbose_name,
                    "record": instance,
                    "url": url,
                    "field": meta.get_field(text.field).verbose_name,
                    "text": text,
                }
                for text in status.needing_work()
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Texts needing English"),
            "rows": rows,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/collectif/texts_needing_translation.html", context)


# The admin's home is the coordination's dashboard (collectif/dashboard.py).
admin.site.index_template = "admin/dashboard.html"


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["sent_at", "kind", "subject", "due_on", "recipients"]
    list_filter = ["kind"]
    date_hierarchy = "sent_at"


# Third-party admins, for their French titles (collectif/admin_titles.py): « une tentative de
# connexion », « une connexion ».
for _model in (AccessAttempt, AccessLog):
    if _model in admin.site._registry:
        admin.site._registry[_model].title_gender = "feminine"


# --- Permissions read in the admin's language ---------------------------------------------------

PERMISSION_ACTIONS = {
    "add": pgettext_lazy("permission", "add"),
    "change": pgettext_lazy("permission", "change"),
    "delete": pgettext_lazy("permission", "delete"),
    "view": pgettext_lazy("permission", "view"),
}


def permission_label(permission):
    """« Organisations : modifier » where Django shows the English it stored when the permission
    was made (« members | organisation | Can change organisation »)."""
    model = permission.content_type.model_class()
    action, _sep, _rest = permission.codename.partition("_")
    if model is None or action not in PERMISSION_ACTIONS:
        return str(permission)
    return _("%(models)s: %(action)s") % {
        "models": str(model._meta.verbose_name_plural).capitalize(),
        "action": PERMISSION_ACTIONS[action],
    }


class PermissionsInWordsMixin:
    """For the admins that list permissions (groups, users)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model is Permission:
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


class GroupAdmin(PermissionsInWordsMixin, auth_admin.GroupAdmin):
    pass


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)

from . import task_admin  # noqa: E402, F401  (registers the task queue's admin)
