from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collectif import dates

from .locking import Versioned


class Page(Versioned, models.Model):
    """A site-wide page whose text coordinators edit in both languages."""

    class Key(models.TextChoices):
        HOME = "home", _("Home")
        ABOUT = "about", _("About the collective")
        JOIN = "join", _("Joining the collective")
        LEGAL = "legal", _("Legal notice")
        PRIVACY = "privacy", _("Privacy")

    key = models.CharField(_("page"), max_length=20, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown first, in bold.")
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Plain text. Separate paragraphs with an empty line; web addresses become links."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()

    def get_absolute_url(self):
        return reverse(f"collectif:{self.key}")


class LegalInformation(Versioned, models.Model):
    """Who publishes the site and who hosts it: what French law (LCEN, article 6) requires the
    legal notice to name. One row, edited by coordinators, shown on the legal notice page."""

    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        help_text=_("The legal entity that publishes the site on behalf of the collective."),
    )
    publisher_address = models.CharField(_("publisher's address"), max_length=300)
    publisher_phone = models.CharField(_("publisher's phone"), max_length=40, blank=True)
    director = models.CharField(
        _("director of publication"),
        max_length=200,
        blank=True,
        help_text=_(
            "Required by law: the person legally responsible for what the site publishes, "
            "usually the publisher's legal representative. To be filled in."
        ),
    )
    director_role = models.CharField(
        _("role of the director of publication"),
        max_length=200,
        blank=True,
        help_text=_("For example « President of the Secours Catholique – Caritas France »."),
    )
    host = models.CharField(
        _("host"),
        max_length=200,
        blank=True,
        help_text=_(
            "Required by law: the company whose servers host the site, as its contract names "
            "it. To be filled in."
        ),
    )
    host_address = models.CharField(_("host's address"), max_length=300, blank=True)
    host_phone = models.CharField(_("host's phone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("legal information")
        verbose_name_plural = _("legal information")

    def __str__(self):
        return str(_("Publisher and host"))

    @classmethod
    def current(cls):
        """The one row (the migration creates it; a missing one is created empty)."""
        return cls.objects.order_by("pk").first() or cls()


class ContactMessage(models.Model):
    """A message sent through the contact form, kept so that none is lost with an e-mail."""

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=7)
    sender_hash = models.CharField(
        _("sender fingerprint"),
        max_length=64,
        db_index=True,
        editable=False,
        help_text=_("A keyed hash of the sender's network address, used only to limit abuse."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.subject}"


class Theme(models.Model):
    """A form of trafficking or a field of action, shared by members, texts and news."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class TranslationStamp(models.Model):
    """When one language of one translated field of one record last changed.

    Written by collectif.translation_status only, for any model registered with
    modeltranslation: comparing the stamps of the French and of the English says whether the
    English is older than the French it translates."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    field = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=7)
    changed_at = models.DateTimeField(_("last changed"))

    class Meta:
        verbose_name = _("translation date")
        verbose_name_plural = _("translation dates")
        ordering = ["content_type", "object_id", "field", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translation_stamp_unique",
            )
        ]

    def __str__(self):
        model = self.content_type.model_class()
        field = model._meta.get_field(self.field).verbose_name if model else self.field
        return _("%(kind)s #%(pk)s, %(field)s (%(language)s)") % {
            "kind": self.content_type.name,
            "pk": self.object_id,
            "field": field,
            "language": self.language.upper(),
        }


class TextNeedingTranslation(TranslationStamp):
    """The coordinators' list of records whose English is missing or stale (see the admin)."""

    class Meta:
        proxy = True
        verbose_name = _("text needing English")
        verbose_name_plural = _("texts needing English")


class ReminderSent(models.Model):
    """A reminder that went out: the key (kind, object, due date) makes each go once."""

    kind = models.CharField(_("kind"), max_length=100)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    subject = GenericForeignKey("content_type", "object_id")
    due_on = models.DateField(_("due on"))
    recipients = models.TextField(_("recipients"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "due_on"], name="reminder_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} #{self.object_id} ({dates.long_date(self.due_on)})"


class DemoContent(models.Model):
    """Marks a record `load_demo` invented (not the collective's history from its minutes),
    under a stable key: the demo finds it again on its next run, moves its dates to the new
    present instead of adding another, and the admin lists show it as demonstration content."""

    key = models.CharField(_("demo key"), max_length=150, unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("demonstration content")
        verbose_name_plural = _("demonstration content")
        ordering = ["key"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="demo_content_record")]

    def __str__(self):
        return self.key


class SiteSearchTerm(models.Model):
    """One word of one record of the site-wide search, with the best place it appears in: the
    same inverted index as the library's (documents/search.py), for the kinds the apps index
    (news, organisations, meetings…). `kind` names the indexed kind, `resource` its record's
    primary key (no foreign key: one table serves every kind)."""

    kind = models.CharField(max_length=40)
    resource = models.PositiveIntegerField()
    # A word, or a pair of words for phrases: as long as documents.search.MAX_PAIR_LENGTH.
    term = models.CharField(max_length=81)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [
            # The search reads a kind's range of words; reindexing deletes a record's rows.
            models.Index(fields=["kind", "term", "resource", "weight"], name="sitesearch_term"),
            models.Index(fields=["kind", "resource"], name="sitesearch_resource"),
        ]

    def __str__(self):
        return self.term
