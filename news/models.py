import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from collectif.choices import choice_label
from collectif.list_urls import quick_reverse
from collectif.locking import Versioned
from collectif.validators import storable_datetime

if TYPE_CHECKING:
    from django.contrib.auth.models import User


# The columns of a news card, in both languages (the fallback reads the other one).
CARD_FIELDS = (
    "kind",
    "slug",
    "published_at",
    "event_start",
    "event_end",
    "event_place",
    "image",
    "image_width",
    "image_height",
    *(
        f"{field}_{code}"
        for field in ("title", "summary", "image_alt")
        for code, _name in settings.LANGUAGES
    ),
)


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=NewsItem.Status.PUBLISHED)

    def initiatives(self):
        return self.filter(kind__in=NewsItem.INITIATIVE_KINDS)

    def waiting_for_review(self):
        return self.filter(status=NewsItem.Status.SUBMITTED)

    def proposed_by(self, organisations):
        return self.filter(proposer__in=organisations)

    def for_list(self):
        """With what the news pages show of their organisations, and only that: an edit of an
        organisation's contact leaves the news' cached pages in place (collectif/page_cache.py)."""
        from members.models import Organisation

        shown = Organisation.objects.only("name", "acronym", "slug", "status")
        return self.prefetch_related(Prefetch("organisations", queryset=shown), "themes")

    def for_cards(self, *, organisations=False):
        """What a news card shows (news/_item_card.html): no text, no proposer; with
        `organisations`, the names of the organisations behind each item (one more query)."""
        from members.models import Organisation

        items = self.only(*CARD_FIELDS)
        if organisations:
            names = Organisation.objects.only("name", "acronym")
            items = items.prefetch_related(models.Prefetch("organisations", queryset=names))
        return items

    def newest_first(self):
        """Ordered by publication, the newest first. (Not `latest()`: Django's QuerySet.latest()
        returns one object.)"""
        return self.order_by("-published_at", "-pk")

    def of_month(self, month):
        """Published during the calendar month of `month` (a date), in Paris time."""
        paris = timezone.get_default_timezone()
        start = datetime(month.year, month.month, 1, tzinfo=paris)
        end = datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=paris)
        return self.filter(published_at__gte=start, published_at__lt=end)

    def events(self):
        return self.published().exclude(event_start=None)

    def upcoming_events(self, now=None):
        """Published items announcing an event not yet over, soonest first."""
        now = now or timezone.now()
        return (
            self.events()
            .filter(Q(event_end__gte=now) | Q(event_end=None, event_start__gte=now))
            .order_by("event_start", "pk")
        )

    def past_events(self, now=None):
        now = now or timezone.now()
        return (
            self.events()
            .filter(Q(event_end__lt=now) | Q(event_end=None, event_start__lt=now))
            .order_by("-event_start", "-pk")
        )

    def with_return_reason(self):
        """Annotate `return_reason`: the reason of the latest return to the proposer."""
        latest = (
            NewsItemTransition.objects.filter(
                item=OuterRef("pk"), to_status=NewsItem.Status.RETURNED
            )
            .order_by("-at", "-pk")
            .values("reason")[:1]
        )
        return self.annotate(return_reason=Subquery(latest))


