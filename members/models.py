from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from collectif import dates
from collectif.collation import collated
from collectif.list_urls import quick_reverse
from collectif.locking import Versioned
from collectif.trash import LiveManager, Trashable

from . import capabilities
from .capabilities import Capability, MembershipStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class InternationalNetwork(Versioned, models.Model):
    """A network several members may belong to (Caritas Internationalis, ECPAT International…).
    Versioned: the representatives of each of its members edit it, as do the coordinators."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    presentation = models.TextField(
        _("presentation"),
        blank=True,
        help_text=_("What the network does against trafficking, in a few sentences."),
    )
    website = models.URLField(_("website"), blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    # Declared for the type checker: modeltranslation's fields (translation.py), and the author
    # simple_history records with the next save (the services set it).
    presentation_fr: str | None
    presentation_en: str | None
    _history_user: "User | None"

    class Meta:
        verbose_name = _("international network")
        verbose_name_plural = _("international networks")
        ordering = [collated("name"), "pk"]

    def __str__(self):
        return self.name


def initials(name, acronym):
    """What stands in for a missing logo: the acronym (up to two short words, « ECPAT
    France », which the mark sets on two lines), or the name's capitals."""
    if acronym and len(acronym) <= 12:
        return acronym
    return "".join(word[0] for word in name.split() if word[0].isupper())[:4]


# The coordinators are told of an admission vote this many days before it falls due.
VOTE_NOTICE_DAYS = 30


class OrganisationQuerySet(models.QuerySet):
    def with_capability(self, capability):
        return self.filter(status__in=capabilities.statuses_with(capability))

    def public(self):
        """Those the public site lists: members and observers."""
        return self.with_capability(Capability.APPEAR_PUBLICLY)

    def represented_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(representatives=user)

    def for_directory(self):
        return self.select_related("network").prefetch_related("themes")

    def observers(self):
        return self.filter(status=MembershipStatus.OBSERVER)

    def vote_due_between(self, start, end):
        return self.observers().filter(vote_due_on__gte=start, vote_due_on__lte=end)

    def vote_overdue(self, today):
        return self.observers().filter(vote_due_on__lt=today)

    def with_status_on(self, date):
        """Annotate `status_on_date`: the status each organisation had at the end of `date`,
        from the membership events (None if it had none yet)."""
        latest = (
            MembershipEvent.objects.filter(organisation=OuterRef("pk"), date__lte=date)
            .order_by("-date", "-pk")
            .values("to_status")[:1]
        )
        return self.annotate(status_on_date=Subquery(latest))

    def members_on(self, date):
        return self.with_status_on(date).filter(status_on_date=MembershipStatus.MEMBER)


