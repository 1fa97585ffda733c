"""Online ballots: one organisation, one vote, on an observer's admission or on a text.

Who voted (Participation) and what was voted are kept apart. In a secret ballot the choice is a
SecretVote, which names neither the organisation nor the time and whose key is random: nothing
joins the two tables (README.md states the design and its limits). In an open ballot the choice
is an OpenVote, which names the organisation: the members see each organisation's vote."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.capabilities import Capability, statuses_with
from members.models import Organisation


class BallotQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment, closed_at__isnull=True)

    def upcoming_at(self, moment):
        return self.filter(opens_at__gt=moment)

    def finished_at(self, moment):
        """Closed, or past their closing time and about to be closed by the next run."""
        return self.filter(Q(closed_at__isnull=False) | Q(closes_at__lte=moment))

    def due_to_close(self, moment):
        return self.filter(closes_at__lte=moment, closed_at__isnull=True)

    def for_list(self):
        return self.select_related("organisation", "document")


class Ballot(models.Model):
    """A vote of the collective's members, held online (and in the room, see PaperTally)."""

    class Kind(models.TextChoices):
        ADMISSION = "admission", _("admission of an observer")
        TEXT = "text", _("adoption of a text")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        REJECTED = "rejected", _("rejected")
        NO_QUORUM = "no-quorum", _("quorum not reached")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("observer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="admission_ballots",
        help_text=_("For an admission: the observer the members vote on."),
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ballots",
        help_text=_("For a text: the document of the library the members adopt, if it is one."),
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("For a text that is not in the library: the text itself."),
    )
    question = models.CharField(
        _("question"),
        max_length=300,
        help_text=_("« Adoptez-vous le communiqué de lancement du site ? »"),
    )
    opens_at = models.DateTimeField(_("opens at"), help_text=_("Paris time."))
    closes_at = models.DateTimeField(_("closes at"), help_text=_("Paris time."))
    is_secret = models.BooleanField(
        _("secret ballot"),
        default=True,
        help_text=_(
            "Secret: who voted is kept apart from the choices, and nobody is shown how an "
            "organisation voted. Open: the members see each organisation's vote."
        ),
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        help_text=_("The number of organisations that must take part for the vote to count."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # The result, written once when the ballot closes.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    eligible_count = models.PositiveSmallIntegerField(
        _("organisations that could vote"), null=True, blank=True, editable=False
    )
    participation_count = models.PositiveSmallIntegerField(
        _("organisations that took part"), null=True, blank=True, editable=False
    )
    quorum_reached = models.BooleanField(_("quorum reached"), null=True, editable=False)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True, editable=False
    )
    admission_vote = models.OneToOneField(
        "members.AdmissionVote",
        verbose_name=_("admission vote"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ballot",
        editable=False,
    )

    objects = BallotQuerySet.as_manager()

    # Declared for the type checker: modeltranslation's fields (translation.py).
    question_fr: str | None
    question_en: str | None
    text_fr: str | None
    text_en: str | None

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="ballot_closes_after_opening",
                violation_error_message=_("A ballot closes after it opens."),
            ),
        ]

    def __str__(self):
        return self.question

    @property
    def opening_date(self):
        """The day (in Paris) whose statuses say who may vote."""
        return timezone.localdate(self.opens_at)

    @property
    def closing_date(self):
        return timezone.localdate(self.closes_at)

    def state_at(self, moment):
        if self.closed_at or moment >= self.closes_at:
            return "closed"
        if moment < self.opens_at:
            return "upcoming"
        return "open"

    def is_open_at(self, moment):
        return self.state_at(moment) == "open"

    @property
    def is_admission(self):
        return self.kind == self.Kind.ADMISSION

    def eligible_organisations(self):
        """The organisations whose status on the opening date allowed them to vote, read from
        the membership history: one admitted after that day does not vote in this ballot."""
        return Organisation.objects.with_status_on(self.opening_date).filter(
            status_on_date__in=statuses_with(Capability.VOTE)
        )

    def outcome_label(self):
        if self.is_admission and self.outcome == self.Outcome.ADOPTED:
            return _("admitted")
        if self.is_admission and self.outcome == self.Outcome.REJECTED:
            return _("refused")
        return self.get_outcome_display()


