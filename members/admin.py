from datetime import timedelta
from pathlib import PurePosixPath

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from collectif import dates
from collectif.admin import DemoMarkAdmin, HistoryAdmin, ReadOnlyAdminMixin
from collectif.dashboard import a_year_before
from collectif.imports import SpreadsheetAdminMixin
from collectif.locking import VersionedAdminMixin
from collectif.trash import TrashAdminMixin
from collectif.uploads import ImageUploadField, PdfUploadField

from . import admin_accounts, services  # noqa: F401 (admin_accounts: the user admin)
from .imports import OrganisationImporter
from .models import (
    VOTE_NOTICE_DAYS,
    ActivityReport,
    AdmissionVote,
    InternationalNetwork,
    MembershipEvent,
    Organisation,
)
from .selectors import provisions

Status = Organisation.Status


def vote_timer(organisation, today=None):
    """« due in N days » / « overdue by N days » for an observer's admission vote."""
    if organisation.status != Status.OBSERVER or not organisation.vote_due_on:
        return ""
    days = (organisation.vote_due_on - (today or timezone.localdate())).days
    if days > 0:
        return ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}
    if days == 0:
        return _("due today")
    return ngettext("overdue by %(days)d day", "overdue by %(days)d days", -days) % {"days": -days}


class VoteDueFilter(admin.SimpleListFilter):
    title = _("admission vote")
    parameter_name = "vote"

    def lookups(self, request, model_admin):
        return [
            ("soon", _("due within %(days)d days") % {"days": VOTE_NOTICE_DAYS}),
            ("overdue", _("overdue")),
            ("year", _("overdue for more than a year")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "year":  # the dashboard's summary line
            return queryset.vote_overdue(a_year_before(today))
        if self.value() == "soon":
            return queryset.vote_due_between(today, today + timedelta(days=VOTE_NOTICE_DAYS))
        if self.value() == "overdue":
            return queryset.vote_overdue(today)
        return queryset


class CurrentFileName(str):
    """A stored file's own name, with the address the admin's widget links it to."""

    def __new__(cls, name, url):
        current = super().__new__(cls, name)
        current.url = url
        return current


class FileNameWidget(AdminFileWidget):
    """The current report by its file's name, without the storage folder: « members/reports/ »
    would read as code on a French page."""

    def format_value(self, value):
        if not self.is_initial(value):
            return None
        return CurrentFileName(PurePosixPath(value.name).name, value.url)


class ActivityReportInline(admin.TabularInline):
    model = ActivityReport
    extra = 0
    fields = ["year", "language", "file"]
    formfield_overrides = {
        models.FileField: {"form_class": PdfUploadField, "widget": FileNameWidget}
    }


class MembershipEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The organisation's story: read-only, since nothing in it is ever overwritten."""

    model = MembershipEvent
    extra = 0
    fields = ["date", "from_status", "to_status", "reason", "vote", "recorded_by", "recorded_at"]
    readonly_fields = fields
    deletable = False
    verbose_name_plural = _("membership history")


class AdmissionVoteInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = AdmissionVote
    extra = 0
    fields = ["date", "place", "votes_for", "votes_against", "abstentions", "outcome"]
    readonly_fields = fields
    deletable = False
    show_change_link = True


@admin.register(InternationalNetwork)
class InternationalNetworkAdmin(VersionedAdminMixin, HistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "website"]
    search_fields = ["name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class MembershipChangeForm(forms.Form):
    """Validates the change; services.membership_change makes it."""

    # Keys of services.MEMBERSHIP_CHANGES: label, and the statuses the change applies to.
    ACTIONS = {
        "confirm_observer": (_("Confirm as observer (start of observation)"), [Status.CANDIDATE]),
        "admit_without_vote": (
            _("Record as member without a vote (founding member)"),
            [Status.CANDIDATE],
        ),
        "extend": (_("Extend the observation"), [Status.OBSERVER]),
        "end": (
            _("End membership or observation"),
            [Status.CANDIDATE, Status.OBSERVER, Status.MEMBER],
        ),
        "reapply": (_("Reopen as candidate"), [Status.FORMER]),
    }

    action = forms.ChoiceField(label=_("Change"))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(
        label=_("New vote due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only to extend an observation; by default one observation period later."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["action"].choices = [
            (key, label)
            for key, (label, statuses) in self.ACTIONS.items()
            if organisation.status in statuses
        ]
        self.fields["date"].initial = timezone.localdate()
        if organisation.status == Status.CANDIDATE:
            self.fields["reason"].required = False


@admin.register(Organisation)
class OrganisationAdmin(
    DemoMarkAdmin,
    SpreadsheetAdminMixin,
    TrashAdminMixin,
    VersionedAdminMixin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    title_gender = "feminine"  # « une organisation »: its titles (collectif/admin_titles.py)
    list_display = [
        "name",
        "acronym",
        "status",
        "status_since",
        "vote_due_on",
        "vote_due_in",
        "contact_confirmed_on",
    ]
    list_filter = ["status", VoteDueFilter, "themes", "network"]
    importer_class = OrganisationImporter
    search_fields = ["name", "acronym", "contact_last_name", "contact_email"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes"]
    autocomplete_fields = ["network", "representatives"]
    readonly_fields = ["status", "status_since", "vote_due_on", "vote_due_in", "membership_links"]
    formfield_overrides = {
        models.ImageField: {"form_class": ImageUploadField, "max_side": 600},
        models.URLField: {"assume_scheme": "https"},
    }
    inlines = [ActivityReportInline, AdmissionVoteInline, MembershipEventInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "logo", "website", "network", "themes"]}),
        (_("Description"), {"fields": ["description"]}),
        (
            _("Public contact"),
            {
                "description": _(
                    "Coordinators see every field; the public sees only those marked public, "
                    "once the organisation has confirmed them."
                ),
                "fields": [
                    ("contact_first_name", "contact_last_name", "contact_name_public"),
                    ("contact_role", "contact_role_public"),
                    ("contact_email", "contact_email_public"),
                    ("contact_phone", "contact_phone_public"),
                    ("contact_address", "contact_address_public"),
                    "contact_confirmed_on",
                ],
            },
        ),
        (
            _("Membership"),
            {
                "fields": [
                    "status",
                    "status_since",
                    "vote_due_on",
                    "vote_due_in",
                    "membership_links",
                ]
            },
        ),
        (_("Member area"), {"fields": ["representatives"]}),
    ]

    @admin.display(description=_("admission vote"))
    def vote_due_in(self, organisation):
        return vote_timer(organisation)

    @admin.display(description=_("change the membership"))
    def membership_links(self, organisation):
        if not organisation.pk:
            return _("Save the organisation first: it starts as a candidate.")
        change = reverse("admin:members_organisation_membership", args=[organisation.pk])
        links = format_html('<a href="{}">{}</a>', change, _("Change the status…"))
        if organisation.status == Status.OBSERVER:
            vote = reverse("admin:members_admissionvote_add") + f"?organisation={organisation.pk}"
            links += format_html(' · <a href="{}">{}</a>', vote, _("Record the admission vote…"))
        return links

    def get_urls(self):
        return [
            path(
                "<int:pk>/membership/",
                self.admin_site.admin_view(self.membership_view),
                name="members_organisation_membership",
            ),
            path(
                "missing/",
                self.admin_site.admin_view(self.missing_view),
                name="members_organisation_missing",
            ),
            *super().get_urls(),
        ]

    def membership_view(self, request, pk):
        organisation = get_object_or_404(Organisation, pk=pk)
        if not self.has_change_permission(request, organisation):
            raise PermissionDenied
        form = MembershipChangeForm(request.POST or None, organisation=organisation)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.membership_change(
                    organisation=organisation,
                    action=data["action"],
                    date=data["date"],
                    reason=data["reason"],
                    until=data["until"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                organisation.refresh_from_db()
                messages.success(
                    request,
                    _("%(organisation)s is now %(status)s.")
                    % {"organisation": organisation, "status": organisation.get_status_display()},
                )
                return redirect("admin:members_organisation_change", organisation.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": organisation,
            "title": _("Change the membership of %(organisation)s")
            % {"organisation": organisation},
            "form": form,
            "events": organisation.membership_events.select_related("recorded_by"),
        }
        return TemplateResponse(request, "admin/members/organisation/membership.html", context)

    def missing_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("What the organisations have not provided yet"),
            "provisions": provisions(Organisation.objects.public(), today=today),
            "last_year": today.year - 1,
            "this_year": today.year,
        }
        return TemplateResponse(request, "admin/members/organisation/missing.html", context)


class AdmissionVoteForm(forms.ModelForm):
    class Meta:
        model = AdmissionVote
        fields = [
            "organisation",
            "date",
            "place",
            "meeting",
            "votes_for",
            "votes_against",
            "abstentions",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = Organisation.objects.observers()

    def clean(self):
        cleaned = super().clean()
        needed = ["organisation", "date", "votes_for", "votes_against", "abstentions"]
        if not self.instance.pk and all(cleaned.get(name) is not None for name in needed):
            try:
                services.vote_validate(**{name: cleaned[name] for name in needed})
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return cleaned


def admission_rule(months=None):
    """The collective's rule of the admission vote (services.majority_outcome and
    vote_validate), as the vote's form states it."""
    months = services.observation_months() if months is None else months
    return [
        ngettext(
            "An observer is put to the vote of the full members after an observation of "
            "%(months)d month, counted from the day it confirmed its wish to join.",
            "An observer is put to the vote of the full members after an observation of "
            "%(months)d months, counted from the day it confirmed its wish to join.",
            months,
        )
        % {"months": months},
        _(
            "It is admitted by a majority of the votes cast: more votes for than against. "
            "Abstentions are not votes cast: they count toward the limit of eligible members "
            "(votes for, against and abstentions together cannot exceed it), not toward the "
            "majority."
        ),
        _("A tie, or no vote cast, is a refusal: the organisation stays an observer."),
    ]


def eligible_text(count, day):
    return ngettext(
        "%(count)d organisation was a full member on %(date)s: at most %(count)d votes and "
        "abstentions.",
        "%(count)d organisations were full members on %(date)s: at most %(count)d votes and "
        "abstentions.",
        count,
    ) % {"count": count, "date": dates.long_date(day)}


def parse_date(value):
    """A date as the admin's date field reads it (French or ISO), or None."""
    try:
        return forms.DateField().clean(value)
    except ValidationError:
        return None


@admin.register(AdmissionVote)
class AdmissionVoteAdmin(DemoMarkAdmin, admin.ModelAdmin):
    """Votes are recorded once, through the service that applies the majority rule and
    admits the organisation; afterwards only the notes change.

    The add page states the rule and shows how many organisations were full members on the
    chosen date: updated as the date changes by admission_vote.js (from eligible_view), or,
    without scripts, by its « recompute » button, which reloads the page with what was typed
    and saves nothing."""

    form = AdmissionVoteForm
    change_form_template = "admin/members/admissionvote/change_form.html"
    list_display = ["organisation", "date", "place", "votes_for", "votes_against", "outcome"]
    list_filter = ["outcome"]
    date_hierarchy = "date"
    fields = [
        "organisation",
        "date",
        "place",
        "meeting",
        "votes_for",
        "votes_against",
        "abstentions",
        "eligible_voters",
        "outcome",
        "notes",
        "recorded_by",
    ]
    RECORDED = ["eligible_voters", "outcome", "recorded_by"]  # by the service, on saving

    class Media:
        js = ["js/admission_vote.js"]

    def get_urls(self):
        return [
            path(
                "eligible/",
                self.admin_site.admin_view(self.eligible_view),
                name="members_admissionvote_eligible",
            ),
            *super().get_urls(),
        ]

    def eligible_view(self, request):
        """{"date", "eligible", "text"} for ?date= (the add page's script asks as it changes)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        day = parse_date(request.GET.get("date", ""))
        if day is None:
            return JsonResponse({"error": str(_("Enter a valid date."))}, status=400)
        count = services.eligible_voters_on(day)
        return JsonResponse(
            {"date": day.isoformat(), "eligible": count, "text": eligible_text(count, day)}
        )

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and "_recompute" in request.POST:
            if not self.has_add_permission(request):
                raise PermissionDenied
            # Without scripts: the same page again, with what was typed, nothing saved.
            typed = {name: request.POST[name] for name in self.fields if request.POST.get(name)}
            return redirect(f"{request.path}?{urlencode(typed)}")
        chosen = request.POST.get("date") if request.method == "POST" else request.GET.get("date")
        day = parse_date(chosen or "") or timezone.localdate()
        count = services.eligible_voters_on(day)
        extra_context = {
            **(extra_context or {}),
            "eligible_text": eligible_text(count, day),
            "eligible_url": reverse("admin:members_admissionvote_eligible"),
        }
        return super().add_view(request, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["admission_rule"] = admission_rule()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_fields(self, request, obj=None):
        if obj is None:  # what the service records is shown once it has
            return [name for name in self.fields if name not in self.RECORDED]
        return self.fields

    def get_changeform_initial_data(self, request):
        # The date whose eligible members the page shows at first.
        return {"date": timezone.localdate(), **super().get_changeform_initial_data(request)}

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.RECORDED
        return [name for name in self.fields if name not in {"notes", "meeting"}]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        vote = services.membership_record_vote(
            organisation=obj.organisation,
            date=obj.date,
            place=obj.place,
            votes_for=obj.votes_for,
            votes_against=obj.votes_against,
            abstentions=obj.abstentions,
            notes=form.cleaned_data.get("notes", ""),
            meeting=form.cleaned_data.get("meeting"),
            by=request.user,
        )
        obj.pk = vote.pk
        obj.refresh_from_db()
        messages.info(
            request,
            _(
                "Outcome: %(outcome)s (%(for)s for, %(against)s against, "
                "%(abstentions)s abstentions)."
            )
            % {
                "outcome": vote.get_outcome_display(),
                "for": vote.votes_for,
                "against": vote.votes_against,
                "abstentions": vote.abstentions,
            },
        )


@admin.register(ActivityReport)
class ActivityReportAdmin(DemoMarkAdmin, HistoryAdmin):
    list_display = ["organisation", "year", "language", "uploaded_at"]
    list_filter = ["year", "language"]
    search_fields = ["organisation__name", "organisation__acronym"]
    autocomplete_fields = ["organisation"]
    formfield_overrides = {
        models.FileField: {"form_class": PdfUploadField, "widget": FileNameWidget}
    }
