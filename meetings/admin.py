from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin

from collectif import dates, locking
from collectif.admin import DemoMarkAdmin, ReadOnlyAdminMixin
from collectif.dashboard import a_year_before
from collectif.trash import TrashAdminMixin

from . import services
from .editor import MinutesEditorMixin
from .forms import require_an_owner
from .models import (
    ActionItem,
    AgendaItem,
    Delegation,
    Meeting,
    MinutesSending,
    PersonMet,
    overdue_first_ordering,
)


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = [
            "meeting",
            "agenda_item",
            "text",
            "organisations",
            "for_coordination",
            "for_every_member",
            "restricted",
            "due_on",
            "status",
            "done_on",
            "comment",
            "position",
        ]

    def clean(self):
        cleaned = super().clean()
        require_an_owner(cleaned)
        # The dates and who closed it follow from the status in services.action_item_save.
        return cleaned


class LabelledTabularInline(admin.TabularInline):
    """Compact rows (every tabular inline's template labels each input:
    templates/admin/edit_inline/tabular.html)."""

    classes = ["minutes-inline"]


class PersonMetInline(LabelledTabularInline):
    model = PersonMet
    extra = 0
    fields = ["name", "role_fr", "role_en", "institution_fr", "institution_en", "position"]


class LabelledSplitDateTime(admin.widgets.AdminSplitDateTime):
    """The admin's date and time inputs, each with its own label."""

    template_name = "meetings/widgets/split_datetime.html"


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["organisation"]

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        services.delegation_validate(organisation=organisation)
        return organisation


class DelegationInline(LabelledTabularInline):
    model = Delegation
    form = DelegationForm
    extra = 0
    verbose_name_plural = _("delegation (organisations sent to represent the collective)")


class NextPlenaryForm(forms.Form):
    start = forms.SplitDateTimeField(
        label=_("start of the next plenary"), widget=admin.widgets.AdminSplitDateTime
    )


@admin.register(Meeting)
class MeetingAdmin(
    DemoMarkAdmin,
    MinutesEditorMixin,
    TrashAdminMixin,
    locking.VersionedAdminMixin,
    TranslationAdmin,
):
    """The meeting, its attendance and the list of its sections on one page, each section on
    a page of its own (meetings/editor.py); the meeting's version covers them all."""

    title_gender = "feminine"  # « une réunion »: its titles (collectif/admin_titles.py)

    list_display = ["title", "start", "kind", "status", "visibility", "minutes_state"]
    list_filter = [
        "kind",
        "status",
        "visibility",
        ("minutes_approved_on", admin.EmptyFieldListFilter),
    ]
    search_fields = ["title_fr", "title_en", "place_name", "agenda_items__title_fr"]
    date_hierarchy = "start"
    readonly_fields = ["sendings_summary"]
    # Plain lists, each with its label, rather than search boxes: a few meetings a month.
    formfield_overrides = {models.DateTimeField: {"widget": LabelledSplitDateTime}}
    inlines = [
        PersonMetInline,
        DelegationInline,
    ]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "title", "summary", ("start", "end"), ("status", "visibility")]},
        ),
        (_("Place"), {"fields": ["place_name", "place_address", "room"]}),
        (
            _("Minutes"),
            {
                "fields": [
                    "announced_meetings",
                    ("minutes_dated", "signed_by"),
                    ("minutes_approved_on", "minutes_approved_at"),
                    "sendings_summary",
                ]
            },
        ),
    ]
    actions = ["duplicate_for_next_plenary", "send_minutes"]

    def get_search_results(self, request, queryset, search_term):
        queryset, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset, True

    @admin.display(description=_("minutes"), boolean=False)
    def minutes_state(self, meeting):
        if meeting.minutes_approved_on:
            return _("approved on %(date)s") % {
                "date": dates.long_date(meeting.minutes_approved_on)
            }
        return _("draft")

    @admin.display(description=_("sent to"))
    def sendings_summary(self, meeting):
        if not meeting.pk:
            return "—"
        sendings = list(meeting.sendings.order_by("-sent_at")[:1])
        count = meeting.sendings.count()
        if not sendings:
            return _("not sent yet")
        return format_html(
            "{} — {}",
            ngettext("%(count)d sending", "%(count)d sendings", count) % {"count": count},
            _("last on %(date)s") % {"date": dates.date_time(sendings[0].sent_at)},
        )

    @admin.action(description=_("Duplicate the structure for the next plenary"))
    def duplicate_for_next_plenary(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Choose exactly one meeting to duplicate."), messages.ERROR
            )
            return None
        meeting = queryset.get()
        if "apply" in request.POST:
            form = NextPlenaryForm(request.POST)
            if form.is_valid():
                try:
                    new = services.meeting_duplicate_for_next_plenary(
                        meeting=meeting, start=form.cleaned_data["start"]
                    )
                except ValidationError as error:
                    form.add_error("start", error)
                else:
                    self.message_user(
                        request,
                        _("« %(meeting)s » has been created with the same agenda headings.")
                        % {"meeting": new},
                        messages.SUCCESS,
                    )
                    return None
        else:
            start = timezone.localtime(services.default_next_plenary_start(meeting))
            form = NextPlenaryForm(initial={"start": start})
        return TemplateResponse(
            request,
            "admin/meetings/meeting/duplicate.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Duplicate for the next plenary"),
                "meeting": meeting,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "media": self.media + form.media,
            },
        )

    @admin.action(description=_("Send the minutes to every representative"))
    def send_minutes(self, request, queryset):
        for meeting in queryset:
            try:
                sendings = services.meeting_send_minutes(meeting=meeting, by=request.user)
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "The minutes of « %(meeting)s » are being sent to %(count)d representative "
                    "(their progress: « Sendings of the minutes »).",
                    "The minutes of « %(meeting)s » are being sent to %(count)d representatives "
                    "(their progress: « Sendings of the minutes »).",
                    len(sendings),
                )
                % {"meeting": meeting, "count": len(sendings)},
                messages.SUCCESS,
            )


