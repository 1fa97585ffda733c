from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from collectif import dates
from collectif.collation import collated
from collectif.list_urls import quick_reverse
from collectif.locking import Versioned
from collectif.permissions import is_coordinator
from collectif.trash import LiveManager, Trashable
from collectif.validators import storable_datetime
from members.access import can_read_members_only
from members.models import Organisation

# Both languages of the texts: the other one stands in for a missing translation.
AGENDA_FIELDS = (
    *(f"{field}_{code}" for field in ("title", "summary") for code, _name in settings.LANGUAGES),
    *("start", "end", "place_name", "place_address", "room", "status", "visibility", "updated_at"),
)


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Not yet over, soonest first."""
        now = now or timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now)).order_by(
            "start", "pk"
        )

    def past(self, now=None):
        """Over, latest first."""
        now = now or timezone.now()
        return self.filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now)).order_by(
            "-start", "-pk"
        )

    def public(self):
        return self.filter(visibility=Meeting.Visibility.PUBLIC)

    def visible_to(self, user):
        """Everything for those who read the minutes, public events for anyone else."""
        return self if can_read_members_only(user) else self.public()

    def plenaries(self):
        return self.filter(kind=Meeting.Kind.PLENARY)

    def for_agenda(self):
        """What the public agenda and its feed show of a meeting (collectif/events.py)."""
        return self.only(*AGENDA_FIELDS)

    def for_list(self):
        return self.prefetch_related(
            models.Prefetch(
                "delegations", queryset=Delegation.objects.select_related("organisation")
            )
        )


class Meeting(Versioned, Trashable, models.Model):
    """A meeting of the collective, with an institution or a partner, or an outside event.

    Deleting one moves it to the trash with its minutes (agenda, action items, attendance),
    unless another record refers to it. Its version covers everything its admin page edits."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary meeting of the collective")
        INSTITUTION = "institution", _("delegation to an institution")
        PARTNER = "partner", _("meeting with a partner")
        EVENT = "event", _("external event")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public event")
        MEMBERS = "members", _("members only")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(
        _("title"),
        max_length=250,
        help_text=_("« Réunion plénière du Collectif », without the date."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("What the meeting is for, as announced beforehand. Plain text."),
    )
    start = models.DateTimeField(
        _("start"), validators=[storable_datetime], help_text=_("Paris time.")
    )
    end = models.DateTimeField(
        _("end"), null=True, blank=True, validators=[storable_datetime], help_text=_("Paris time.")
    )
    place_name = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("« Secours Catholique »")
    )
    place_address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("« 106 rue du Bac, 75007 Paris »")
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text=_(
            "A public event appears on the public agenda and its feed (title, summary, date, "
            "place). Minutes are always for members only."
        ),
    )
    announced_meetings = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="announced_in",
        verbose_name=_("next meetings announced"),
        help_text=_("The « prochaines rencontres » listed at the top of the minutes."),
    )
    minutes_dated = models.DateField(
        _("minutes dated"),
        null=True,
        blank=True,
        help_text=_("The date the minutes were written: « Paris, le 6 octobre 2014 »."),
    )
    signed_by = models.CharField(
        _("signed by"),
        max_length=200,
        blank=True,
        help_text=_("« Geneviève Colas et Constance Mazard »"),
    )
    minutes_approved_on = models.DateField(
        _("minutes approved on"),
        null=True,
        blank=True,
        help_text=_("Empty while the minutes are a draft."),
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes",
        help_text=_("Usually the next plenary meeting."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = LiveManager.from_queryset(MeetingQuerySet)()
    all_objects = MeetingQuerySet.as_manager()

    trash_dependents = [
        (
            "announced_in",
            ngettext_lazy(
                "announced in the minutes of %(count)d meeting",
                "announced in the minutes of %(count)d meetings",
                "count",
            ),
        ),
        (
            "approved_minutes",
            ngettext_lazy(
                "the minutes of %(count)d meeting were approved at it",
                "the minutes of %(count)d meetings were approved at it",
                "count",
            ),
        ),
        (
            "admission_votes",
            ngettext_lazy(
                "%(count)d admission vote was held at it",
                "%(count)d admission votes were held at it",
                "count",
            ),
        ),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.title} ({dates.long_date(self.start)})"

    def get_absolute_url(self):
        return quick_reverse("meetings-portal:meeting-detail", "pk", self.pk)

    def get_public_url(self):
        return quick_reverse("meetings:event-detail", "pk", self.pk)

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def minutes_are_draft(self):
        return self.minutes_approved_on is None

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def place(self):
        return ", ".join(part for part in [self.place_name, self.place_address, self.room] if part)


class PersonMet(models.Model):
    """Someone the collective met: « Raphael SODINI, Conseiller immigration et asile »."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="people_met"
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=250, blank=True)
    institution = models.CharField(
        _("institution"), max_length=250, blank=True, help_text=_("« Ministère de l'Intérieur »")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("person met")
        verbose_name_plural = _("people met")
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return ", ".join(part for part in [self.name, self.role, self.institution] if part)


class Attendance(models.Model):
    class Presence(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.CharField(_("person"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        help_text=_("Empty for someone who came in their own name."),
    )
    presence = models.CharField(
        _("presence"), max_length=20, choices=Presence.choices, default=Presence.PRESENT
    )
    note = models.CharField(
        _("note"),
        max_length=250,
        blank=True,
        help_text=_("« coordination du Collectif », « from 11:30 to present their association »"),
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", collated("organisation__name"), "pk"]

    def __str__(self):
        return f"{self.person} ({self.organisation})" if self.organisation else self.person


class Delegation(models.Model):
    """An organisation sent to represent the collective (see services.delegation_add)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="delegations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="delegations",
    )

    class Meta:
        verbose_name = _("organisation of the delegation")
        verbose_name_plural = _("delegation")
        ordering = ["meeting", collated("organisation__name"), "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organisation"], name="delegation_once")
        ]

    def __str__(self):
        return str(self.organisation)