class Organisation(Versioned, Trashable, models.Model):
    """A member association of the collective, or one on its way in or out.

    Deleting one moves it to the trash, unless the collective's records (votes, meetings,
    action items) name it: an association that leaves becomes a former member instead."""

    Status = MembershipStatus

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("As it is usually written: CCEM.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the association does, in particular against trafficking."),
    )
    themes = models.ManyToManyField(
        "collectif.Theme", verbose_name=_("themes"), blank=True, related_name="organisations"
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="members/logos/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(_("logo width"), null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(
        _("logo height"), null=True, blank=True, editable=False
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("In each language, the address of the site in that language, if it has one."),
    )
    network = models.ForeignKey(
        InternationalNetwork,
        verbose_name=_("international network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
    )

    contact_first_name = models.CharField(_("first name"), max_length=100, blank=True)
    contact_last_name = models.CharField(_("last name"), max_length=100, blank=True)
    contact_role = models.CharField(_("role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_name_public = models.BooleanField(_("name is public"), default=True)
    contact_role_public = models.BooleanField(_("role is public"), default=True)
    contact_email_public = models.BooleanField(_("e-mail address is public"), default=True)
    contact_phone_public = models.BooleanField(_("telephone is public"), default=False)
    contact_address_public = models.BooleanField(
        _("postal address is public"),
        default=False,
        help_text=_("A shelter keeps its address private."),
    )
    contact_confirmed_on = models.DateField(
        _("contact confirmed on"),
        null=True,
        blank=True,
        help_text=_(
            "The date the organisation last confirmed that its contact is accurate and that the "
            "fields marked public may be published."
        ),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.CANDIDATE,
        db_index=True,
    )
    status_since = models.DateField(_("in this status since"), null=True, blank=True)
    vote_due_on = models.DateField(
        _("admission vote due on"),
        null=True,
        blank=True,
        help_text=_("For an observer: the end of its observation period."),
    )
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representatives"),
        blank=True,
        related_name="organisations",
        help_text=_("The accounts that keep this organisation's page up to date."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = LiveManager.from_queryset(OrganisationQuerySet)()
    all_objects = OrganisationQuerySet.as_manager()

    # The minutes and votes name it: hiding it would leave them pointing at nothing.
    trash_dependents = [
        (
            "admission_votes",
            ngettext_lazy("%(count)d admission vote", "%(count)d admission votes", "count"),
        ),
        (
            "attendances",
            ngettext_lazy(
                "%(count)d attendance at a meeting", "%(count)d attendances at meetings", "count"
            ),
        ),
        ("delegations", ngettext_lazy("%(count)d delegation", "%(count)d delegations", "count")),
        ("action_items", ngettext_lazy("%(count)d action item", "%(count)d action items", "count")),
        (
            ("proposed_news", "news_items"),
            ngettext_lazy("%(count)d news item", "%(count)d news items", "count"),
        ),
    ]
    trash_refusal_advice = _("an association that leaves is recorded as a former member")

    # The author simple_history records with the next save, set by the services (declared for
    # the type checker).
    _history_user: "User | None"

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = [collated("name"), "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return quick_reverse("members:organisation-detail", "slug", self.slug)

    def can(self, capability):
        return capabilities.can(self.status, capability)

    def refusal_reason(self, capability):
        return capabilities.refusal_reason(self, capability)

    @property
    def display_name(self):
        if self.acronym and self.acronym.lower() != self.name.lower():
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def initials(self):
        return initials(self.name, self.acronym)

    @property
    def is_public(self):
        return self.can(Capability.APPEAR_PUBLICLY)

    @property
    def is_observer(self):
        return self.status == MembershipStatus.OBSERVER

    @property
    def is_member(self):
        return self.status == MembershipStatus.MEMBER

    @property
    def contact_name(self):
        return f"{self.contact_first_name} {self.contact_last_name}".strip()

    @property
    def has_contact(self):
        return bool(self.contact_name and (self.contact_email or self.contact_phone))

    def public_contact(self):
        """The contact fields the organisation chose to publish, once it has confirmed them;
        an empty dict otherwise."""
        if not self.contact_confirmed_on:
            return {}
        shown = {
            "name": self.contact_name if self.contact_name_public else "",
            "role": self.contact_role if self.contact_role_public else "",
            "email": self.contact_email if self.contact_email_public else "",
            "phone": self.contact_phone if self.contact_phone_public else "",
            "address": self.contact_address if self.contact_address_public else "",
        }
        return {key: value for key, value in shown.items() if value}


class ActivityReport(models.Model):
    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.FRENCH
    )
    file = models.FileField(_("PDF file"), upload_to="members/reports/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    # The author simple_history records with the next save, set by the services (declared for
    # the type checker).
    _history_user: "User | None"

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        ordering = ["organisation", "-year", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "language"], name="one_report_per_year_language"
            )
        ]

    def __str__(self):
        return _("Activity report %(year)s") % {"year": self.year}


class AdmissionVote(models.Model):
    """The full members' vote on an observer's admission, as the coordinators recorded it."""

    class Outcome(models.TextChoices):
        ADMITTED = "admitted", _("admitted")
        REFUSED = "refused", _("refused")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="admission_votes",
    )
    date = models.DateField(_("date of the vote"))
    place = models.CharField(
        _("where it was held"),
        max_length=300,
        help_text=_("The meeting at which the members voted: « Réunion plénière du 7 novembre »."),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="admission_votes",
        help_text=_("The meeting at which the members voted, if it is recorded."),
    )
    votes_for = models.PositiveSmallIntegerField(_("votes for"))
    votes_against = models.PositiveSmallIntegerField(_("votes against"))
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    eligible_voters = models.PositiveSmallIntegerField(
        _("eligible voters"),
        editable=False,
        help_text=_("Organisations that were full members on the day of the vote."),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("admission vote")
        verbose_name_plural = _("admission votes")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return _("Admission vote on %(organisation)s, %(date)s") % {
            "organisation": self.organisation,
            "date": dates.long_date(self.date),
        }

    @property
    def votes_cast(self):
        return self.votes_for + self.votes_against


class MembershipEvent(models.Model):
    """One change of an organisation's status. Events are only ever added, never changed."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership_events",
    )
    date = models.DateField(_("date"))
    from_status = models.CharField(
        _("from"), max_length=20, choices=MembershipStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=MembershipStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    vote = models.ForeignKey(
        AdmissionVote,
        verbose_name=_("admission vote"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        ordering = ["organisation", "date", "pk"]

    def __str__(self):
        # Read in the admin's lists and history: the statuses' names, the date in words.
        return _("%(organisation)s, %(date)s: %(from)s → %(to)s") % {
            "organisation": self.organisation,
            "date": dates.long_date(self.date),
            "from": self.get_from_status_display() or "—",
            "to": self.get_to_status_display(),
        }
