"""The coordinators' side of ballots, in French like the rest of the admin.

A secret ballot's page shows who took part and how (online, by proxy, in the room), never
what anyone chose: the choices (SecretVote) have no admin at all, and the counts appear once
the ballot is closed. An open ballot shows each organisation's vote once it is closed, as the
members see it."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from collectif.admin import DemoMarkAdmin, ReadOnlyAdminMixin
from collectif.forms import add_service_error
from members.models import Organisation

from . import services
from .models import Ballot, BallotOption, OpenVote, Participation, Proxy


class BallotAdminForm(forms.ModelForm):
    class Meta:
        model = Ballot
        fields = [
            "kind",
            "question",
            "organisation",
            "document",
            "text",
            "opens_at",
            "closes_at",
            "is_secret",
            "quorum",
        ]

    def _post_clean(self):
        # After the model form has put the values on the instance: the service judges it.
        super()._post_clean()
        if not self.errors:
            try:
                services.ballot_validate(self.instance)
            except ValidationError as error:
                add_service_error(self, error)


class BallotOptionInline(TranslationTabularInline):
    model = BallotOption
    extra = 0
    fields = ["position", "meaning", "label", "votes"]
    readonly_fields = ["votes"]


class ParticipationInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Participation
    deletable = False
    extra = 0
    fields = ["organisation", "channel"]
    verbose_name_plural = _("organisations that took part (not how they voted)")


class ProxyInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Proxy
    deletable = False
    extra = 0
    fields = ["giver", "holder", "given_at"]
    readonly_fields = ["given_at"]


class OpenVoteInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Only for an open ballot, once closed."""

    model = OpenVote
    deletable = False
    extra = 0
    fields = ["organisation", "option"]


@admin.register(Ballot)
class BallotAdmin(DemoMarkAdmin, TabbedTranslationAdmin):
    form = BallotAdminForm
    list_display = ["question", "kind", "opens_at", "closes_at", "is_secret", "outcome"]
    list_filter = ["kind", "is_secret", "outcome"]
    search_fields = ["question_fr", "question_en"]
    date_hierarchy = "opens_at"
    fieldsets = [
        (None, {"fields": ["kind", "question", "organisation", "document", "text"]}),
        (_("Vote"), {"fields": ["opens_at", "closes_at", "is_secret", "quorum"]}),
        (
            _("Result"),
            {
                "fields": [
                    "closed_at",
                    "eligible_count",
                    "participation_count",
                    "quorum_reached",
                    "outcome",
                    "admission_vote",
                ]
            },
        ),
    ]
    readonly_fields = [
        "closed_at",
        "eligible_count",
        "participation_count",
        "quorum_reached",
        "outcome",
        "admission_vote",
    ]

    def get_inlines(self, request, obj=None):
        inlines = [BallotOptionInline]
        if obj is not None:
            inlines += [ParticipationInline, ProxyInline]
            if obj.closed_at and not obj.is_secret:
                inlines.append(OpenVoteInline)
        return inlines

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = Organisation.objects.observers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # A ballot that has opened is part of the collective's record.
        if obj is not None and obj.participations.exists():
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.ballot_save(ballot=obj, by=request.user, default_options=False)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.ballot_add_default_options(ballot=form.instance)
