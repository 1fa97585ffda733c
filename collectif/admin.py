from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import ContactMessage, Page, Theme

admin.site.site_header = _("Ensemble contre la traite — coordination")
admin.site.site_title = _("Coordination")
admin.site.index_title = _("Coordination of the collective")


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "title", "updated_at"]
    readonly_fields = ["key", "updated_at"]
    fields = ["key", "title", "intro", "body", "updated_at"]

    def has_add_permission(self, request):
        # The pages are fixed by the site's structure; coordinators edit their text.
        return False

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
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}