class NewsItem(Versioned, models.Model):
    """A piece of news: by the collective itself, or a member's initiative that the
    coordinators relay once its link with trafficking is clearly presented. Versioned: its
    proposer's representatives and the coordinators may edit it at the same time."""

    class Kind(models.TextChoices):
        COMMUNIQUE = "communique", _("press release")
        POSITION = "position", _("position")
        ADVOCACY_LETTER = "advocacy-letter", _("monthly advocacy letter")
        EVENT = "event", _("event")
        CAMPAIGN = "campaign", _("campaign")
        PUBLICATION = "publication", _("publication")
        PETITION = "petition", _("petition or declaration to sign")
        PLATFORM = "platform", _("platform")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("news item", "draft")
        SUBMITTED = "submitted", _("waiting for review")
        RETURNED = "returned", _("returned to its proposer")
        PUBLISHED = "published", pgettext_lazy("news item", "published")

    COLLECTIVE_KINDS = (Kind.COMMUNIQUE, Kind.POSITION, Kind.ADVOCACY_LETTER)
    INITIATIVE_KINDS = (
        Kind.EVENT,
        Kind.CAMPAIGN,
        Kind.PUBLICATION,
        Kind.PETITION,
        Kind.PLATFORM,
    )
    # A representative changes its item only in these states; published ones change through
    # the coordinators.
    EDITABLE_BY_PROPOSER = (Status.DRAFT, Status.RETURNED)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences, shown in lists, in the feed and in the newsletter."),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Markdown: an empty line between paragraphs, **bold**, *italics*, [link](https://…), "
            "lines starting with « - » for a list, « ## » for a heading."
        ),
    )
    image = models.ImageField(
        _("image"),
        upload_to="news/images/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(
        _("image width"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("image height"), null=True, blank=True, editable=False
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it. Empty if decorative."),
    )
    proposer = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposed_news",
        help_text=_("The member that proposed this initiative; empty for the collective's news."),
    )
    organisations = models.ManyToManyField(
        "members.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="news_items",
        help_text=_("The organisations behind it."),
    )
    themes = models.ManyToManyField(
        "collectif.Theme", verbose_name=_("themes"), blank=True, related_name="news_items"
    )
    event_start = models.DateTimeField(
        _("event start"),
        null=True,
        blank=True,
        validators=[storable_datetime],
        help_text=_("Paris time. With a date, the item also appears in the events calendar."),
    )
    event_end = models.DateTimeField(
        _("event end"), null=True, blank=True, validators=[storable_datetime]
    )
    event_place = models.CharField(_("event place"), max_length=300, blank=True)
    link = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        help_text=_("Where to sign, register or read more, in each language if it differs."),
    )
    link_label = models.CharField(
        _("link text"),
        max_length=100,
        blank=True,
        help_text=_("« Sign the declaration ». By default: « Find out more »."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication date"), null=True, blank=True, db_index=True, validators=[storable_datetime]
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
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    # Declared for the type checker: modeltranslation's fields (translation.py) the services
    # read, and the author simple_history records with the next save (the services set it).
    title_fr: str | None
    title_en: str | None
    summary_fr: str | None
    summary_en: str | None
    _history_user: "User | None"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(event_end=None)
                | Q(event_start__isnull=False, event_end__gte=models.F("event_start")),
                name="news_event_ends_after_it_starts",
            )
        ]
        indexes = [
            # The agenda's and the home page's news events: the few items that announce one.
            models.Index(
                fields=["event_start"], condition=Q(event_start__isnull=False), name="news_event"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return quick_reverse("news:item-detail", "slug", self.slug)

    @property
    def kind_label(self):
        return choice_label(self.Kind, self.kind)

    @property
    def is_initiative(self):
        return self.kind in self.INITIATIVE_KINDS

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def editable_by_proposer(self):
        return self.status in self.EDITABLE_BY_PROPOSER

    # As an event of the public calendar (collectif/events.py): the same names as a
    # meeting's, so that the agenda and its feed show both alike.
    @property
    def start(self):
        return self.event_start

    @property
    def end(self):
        return self.event_end

    @property
    def place(self):
        return self.event_place

    is_cancelled = False
    is_public = True

    def get_public_url(self):
        return self.get_absolute_url()

    @property
    def calendar_uid(self):
        return f"news-{self.pk}@contrelatraite.org"


class NewsItemTransition(models.Model):
    """One change of an item's status: who, when, why. Only ever added."""

    item = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=NewsItem.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=NewsItem.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return _("%(item)s: %(from)s → %(to)s") % {
            "item": self.item,
            "from": self.get_from_status_display() or "—",
            "to": self.get_to_status_display(),
        }


def new_token():
    return secrets.token_urlsafe(32)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def unconfirmed_since(self, moment):
        return self.filter(confirmed_at=None, created_at__lt=moment)


class Subscriber(models.Model):
    """An address that asked for the newsletter. Unsubscribing deletes it: nothing is kept
    about a reader who left."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    token = models.CharField(
        _("unsubscribe key"), max_length=64, unique=True, default=new_token, editable=False
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent"), null=True, blank=True, editable=False
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Newsletter(models.Model):
    """A monthly letter composed by the coordinators from the month's news."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("newsletter", "draft")
        SENDING = "sending", _("sending")
        SENT = "sent", pgettext_lazy("newsletter", "sent")

    month = models.DateField(_("month"), help_text=_("Any day of the month the letter covers."))
    title = models.CharField(_("subject"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    items = models.ManyToManyField(
        NewsItem, verbose_name=_("news items"), blank=True, related_name="newsletters"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
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
    sending_started_at = models.DateTimeField(
        _("sending started"), null=True, blank=True, editable=False
    )
    sent_at = models.DateTimeField(_("sending finished"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["-month", "-pk"]

    def __str__(self):
        return self.title


class NewsletterDelivery(models.Model):
    """One letter to one subscriber. Claimed (« sending ») before the message goes and marked
    « sent » after, each in its own transaction: a crash leaves at most the one being sent
    « interrupted », and a resumed sending never writes to anyone twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("to send")
        SENDING = "sending", _("being sent")
        SENT = "sent", pgettext_lazy("newsletter delivery", "sent")
        FAILED = "failed", _("failed")
        INTERRUPTED = "interrupted", _("interrupted (not sent again)")
        SKIPPED = "skipped", _("skipped (unsubscribed)")

    newsletter = models.ForeignKey(
        Newsletter,
        verbose_name=_("newsletter"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempted_at = models.DateTimeField(_("attempted"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        ordering = ["newsletter", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "subscriber"], name="newsletter_delivery_once"
            )
        ]
        indexes = [models.Index(fields=["newsletter", "status"])]

    def __str__(self):
        return f"{self.newsletter} → {self.subscriber or '—'} ({self.get_status_display()})"
