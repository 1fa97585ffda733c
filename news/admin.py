from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from collectif import dates
from collectif.admin import DemoMarkAdmin, HistoryAdmin, ReadOnlyAdminMixin
from collectif.forms import add_service_error
from collectif.locking import VersionedAdminMixin
from collectif.uploads import ImageUploadField

from . import newsletter as mailing
from . import services
from .forms import ReasonForm
from .models import NewsItem, NewsItemTransition, Newsletter, NewsletterDelivery, Subscriber
from .tasks import send_newsletter_task

Status = NewsItem.Status
Delivery = NewsletterDelivery.Status


class NewsItemTransitionInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The item's story: read-only, since nothing in it is ever overwritten."""

    model = NewsItemTransition
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields
    deletable = False
    verbose_name_plural = _("status history")


@admin.register(NewsItem)
class NewsItemAdmin(DemoMarkAdmin, VersionedAdminMixin, HistoryAdmin, TabbedTranslationAdmin):
    title_gender = "feminine"  # « une actualité »: its titles (collectif/admin_titles.py)
    list_display = ["title", "kind", "proposer", "status", "published_at", "review_link"]
    list_filter = ["status", "kind", "proposer", "themes"]
    list_select_related = ["proposer"]
    search_fields = ["title_fr", "title_en", "summary_fr", "summary_en", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["proposer", "organisations", "themes"]
    readonly_fields = ["status", "published_at", "review_link", "created_by", "updated_at"]
    formfield_overrides = {
        models.ImageField: {"form_class": ImageUploadField, "max_side": 1600},
        models.URLField: {"assume_scheme": "https"},
    }
    inlines = [NewsItemTransitionInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "summary", "body"]}),
        (_("Who and what"), {"fields": ["proposer", "organisations", "themes"]}),
        (_("Link"), {"fields": ["link", "link_label"]}),
        (_("Event"), {"fields": ["event_start", "event_end", "event_place"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Publication"),
            {"fields": ["status", "review_link", "published_at", "created_by", "updated_at"]},
        ),
    ]

    @admin.display(description=_("review"))
    def review_link(self, item):
        if not item.pk:
            return _("Save the item first: it starts as a draft.")
        label = _("Review…") if item.status == Status.SUBMITTED else _("Change the status…")
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:news_newsitem_review", args=[item.pk]), label
        )

    def save_model(self, request, obj, form, change):
        services.news_item_admin_save(item=obj, by=request.user, created=not change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.news_item_include_proposer(item=form.instance)

    def get_urls(self):
        return [
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(self.review_view),
                name="news_newsitem_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, pk):
        item = get_object_or_404(NewsItem.objects.with_return_reason(), pk=pk)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        form = ReasonForm(request.POST or None, instance=item)
        action = request.POST.get("action")
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            # The page's version: the decision is on the item as it was shown.
            common = {"item": item, "by": request.user, "version": form.loaded_version}
            try:
                if action == "publish":
                    services.news_publish(**common)
                    done = _("« %(item)s » is published.")
                elif action == "return":
                    services.news_return(reason=reason, **common)
                    done = _("« %(item)s » is returned to its proposer.")
                elif action == "unpublish":
                    services.news_unpublish(reason=reason, **common)
                    done = _("« %(item)s » is taken off the site.")
                else:
                    raise ValidationError(_("Choose what to do."))
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, done % {"item": item})
                return redirect("admin:news_newsitem_change", item.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": item,
            "title": _("Review « %(item)s »") % {"item": item},
            "form": form,
            "transitions": item.transitions.select_related("by"),
            "can_publish": item.status == Status.SUBMITTED
            or (item.proposer_id is None and item.status == Status.DRAFT),
            "can_return": item.status == Status.SUBMITTED,
            "can_unpublish": item.status == Status.PUBLISHED,
        }
        return TemplateResponse(request, "admin/news/newsitem/review.html", context)


@admin.register(Newsletter)
class NewsletterAdmin(TabbedTranslationAdmin):
    title_gender = "feminine"  # « une lettre »: its titles (collectif/admin_titles.py)
    list_display = ["title", "month", "status", "progress", "sent_at"]
    list_filter = ["status"]
    search_fields = ["title_fr", "title_en"]
    date_hierarchy = "month"
    autocomplete_fields = ["items"]
    readonly_fields = ["status", "progress", "sending_started_at", "sent_at", "tools"]
    fields = [
        "month",
        "title",
        "introduction",
        "items",
        "status",
        "tools",
        "progress",
        "sending_started_at",
        "sent_at",
    ]

    @admin.display(description=_("progress"))
    def progress(self, newsletter):
        total = getattr(newsletter, "delivery_total", None)
        if total is None:
            counts = mailing.delivery_counts(newsletter)
            total, sent = counts["total"], counts[Delivery.SENT]
            failed = counts[Delivery.FAILED] + counts[Delivery.INTERRUPTED]
        else:
            sent, failed = newsletter.delivery_sent, newsletter.delivery_failed
        if not total:
            return "—"
        url = (
            reverse("admin:news_newsletterdelivery_changelist")
            + f"?newsletter__id__exact={newsletter.pk}"
        )
        text = _("%(sent)s of %(total)s sent (%(percent)s %%)") % {
            "sent": sent,
            "total": total,
            "percent": round(100 * sent / total),
        }
        if failed:
            text += " · " + str(_("%(failed)s not sent") % {"failed": failed})
        return format_html('<a href="{}">{}</a>', url, text)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                delivery_total=Count("deliveries"),
                delivery_sent=Count("deliveries", filter=Q(deliveries__status=Delivery.SENT)),
                delivery_failed=Count(
                    "deliveries",
                    filter=Q(deliveries__status__in=[Delivery.FAILED, Delivery.INTERRUPTED]),
                ),
            )
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "items":
            kwargs["queryset"] = NewsItem.objects.published()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.status != Newsletter.Status.DRAFT:
            # A letter that went out is the record of what was sent.
            return [*self.fields, "title_fr", "title_en", "introduction_fr", "introduction_en"]
        return self.readonly_fields

    def get_changeform_initial_data(self, request):
        """A new letter covers the month asked for (?month=2014-10), by default the current
        one, and holds the news published during it."""
        month = timezone.localdate().replace(day=1)
        if asked := request.GET.get("month"):
            try:
                year, number = (int(part) for part in asked.split("-")[:2])
                month = month.replace(year=year, month=number)
            except ValueError:
                pass
        return {
            "month": month,
            "title_fr": f"La lettre du Collectif — {dates.month_year(month)}",
            "items": list(
                NewsItem.objects.published().of_month(month).values_list("pk", flat=True)
            ),
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.month = obj.month.replace(day=1)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("actions"))
    def tools(self, newsletter):
        if not newsletter.pk:
            return _("Save the letter first, then preview it and send it.")
        url = reverse("admin:news_newsletter_preview", args=[newsletter.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview, test, send…"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", view(self.preview_view), name="news_newsletter_preview"),
            path("<int:pk>/test/", view(self.test_view), name="news_newsletter_test"),
            path("<int:pk>/send/", view(self.send_view), name="news_newsletter_send"),
            *super().get_urls(),
        ]

    def _newsletter(self, request, pk):
        newsletter = get_object_or_404(Newsletter, pk=pk)
        if not self.has_change_permission(request, newsletter):
            raise PermissionDenied
        return newsletter

    def preview_view(self, request, pk):
        newsletter = self._newsletter(request, pk)
        items = mailing.newsletter_items(newsletter)
        versions = []
        for code, name in settings.LANGUAGES:
            letter = mailing.newsletter_render(newsletter, language=code, items=items)
            versions.append({"code": code, "name": name, "letter": letter})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": newsletter,
            "title": _("Preview of « %(newsletter)s »") % {"newsletter": newsletter},
            "versions": versions,
            "items": items,
            "recipients": Subscriber.objects.confirmed().count(),
            "counts": mailing.delivery_counts(newsletter),
            "progress": self.progress(newsletter),
        }
        return TemplateResponse(request, "admin/news/newsletter/preview.html", context)

    def test_view(self, request, pk):
        newsletter = self._newsletter(request, pk)
        if request.method != "POST":
            return redirect("admin:news_newsletter_preview", pk)
        try:
            mailing.newsletter_send_test(newsletter=newsletter, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The test letter, in each language, has been sent to %(email)s.")
                % {"email": request.user.email},
            )
        return redirect("admin:news_newsletter_preview", pk)

    def send_view(self, request, pk):
        """Start the sending (or resume it): a worker sends the messages, and the preview
        shows how many went."""
        newsletter = self._newsletter(request, pk)
        if request.method != "POST":
            return redirect("admin:news_newsletter_preview", pk)
        try:
            if newsletter.status == Newsletter.Status.DRAFT:
                newsletter = mailing.newsletter_start_sending(
                    newsletter=newsletter, by=request.user
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("admin:news_newsletter_preview", pk)
        if newsletter.status == Newsletter.Status.SENDING:
            send_newsletter_task.enqueue(newsletter_id=newsletter.pk)
        newsletter.refresh_from_db()
        if newsletter.status == Newsletter.Status.SENT:
            messages.success(request, _("The letter has been sent."))
        else:
            messages.warning(
                request,
                _(
                    "The letter is being sent: the messages go one by one, and this page "
                    "shows how many went. If the count stops, press « Resume sending »."
                ),
            )
        return redirect("admin:news_newsletter_preview", pk)


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.filter(confirmed_at=None)
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Subscriptions come only through the double opt-in; coordinators may delete one."""

    list_display = ["email", "language", "created_at", "confirmed_at"]
    list_filter = [ConfirmedFilter, "language"]
    search_fields = ["email"]
    readonly_fields = ["email", "language", "created_at", "confirmation_sent_at", "confirmed_at"]


@admin.register(NewsletterDelivery)
class NewsletterDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Filled by the sending; read-only here."""

    list_display = [
        "newsletter",
        "subscriber",
        "language",
        "status",
        "attempted_at",
        "sent_at",
        "error",
    ]
    list_filter = ["status", "newsletter", "language"]
    list_select_related = ["newsletter", "subscriber"]
    search_fields = ["subscriber__email"]
