from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import get_language, ngettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from collectif.choices import choice_label
from collectif.list_urls import quick_reverse
from collectif.locking import Versioned
from collectif.partial_dates import DatePrecision, DateYear, PartialDate
from collectif.permissions import is_coordinator
from collectif.trash import LiveManager, Trashable
from collectif.uploads import validate_library_document, validate_library_pdf
from members.access import can_read_members_only

from . import indexing, references, search
from .references import split_lines
from .storage import get_private_storage

# Texts not reviewed for this long are shown to coordinators as needing a check.
CHECK_INTERVAL = timedelta(days=365)


class IssuingBody(models.Model):
    """An institution that adopts or publishes texts: the Council of Europe and its GRETA,
    UNODC, the European Union, the French Republic…"""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("As used in this language: ONUDC / UNODC."),
    )
    slug = models.SlugField(
        _("identifier"),
        max_length=60,
        unique=True,
        help_text=_("Used in addresses and in import files; do not change it once used."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("For instance GRETA is part of the Council of Europe."),
    )

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["slug"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class SearchableText(models.Model):
    """The text of a record's files (for the search's index, documents/indexing.py) and a
    folded copy of it that keeps every character in its place, where an excerpt around a
    match is found."""

    text_fr = models.TextField(_("text of the French file"), blank=True, editable=False)
    text_en = models.TextField(_("text of the English file"), blank=True, editable=False)
    search_body = models.TextField(blank=True, editable=False)

    # What pages never show, and lists and results never load.
    LONG_TEXTS = ("text_fr", "text_en", "search_body")

    class Meta:
        abstract = True


class SearchTerm(models.Model):
    """One word of one text, with the best place it appears in (see documents/search.py):
    the search's inverted index, the same on every database."""

    term = models.CharField(max_length=search.MAX_PAIR_LENGTH)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        abstract = True

    def __str__(self):
        return self.term


class LegalResourceTerm(SearchTerm):
    resource = models.ForeignKey(
        "LegalResource", on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        indexes = [
            models.Index(fields=["term", "resource", "weight"], name="documents_lrterm_term"),
            models.Index(fields=["resource"], name="documents_lrterm_resource"),
        ]


class DocumentTerm(SearchTerm):
    resource = models.ForeignKey(
        "Document", on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        indexes = [
            models.Index(fields=["term", "resource", "weight"], name="documents_docterm_term"),
            models.Index(fields=["resource"], name="documents_docterm_resource"),
        ]


class SearchWord(models.Model):
    """Every word of the library's index, once: a word typed as the beginning of others is
    looked up here first (documents/library_query.py). Those of titles, common names and
    references (`titled`, with how one is written) are what « did you mean » draws from
    (trigram similarity: pg_trgm on PostgreSQL, the same formula in Python elsewhere)."""

    word = models.CharField(max_length=search.MAX_TERM_LENGTH, unique=True)
    label = models.CharField(max_length=search.MAX_TERM_LENGTH * 2, blank=True)
    titled = models.BooleanField(default=False)

    def __str__(self):
        return self.label


class LegalResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Coordinators also see drafts (to check them before publishing)."""
        if user is not None and user.is_authenticated and is_coordinator(user):
            return self
        return self.published()

    def matching(self, query):
        return search.matching(self, query, LegalResourceTerm)

    def search(self, query):
        return search.ranked(
            self,
            query,
            LegalResourceTerm,
            tie_break=[
                Case(
                    When(kind__in=LegalResource.BINDING_KINDS, then=Value(0)),
                    default=Value(1),
                    output_field=models.IntegerField(),
                )
            ],
        )

    def needs_check(self, today=None):
        """Texts nobody has checked to be current for CHECK_INTERVAL (or ever)."""
        today = today or timezone.localdate()
        return self.filter(
            Q(last_checked__isnull=True) | Q(last_checked__lt=today - CHECK_INTERVAL)
        )

    def missing_translation(self):
        """The texts whose English title, or English summary where a French one exists, is
        missing."""
        no_title = Q(title_en__isnull=True) | Q(title_en="")
        no_summary = Q(summary_fr__gt="") & (Q(summary_en__isnull=True) | Q(summary_en=""))
        return self.filter(no_title | no_summary)

    def with_broken_link(self):
        broken = LinkCheck.objects.filter(ok=False)
        return self.filter(
            Exists(broken.filter(url=OuterRef("url_fr")))
            | Exists(broken.filter(url=OuterRef("url_en")))
            | Exists(broken.filter(url=OuterRef("consolidated_url")))
        )

    def for_list(self):
        """What a list shows: never the text of the files nor the search's copies."""
        return self.select_related("body").defer(*SearchableText.LONG_TEXTS)


class LegalResource(Versioned, Trashable, SearchableText):
    """A text of the law library « Droit »: a treaty, a directive, a law, a report…

    Deleting one moves it to the trash, unless a text of the library amends it or it replaces
    one (their pages and forms point to it)."""

    class Kind(models.TextChoices):
        CONVENTION = "convention", _("Convention")
        PROTOCOL = "protocol", _("Protocol")
        DIRECTIVE = "directive", _("Directive")
        REGULATION = "regulation", _("Regulation")
        LAW = "law", pgettext_lazy("kind of text", "Law")
        DECREE = "decree", _("Decree")
        FRAMEWORK_DECISION = "framework-decision", _("Framework decision")
        CIRCULAR = "circular", _("Circular")
        RESOLUTION = "resolution", _("Resolution")
        ACTION_PLAN = "action-plan", _("Action plan")
        REPORT = "report", _("Report")
        RECOMMENDATION = "recommendation", _("Recommendation")
        GENERAL_COMMENT = "general-comment", _("General recommendation or comment")
        OPINION = "opinion", _("Opinion")
        CASE_LAW = "case-law", _("Case law")
        GUIDE = "guide", _("Guide")

    # Among texts a search scores alike, these come first: they bind States.
    BINDING_KINDS = frozenset(
        [
            Kind.CONVENTION,
            Kind.PROTOCOL,
            Kind.DIRECTIVE,
            Kind.REGULATION,
            Kind.FRAMEWORK_DECISION,
            Kind.LAW,
            Kind.DECREE,
        ]
    )

    class Level(models.TextChoices):
        INTERNATIONAL = "international", _("International")
        EUROPEAN = "european", _("European")
        NATIONAL = "national", _("National")

    class Status(models.TextChoices):
        IN_FORCE = "in-force", _("In force")
        NOT_YET_IN_FORCE = "not-yet-in-force", _("Not yet in force")
        AMENDED = "amended", _("Amended")
        REPEALED = "repealed", _("Repealed")
        REPLACED = "replaced", _("Replaced")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("identifier"),
        max_length=120,
        unique=True,
        help_text=_("The end of the text's address, and its key in import files."),
    )
    summary = models.TextField(_("summary"), blank=True)
    common_names = models.TextField(
        _("common names"),
        blank=True,
        help_text=_(
            "The names people know the text by, one per line: « Protocole de Palerme », "
            "« Convention de Varsovie ». Shown under the title and searched like it."
        ),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_(
            "Convention or protocol: a treaty States ratify. Directive, regulation, framework "
            "decision (before 2009, justice and home affairs): acts of the European Union. "
            "Resolution: adopted by an assembly (UN General Assembly, European Parliament). "
            "Recommendation: addressed to States by a body (Committee of Ministers, GRETA). "
            "General recommendation or comment: a treaty committee's reading of its treaty "
            "(CEDAW, Committee on the Rights of the Child). Opinion: an advisory body's view "
            "(CNCDH, EESC). Report: an evaluation or a study."
        ),
    )
    body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="legal_resources",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    date = models.DateField(
        _("date"),
        help_text=_(
            "The date the text was adopted or published. Type only what is known: « 2012 », "
            "« 11/2000 » or « 15/11/2000 »."
        ),
    )
    # Read by the library's year filter without a date to parse per row.
    year = models.GeneratedField(
        expression=DateYear("date"), output_field=models.IntegerField(), db_persist=True
    )
    date_precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("A text known only by its year is shown as « 2012 », never as a day."),
    )
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    france_signature = models.DateField(
        _("signed by France"), null=True, blank=True, help_text=_("For treaties, where known.")
    )
    france_ratification = models.DateField(
        _("ratified by France"),
        null=True,
        blank=True,
        help_text=_("For treaties: ratification, acceptance, approval or accession."),
    )
    themes = models.ManyToManyField(
        "collectif.Theme", verbose_name=_("themes"), blank=True, related_name="legal_resources"
    )
    file_fr = models.FileField(
        _("French file"),
        upload_to="documents/law/%Y/",
        blank=True,
        validators=[validate_library_pdf],
        help_text=_("The text in French, as a PDF."),
    )
    file_en = models.FileField(
        _("English file"),
        upload_to="documents/law/%Y/",
        blank=True,
        validators=[validate_library_pdf],
        help_text=_("The text in English, as a PDF."),
    )
    url_fr = models.URLField(_("official link (French)"), max_length=500, blank=True)
    url_en = models.URLField(_("official link (English)"), max_length=500, blank=True)
    status = models.CharField(
        _("legal status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE
    )
    consolidated_url = models.URLField(
        _("consolidated version"),
        max_length=500,
        blank=True,
        help_text=_("The official consolidated version, where one exists."),
    )
    amends = models.ManyToManyField(
        "self",
        verbose_name=_("amends"),
        symmetrical=False,
        blank=True,
        related_name="amended_by",
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        help_text=_("The newer text that replaces this one."),
    )
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("The day a coordinator last checked that this text is current."),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are seen by coordinators only.")
    )
    published_at = models.DateTimeField(_("in the library since"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = LiveManager.from_queryset(LegalResourceQuerySet)()
    all_objects = LegalResourceQuerySet.as_manager()

    trash_dependents = [
        (
            "amended_by",
            ngettext_lazy(
                "%(count)d text of the library amends it",
                "%(count)d texts of the library amend it",
                "count",
            ),
        ),
        (
            "replaces",
            ngettext_lazy(
                "it replaces %(count)d text of the library",
                "it replaces %(count)d texts of the library",
                "count",
            ),
        ),
    ]

    class Meta:
        verbose_name = _("legal resource")
        verbose_name_plural = _("legal resources")
        ordering = ["-date", "-pk"]
        indexes = [
            # Covers the library's list and filters: they never read the rows' long texts.
            models.Index(
                fields=[
                    "is_published",
                    "deleted_at",
                    "date",
                    "id",
                    "kind",
                    "level",
                    "body",
                    "year",
                ],
                name="documents_library_covering",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return quick_reverse("documents:legal-resource-detail", "slug", self.slug)

    @property
    def partial_date(self):
        return PartialDate(self.date, self.date_precision) if self.date else None

    @property
    def kind_label(self):
        return choice_label(self.Kind, self.kind)

    def common_names_in(self, language):
        return split_lines(getattr(self, f"common_names_{language}", "") or "")

    @property
    def common_names_here(self):
        """The common names in the current language, else in the other one, with the
        language they are in when it is not the page's: {"items": [...], "lang": ""}."""
        current = (get_language() or "fr")[:2]
        for code in (current, "en" if current == "fr" else "fr"):
            names = self.common_names_in(code)
            if names:
                return {"items": names, "lang": code if code != current else ""}
        return {"items": [], "lang": ""}

    def search_parts(self):
        return indexing.legal_resource_parts(self)

    def clean(self):
        errors = {}
        if self.date:
            # What is not known is not stored: a text of "2012" is kept as 1 January 2012.
            self.date = PartialDate(self.date, self.date_precision).first_day
            start = self.date
            if self.entry_into_force and self.entry_into_force < start:
                errors["entry_into_force"] = _(
                    "A text cannot enter into force before it is adopted."
                )
            if self.france_signature and self.france_signature < start:
                errors["france_signature"] = _("France cannot sign a text before it is adopted.")
        if (
            self.france_signature
            and self.france_ratification
            and self.france_ratification < self.france_signature
        ):
            errors["france_ratification"] = _("The ratification cannot come before the signature.")
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("A text cannot replace itself.")
        if self.status == self.Status.REPLACED and not self.replaced_by_id:
            errors["replaced_by"] = _("Say which text replaces this one.")
        if errors:
            raise ValidationError(errors)

    def versions(self):
        """What exists in each language: [(language, file or None, url)], French first."""
        return [
            ("fr", self.file_fr or None, self.url_fr),
            ("en", self.file_en or None, self.url_en),
        ]

    @property
    def languages(self):
        return [code for code, file, url in self.versions() if file or url]


class LegalReference(models.Model):
    """An official reference of a legal text in one scheme: A/RES/55/25, CELEX 32011L0036,
    CETS 197… (see documents/references.py)."""

    resource = models.ForeignKey(
        LegalResource,
        verbose_name=_("legal resource"),
        on_delete=models.CASCADE,
        related_name="references",
    )
    scheme = models.CharField(_("scheme"), max_length=10, choices=references.Scheme.choices)
    value = models.CharField(_("reference"), max_length=200, help_text=references.HELP)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("official reference")
        verbose_name_plural = _("official references")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "scheme", "value"], name="documents_reference_unique"
            )
        ]

    def __str__(self):
        return self.display()

    def clean(self):
        if self.scheme:
            try:
                self.value = references.clean_value(self.scheme, self.value)
            except ValidationError as error:
                raise ValidationError({"value": error}) from None

    def display(self, language="fr"):
        return references.display(self.scheme, self.value, language)

    def link(self, language):
        return references.link(self.scheme, self.value, language)

    def search_forms(self):
        return references.search_forms(self.scheme, self.value)


class DocumentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Document.Visibility.PUBLIC)

    def visible_to(self, user):
        if can_read_members_only(user):
            return self
        return self.public()

    def matching(self, query):
        return search.matching(self, query, DocumentTerm)

    def search(self, query):
        return search.ranked(self, query, DocumentTerm)


class Document(Versioned, SearchableText):
    """One of the collective's own documents: a communiqué, a position handed to a ministry,
    an annex of minutes, a tool."""

    class Kind(models.TextChoices):
        COMMUNIQUE = "communique", _("Communiqué")
        POSITION = "position", _("Findings and proposals")
        MINUTES_ANNEX = "minutes-annex", _("Annex of minutes")
        TOOL = "tool", _("Tool")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("identifier"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text=_("Members-only documents are seen by the collective's members only."),
    )
    file_fr = models.FileField(
        _("French file"),
        upload_to="documents/collective/%Y/",
        storage=get_private_storage,
        blank=True,
        validators=[validate_library_document],
        help_text=_("PDF, or ODT/DOCX for a text members adapt."),
    )
    file_en = models.FileField(
        _("English file"),
        upload_to="documents/collective/%Y/",
        storage=get_private_storage,
        blank=True,
        validators=[validate_library_document],
        help_text=_("PDF, or ODT/DOCX for a text members adapt."),
    )
    published_at = models.DateTimeField(_("public since"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("collective's document")
        verbose_name_plural = _("collective's documents")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return quick_reverse("documents:document-detail", "slug", self.slug)

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def kind_label(self):
        return choice_label(self.Kind, self.kind)

    def search_parts(self):
        return indexing.document_parts(self)

    def file_for(self, language):
        return {"fr": self.file_fr, "en": self.file_en}.get(language) or None

    @property
    def languages(self):
        return [code for code in ("fr", "en") if self.file_for(code)]


class LinkCheck(models.Model):
    """The last check of one web address. Keyed by address so that any app can submit its
    links (see documents/link_sources.py: every app registers its own)."""

    url = models.URLField(_("address"), max_length=500, unique=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    ok = models.BooleanField(_("working"), null=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    final_url = models.URLField(
        _("address after redirects"), max_length=500, blank=True, help_text=_("Empty if none.")
    )
    redirects = models.PositiveSmallIntegerField(_("redirects"), default=0)
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["ok", "url"]

    def __str__(self):
        return self.url