class AgendaItem(models.Model):
    """A numbered section of the minutes."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Sections are numbered in this order.")
    )
    title = models.CharField(_("title"), max_length=300)
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        help_text=_(
            "What was said, in Markdown: an empty line between paragraphs, « - » at the start "
            "of each point of a list, **bold**, [text](https://…) for a link; e-mail and web "
            "addresses become links."
        ),
    )
    decisions = models.TextField(
        _("decisions"), blank=True, help_text=_("In Markdown, as the minutes.")
    )

    # Set by selectors.minutes_for on the sections of the minutes it shows.
    number: int
    visible_action_items: "list[ActionItem]"
    visible_annexes: "list[Annex]"

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "meeting" in update_fields:
            refusal = self._move_refusal()
            if refusal:
                raise refusal
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        refusal = self._move_refusal()
        if refusal:
            raise refusal

    def _move_refusal(self):
        # The other side of OfAnAgendaItemOfItsMeeting: an agenda item moved to another meeting
        # would leave its action items and annexes under the old one.
        if self._state.adding or self.meeting_id is None:
            return None
        stored = AgendaItem._base_manager.filter(pk=self.pk).values_list("meeting_id", flat=True)
        if stored.first() in (None, self.meeting_id):
            return None
        if not (self.action_items.exists() or self.annexes.exists()):
            return None
        return ValidationError(
            {
                "meeting": ValidationError(
                    _(
                        "This agenda item has action items or annexes, which are filed under "
                        "its meeting: it cannot move to another meeting."
                    ),
                    code="has_action_items_or_annexes",
                )
            }
        )


class OfAnAgendaItemOfItsMeeting:
    """For a row that stores both its meeting (what lists, feeds and the meeting's version
    read) and its agenda item: the agenda item must be one of that meeting's. Checked by
    `clean()` for forms, on the agenda item's field; and by `save()`, so that no write path
    stores a pair that disagrees. A disagreeing pair is refused, not mended by taking the agenda
    item's meeting: the caller named a meeting, and silently filing the row under another one
    would hide the mistake. (`QuerySet.update()` and `bulk_create()` skip both; no code writes
    these fields that way.)"""

    def _agenda_item_refusal(self):
        if self.agenda_item_id is None or self.meeting_id is None:
            return None
        if self.agenda_item.meeting_id == self.meeting_id:
            return None
        return ValidationError(
            {
                "agenda_item": ValidationError(
                    _("Choose an agenda item of this meeting."), code="other_meeting"
                )
            }
        )

    def clean(self):
        super().clean()
        refusal = self._agenda_item_refusal()
        if refusal:
            raise refusal

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"meeting", "agenda_item"} & set(update_fields):
            refusal = self._agenda_item_refusal()
            if refusal:
                raise refusal
        super().save(*args, **kwargs)


def annex_upload_to(annex, filename):
    # Where annexes kept their own file before they became documents of the library; still
    # named by migration 0001.
    return f"meetings/annexes/{filename}"


class AnnexQuerySet(models.QuerySet):
    def with_documents(self):
        return self.select_related("document").order_by("number", "pk")


class Annex(OfAnAgendaItemOfItsMeeting, models.Model):
    """A document of the library attached to an agenda item, under the number the minutes cite
    (« voir en annexe 2 »). The file, its title and who may read it are the document's."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="annexes"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="annexes"
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("As the minutes cite it: « voir en annexe 2 ».")
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="annexes",
        help_text=_(
            "A document of the library (members only unless made public there). Not there "
            "yet? Add it with the « + » button, or in the library first."
        ),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = AnnexQuerySet.as_manager()

    class Meta:
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")
        ordering = ["meeting", "number", "pk"]

    def __str__(self):
        return _("Annex %(number)s: %(title)s") % {
            "number": self.number,
            "title": self.document.title,
        }