class BallotOption(models.Model):
    """A possible answer. Its meaning is what the majority rule reads; its label is what the
    members see."""

    class Meaning(models.TextChoices):
        FOR = "for", _("for")
        AGAINST = "against", _("against")
        ABSTENTION = "abstention", _("abstention")

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="options"
    )
    meaning = models.CharField(_("meaning"), max_length=20, choices=Meaning.choices)
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    votes = models.PositiveSmallIntegerField(
        _("votes"), null=True, blank=True, editable=False, help_text=_("Counted at closing.")
    )

    label_fr: str | None
    label_en: str | None

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["ballot", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "meaning"], name="one_option_per_meaning")
        ]

    def __str__(self):
        return self.label


class Participation(models.Model):
    """That an organisation took part in a ballot, and how; never what it chose."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PROXY = "proxy", _("by proxy")
        PAPER = "paper", _("in the room")

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="ballot_participations",
    )
    channel = models.CharField(_("how"), max_length=20, choices=Channel.choices)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["ballot", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "organisation"], name="one_participation_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_channel_display()})"


class SecretVote(models.Model):
    """A choice in a secret ballot. Deliberately nothing but the ballot, the option and the
    hash of the receipt code: no organisation, no time, and a random key, so that neither a
    column nor the order of the keys pairs it with a Participation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="secret_votes"
    )
    option = models.ForeignKey(
        BallotOption, verbose_name=_("option"), on_delete=models.CASCADE, related_name="+"
    )
    receipt_hash = models.CharField(_("receipt hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("secret vote")
        verbose_name_plural = _("secret votes")
        # By the random key: any order but the order of writing.
        ordering = ["id"]

    def __str__(self):
        return str(_("a secret vote"))


class OpenVote(models.Model):
    """A choice in an open ballot: the organisation's vote, which the members see."""

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="open_votes"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    option = models.ForeignKey(
        BallotOption, verbose_name=_("option"), on_delete=models.CASCADE, related_name="+"
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("open vote")
        verbose_name_plural = _("open votes")
        ordering = ["ballot", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "organisation"], name="one_open_vote_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.option}"


class PaperTally(models.Model):
    """The in-room count of a secret ballot for one option, as the coordinators recorded it
    (the organisations present are Participations « in the room »)."""

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="paper_tallies"
    )
    option = models.ForeignKey(
        BallotOption, verbose_name=_("option"), on_delete=models.CASCADE, related_name="+"
    )
    votes = models.PositiveSmallIntegerField(_("votes"), default=0)

    class Meta:
        verbose_name = _("in-room count")
        verbose_name_plural = _("in-room counts")
        ordering = ["ballot", "option__position"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "option"], name="one_tally_per_option")
        ]

    def __str__(self):
        return f"{self.option}: {self.votes}"


class Proxy(models.Model):
    """An eligible organisation lets another vote for it in one ballot (« procuration »)."""

    ballot = models.ForeignKey(
        Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="proxies"
    )
    giver = models.ForeignKey(
        Organisation,
        verbose_name=_("given by"),
        on_delete=models.PROTECT,
        related_name="proxies_given",
    )
    holder = models.ForeignKey(
        Organisation,
        verbose_name=_("given to"),
        on_delete=models.PROTECT,
        related_name="proxies_held",
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by (account)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    given_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        ordering = ["ballot", "giver__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "giver"], name="one_proxy_per_giver"),
            models.CheckConstraint(
                condition=~Q(giver=models.F("holder")), name="proxy_not_to_itself"
            ),
        ]

    def __str__(self):
        return _("%(giver)s to %(holder)s") % {"giver": self.giver, "holder": self.holder}