class CoveredByTheMeetingVersion:
    """Rows the meeting's page edits too (its inlines): changed on their own page, they give
    the meeting a new version, so that a coordinator with the meeting open cannot undo it."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        locking.bump(Meeting, obj.meeting_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        locking.bump(Meeting, obj.meeting_id)

    def delete_queryset(self, request, queryset):
        meetings = set(queryset.values_list("meeting_id", flat=True))
        super().delete_queryset(request, queryset)
        for meeting_id in meetings:
            locking.bump(Meeting, meeting_id)


@admin.register(AgendaItem)
class AgendaItemAdmin(CoveredByTheMeetingVersion, TabbedTranslationAdmin):
    """An agenda item on its own page (its action items and annexes are on the meeting's)."""

    list_display = ["title", "meeting", "position"]
    list_select_related = ["meeting"]
    search_fields = ["title_fr", "title_en", "meeting__title_fr"]
    autocomplete_fields = ["meeting"]
    fields = ["meeting", "position", "title", "minutes", "decisions"]

    def get_queryset(self, request):
        # Those of a meeting in the trash went with it.
        return super().get_queryset(request).filter(meeting__deleted_at__isnull=True)


class OpenByDefaultStatusFilter(admin.SimpleListFilter):
    """Coordinators come here for what is still open: that is the default view."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*ActionItem.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        current = self.value() or ActionItem.Status.OPEN
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or ActionItem.Status.OPEN
        if value == "all":
            return queryset
        return queryset.filter(status=value)


class OverdueFilter(admin.SimpleListFilter):
    title = _("due date")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("overdue")),
            ("year", _("overdue for more than a year")),
            ("week", _("due within 7 days")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "year":  # the dashboard's summary line
            return queryset.overdue(a_year_before(today))
        if self.value() == "week":
            return queryset.due_between(today, today + timedelta(days=7))
        return queryset


@admin.register(ActionItem)
class ActionItemAdmin(DemoMarkAdmin, CoveredByTheMeetingVersion, TabbedTranslationAdmin):
    """Every action item of every meeting: open ones first, overdue at the top."""

    title_gender = "feminine"  # « une action »: its titles (collectif/admin_titles.py)

    form = ActionItemForm
    list_display = ["text_short", "owners", "due_on", "overdue", "status", "meeting"]
    list_filter = [OpenByDefaultStatusFilter, OverdueFilter, "organisations", "for_coordination"]
    search_fields = ["text_fr", "text_en", "organisations__name", "organisations__acronym"]
    autocomplete_fields = ["organisations", "meeting", "agenda_item"]
    readonly_fields = ["closed_by"]
    fields = [
        "meeting",
        "agenda_item",
        "text",
        ("organisations", "for_coordination", "for_every_member", "restricted"),
        ("due_on", "status", "done_on"),
        "comment",
        "closed_by",
        "position",
    ]
    actions = ["mark_done", "drop"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("meeting")
            .prefetch_related("organisations")
        )

    def get_ordering(self, request):
        return overdue_first_ordering()

    def save_model(self, request, obj, form, change):
        # Not CoveredByTheMeetingVersion's: the service bumps the meeting's version itself.
        services.action_item_save(item=obj, by=request.user)

    @admin.display(description=_("what is to be done"))
    def text_short(self, item):
        return str(item)

    @admin.display(description=_("for"))
    def owners(self, item):
        names = [o.acronym or o.name for o in item.organisations.all()]
        if item.for_coordination:
            names.append(str(_("coordination")))
        if item.for_every_member:
            names.append(str(_("every member")))
        return ", ".join(names)

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, item):
        return item.is_overdue()

    def _close(self, request, queryset, status):
        closed = 0
        for item in queryset.open():
            services.action_item_close(item=item, by=request.user, status=status)
            closed += 1
        self.message_user(
            request,
            ngettext("%(count)d action item closed.", "%(count)d action items closed.", closed)
            % {"count": closed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as done"))
    def mark_done(self, request, queryset):
        self._close(request, queryset, ActionItem.Status.DONE)

    @admin.action(description=_("Drop"))
    def drop(self, request, queryset):
        self._close(request, queryset, ActionItem.Status.DROPPED)


class DeliveredFilter(admin.SimpleListFilter):
    """The progress of a sending: what the worker mailed, what it has still to mail."""

    title = _("delivered")
    parameter_name = "delivered"

    def lookups(self, request, model_admin):
        return [("yes", _("Delivered")), ("waiting", _("Waiting")), ("no", _("Interrupted"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(delivered_at=None)
        if self.value() == "waiting":
            return queryset.filter(claimed_at=None)
        if self.value() == "no":
            return queryset.filter(delivered_at=None).exclude(claimed_at=None)
        return queryset


@admin.register(MinutesSending)
class MinutesSendingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "sent_at",
        "meeting",
        "email",
        "language",
        "sent_by",
        "minutes_were_draft",
        "delivered_at",
    ]
    list_filter = ["language", "minutes_were_draft", DeliveredFilter]
    list_select_related = ["meeting", "sent_by"]
    search_fields = ["email", "meeting__title_fr"]
    date_hierarchy = "sent_at"