def overdue_first_ordering(today=None):
    """Overdue open items, then other open ones by due date (undated last), then closed."""
    today = today or timezone.localdate()
    rank = Case(
        When(status=ActionItem.Status.OPEN, due_on__lt=today, then=Value(0)),
        When(status=ActionItem.Status.OPEN, then=Value(1)),
        default=Value(2),
        output_field=models.IntegerField(),
    )
    return [rank.asc(), models.F("due_on").asc(nulls_last=True), "pk"]


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ActionItem.Status.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def due_between(self, start, end):
        return self.open().filter(due_on__gte=start, due_on__lte=end)

    def for_organisation(self, organisation):
        return self.filter(organisations=organisation)

    def for_organisations(self, organisations):
        return self.filter(organisations__in=organisations).distinct()

    def visible_to(self, user):
        """Restricted items only for their owners' representatives and the coordinators."""
        if is_coordinator(user):
            return self
        return self.filter(
            Q(restricted=False)
            | Q(organisations__in=Organisation.objects.represented_by(user).values("pk"))
        ).distinct()

    def overdue_first(self, today=None):
        return self.order_by(*overdue_first_ordering(today))

    def outstanding_at(self, meeting):
        """The « suivi des actions » of `meeting`: items of earlier meetings that were still
        open when it was held (open now, or closed on or after its day)."""
        day = timezone.localdate(meeting.start)
        return self.filter(meeting__start__lt=meeting.start).filter(
            Q(status=ActionItem.Status.OPEN) | Q(done_on__gte=day)
        )

    def with_owners(self):
        return self.select_related("meeting", "agenda_item").prefetch_related(
            models.Prefetch(
                "organisations", queryset=Organisation.objects.order_by(collated("name"), "pk")
            )
        )

    def annotate_owned_by(self, organisations):
        return self.annotate(
            owned=Exists(
                ActionItem.organisations.through.objects.filter(
                    actionitem=OuterRef("pk"), organisation__in=organisations
                )
            )
        )


class ActionItemManager(models.Manager.from_queryset(ActionItemQuerySet)):
    """The action items of meetings in the trash go with them."""

    def get_queryset(self):
        return super().get_queryset().filter(meeting__deleted_at__isnull=True)


class ActionItem(OfAnAgendaItemOfItsMeeting, models.Model):
    """An « À suivre »: what is to be done, by whom, by when."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="action_items",
    )
    text = models.TextField(_("what is to be done"), help_text=_("In Markdown, as the minutes."))
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations responsible"),
        blank=True,
        related_name="action_items",
    )
    for_coordination = models.BooleanField(
        _("for the coordination"), default=False, help_text=_("The coordination follows it up.")
    )
    for_every_member = models.BooleanField(
        _("for every member"),
        default=False,
        help_text=_("« Chacun est invité à… »: every member is asked; the coordination closes it."),
    )
    restricted = models.BooleanField(
        _("restricted"),
        default=False,
        help_text=_("Only the organisations responsible and the coordination see it."),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    done_on = models.DateField(_("closed on"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ActionItemManager()

    # Set by the selectors on the items they list, for their reader.
    closable: bool
    overdue: bool

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["meeting", "agenda_item__position", "position", "pk"]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def is_overdue(self, today=None):
        return (
            self.is_open
            and self.due_on is not None
            and self.due_on < (today or timezone.localdate())
        )


class MinutesSending(models.Model):
    """One e-mail of a meeting's minutes to one representative."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="sendings"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=7)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    minutes_were_draft = models.BooleanField(_("draft when sent"), default=True)
    # Set by the worker when it takes this sending, then when the mail went: a sending
    # claimed and never delivered was interrupted, and is not mailed again.
    claimed_at = models.DateTimeField(_("taken by the worker"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("sending of the minutes")
        verbose_name_plural = _("sendings of the minutes")
        ordering = ["-sent_at", "email"]

    def __str__(self):
        return f"{self.meeting} → {self.email}"


class ReaderSettings(models.Model):
    """A member user's choices: the language of the mail it receives, its calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="meeting_settings",
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    calendar_token = models.CharField(
        _("calendar key"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    calendar_token_created_at = models.DateTimeField(
        _("calendar key created"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("reader settings")
        verbose_name_plural = _("reader settings")
        ordering = ["user__username"]

    def __str__(self):
        return str(self.user)

    @staticmethod
    def mail_language(user):
        """The language `user` reads the collective's mail in: its choice, else the site's.
        Read with `select_related`/`prefetch_related` of "meeting_settings", no query."""
        row = getattr(user, "meeting_settings", None)
        return row.language if row else settings.LANGUAGE_CODE
