"""The spreadsheets of legal texts: one text per row, the columns below (the first row names
them, by their identifier or their label in French or English; their order does not matter).
The import page lists them with the values each accepts, and offers a template file.

A row updates the text of its `slug`; without one, the text with the same official reference,
or the same title and date, if there is one (the preview says so), else a new text is made.
A row whose slug is new but that has the reference, or the title and date, of an existing text
is refused: it would double it. Texts referred to (amends, replaced_by) must exist already or
come earlier in the file. Files are not part of the import: coordinators upload them on the
text's page."""

import copy

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from collectif import imports
from collectif.imports import (
    BooleanColumn,
    ChoiceColumn,
    Column,
    DateColumn,
    Invalid,
    LinesColumn,
    PartialDateColumn,
    Problem,
    ReferenceColumn,
    SlugColumn,
    TextColumn,
    ThemesColumn,
    UrlColumn,
)
from collectif.spreadsheets import fold

from . import references, services
from .models import IssuingBody, LegalReference, LegalResource


class BodyColumn(ReferenceColumn):
    keys = ("slug", "acronym_fr", "acronym_en", "name_fr", "name_en")

    def queryset(self):
        return IssuingBody.objects.order_by("slug")


class ReferencesColumn(Column):
    """Official references, « scheme: value », separated by « | » or line breaks:
    « CELEX: 32011L0036 | UN: A/RES/55/25 »."""

    kind = gettext_lazy("official references")

    def prepare(self, importer):
        self.schemes = {}
        words = {
            references.Scheme.UN: ("UN", "ONU"),
            references.Scheme.CETS: ("CETS", "STCE", "ETS", "STE"),
            references.Scheme.ILO: ("ILO", "OIT"),
            references.Scheme.CASE: ("case", "affaire"),
            references.Scheme.OTHER: ("other", "autre"),
        }
        for scheme, label in references.Scheme.choices:
            names = [scheme, *words.get(scheme, ())]
            for language in ("fr", "en"):
                with translation.override(language):
                    names.append(str(label))
            for name in names:
                self.schemes.setdefault(fold(name), scheme)

    def clean(self, cell, row):
        found = []
        for part in imports._split(cell, imports.LINE_SEPARATORS):
            # « CELEX: 32011L0036 », or as it is written: « CETS No. 197 », « NOR JUSX1305768L ».
            word, colon, value = part.partition(":")
            scheme = self.schemes.get(fold(word)) if colon else None
            if scheme is None:
                word, _space, value = part.partition(" ")
                scheme = self.schemes.get(fold(word))
            if scheme is None:
                raise Invalid(
                    _("“%(reference)s”: say its scheme before a colon.") % {"reference": part},
                    self.accepted(),
                )
            value = value.strip()
            if scheme == references.Scheme.ECLI and not value.upper().startswith("ECLI:"):
                value = f"ECLI:{value}"  # « ECLI:CE:ECHR:… » typed as it is written
            try:
                found.append((scheme, references.clean_value(scheme, value)))
            except ValidationError as error:
                try:  # the scheme's word may be part of the value: « CETS No. 197 »
                    found.append((scheme, references.clean_value(scheme, part)))
                except ValidationError:
                    raise Invalid(f"« {part} »: {error.messages[0]}", self.accepted()) from None
        return found

    def text(self, value):
        return " | ".join(f"{scheme}: {reference}" for scheme, reference in value or [])

    def display(self, value):
        labels = dict(references.Scheme.choices)
        return " | ".join(
            _("%(label)s: %(value)s") % {"label": labels.get(scheme, scheme), "value": reference}
            for scheme, reference in value or []
        )

    def current(self, instance):
        return [(reference.scheme, reference.value) for reference in instance.references.all()]

    def accepted(self):
        return _("scheme: value, separated by “|”; schemes: %(schemes)s") % {
            "schemes": ", ".join(f"{code} ({label})" for code, label in references.Scheme.choices)
        }


class TextsColumn(Column):
    """Texts of the library by their slug: existing ones, or rows earlier in the file (checked
    with the rows, `LegalResourceImporter.check_row`)."""

    kind = gettext_lazy("identifiers of texts")
    many = True

    def clean(self, cell, row):
        slugs = imports._split(cell, imports.LIST_SEPARATORS)
        return slugs if self.many else (slugs[0] if slugs else "")

    def text(self, value):
        return ",".join(value) if self.many else (value or "")

    def current(self, instance):
        if self.many:
            return [text.slug for text in instance.amends.all()]
        return instance.replaced_by.slug if instance.replaced_by_id else ""

    def accepted(self):
        return _("identifiers (slugs) of texts already in the library or earlier in the file")


def _field(name):
    return LegalResource._meta.get_field(name)


# Model fields as columns (date, references, themes… have their own).
SIMPLE = [
    "title_fr",
    "title_en",
    "common_names_fr",
    "common_names_en",
    "summary_fr",
    "summary_en",
    "kind",
    "level",
    "entry_into_force",
    "france_signature",
    "france_ratification",
    "url_fr",
    "url_en",
    "status",
    "consolidated_url",
    "last_checked",
    "is_published",
]


class LegalResourceImporter(imports.Importer):
    model = LegalResource
    columns = [
        SlugColumn(
            "slug",
            _field("slug").verbose_name,
            max_length=120,
            help_text=gettext_lazy(
                "Updates the text of this identifier; empty: made from the French title."
            ),
        ),
        TextColumn("title_fr", gettext_lazy("French title"), required=True, max_length=300),
        TextColumn("title_en", gettext_lazy("English title"), max_length=300),
        LinesColumn(
            "common_names_fr",
            gettext_lazy("common names (French)"),
            help_text=gettext_lazy("Separated by “|”: Protocole de Palerme | Protocole ONU"),
        ),
        LinesColumn("common_names_en", gettext_lazy("common names (English)")),
        TextColumn("summary_fr", gettext_lazy("French summary")),
        TextColumn("summary_en", gettext_lazy("English summary")),
        ChoiceColumn(
            "kind", _field("kind").verbose_name, required=True, choices=LegalResource.Kind
        ),
        BodyColumn(
            "body",
            _field("body").verbose_name,
            required=True,
            help_text=gettext_lazy("By identifier, acronym or name, in French or English."),
        ),
        ChoiceColumn(
            "level", _field("level").verbose_name, required=True, choices=LegalResource.Level
        ),
        PartialDateColumn(
            "date",
            _field("date").verbose_name,
            required=True,
            help_text=gettext_lazy("Adoption or publication; only what is known of it."),
        ),
        ReferencesColumn("references", gettext_lazy("official references")),
        DateColumn("entry_into_force", _field("entry_into_force").verbose_name),
        DateColumn("france_signature", _field("france_signature").verbose_name),
        DateColumn("france_ratification", _field("france_ratification").verbose_name),
        ThemesColumn(
            "themes",
            _field("themes").verbose_name,
            help_text=gettext_lazy("Separated by commas, by identifier or name."),
        ),
        UrlColumn("url_fr", _field("url_fr").verbose_name),
        UrlColumn("url_en", _field("url_en").verbose_name),
        ChoiceColumn(
            "status",
            _field("status").verbose_name,
            choices=LegalResource.Status,
            default=LegalResource.Status.IN_FORCE,
            help_text=gettext_lazy("Empty: in force."),
        ),
        UrlColumn("consolidated_url", _field("consolidated_url").verbose_name),
        TextsColumn("amends", _field("amends").verbose_name),
        TextsColumn("replaced_by", _field("replaced_by").verbose_name, many=False),
        DateColumn("last_checked", _field("last_checked").verbose_name),
        BooleanColumn(
            "is_published",
            _field("is_published").verbose_name,
            help_text=gettext_lazy("Empty: a draft."),
        ),
    ]
    # Directive 2011/36/EU as EUR-Lex gives it.
    example_row = {
        "slug": "directive-2011-36-ue",
        "title_fr": (
            "Directive 2011/36/UE du Parlement européen et du Conseil du 5 avril 2011 concernant "
            "la prévention de la traite des êtres humains et la lutte contre ce phénomène ainsi "
            "que la protection des victimes"
        ),
        "title_en": (
            "Directive 2011/36/EU of the European Parliament and of the Council of 5 April 2011 "
            "on preventing and combating trafficking in human beings and protecting its victims"
        ),
        "common_names_fr": "Directive anti-traite",
        "common_names_en": "Anti-trafficking Directive",
        "kind": "directive",
        "body": "UE",
        "level": "european",
        "date": "05/04/2011",
        "references": "CELEX: 32011L0036 | ELI: http://data.europa.eu/eli/dir/2011/36/oj",
        "entry_into_force": "15/04/2011",
        "themes": "victim-support, advocacy",
        "url_fr": "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32011L0036",
        "url_en": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32011L0036",
        "status": "amended",
        "is_published": "1",
    }

    def export_queryset(self):
        return (
            LegalResource.objects.order_by("date", "pk")
            .select_related("body", "replaced_by")
            .prefetch_related("themes", "amends", "references")
            .defer("text_fr", "text_en", "search_body")
        )

    def match(self, rows):
        problems = []
        known = list(
            LegalResource.all_objects.values_list(
                "pk", "slug", "title_fr", "title_en", "date", "deleted_at"
            )
        )
        # Slugs made for rows without one avoid those of the database and of the file.
        self.taken = {slug for _pk, slug, *_rest in known}
        self.taken |= {row.values["slug"] for row in rows if row.values.get("slug")}
        self.live = {slug: pk for pk, slug, *_rest, deleted in known if deleted is None}
        trashed = {slug for _pk, slug, *_rest, deleted in known if deleted is not None}
        by_title = {}
        for pk, _slug, title_fr, title_en, day, deleted in known:
            if deleted is None:
                for title in (title_fr, title_en):
                    if title:
                        by_title.setdefault((fold(title), day), pk)
        by_reference = {
            (scheme, value): pk
            for scheme, value, pk in LegalReference.objects.filter(
                resource__deleted_at__isnull=True
            ).values_list("scheme", "value", "resource_id")
        }
        # Keys of the rows of the file, to find a key twice, and how a problem shows them.
        shown_key = {
            "slug": str,
            "reference": lambda key: f"{key[0]}: {key[1]}",
            "title": lambda key: "",
        }
        seen = {}
        wanted = {}
        for row in rows:
            values = row.values
            keys = []
            slug = values.get("slug", "")
            if slug:
                keys.append(("slug", slug, _("the same identifier")))
            for scheme, value in values.get("references", []):
                shown = references.display(scheme, value, translation.get_language() or "fr")
                keys.append(
                    (
                        "reference",
                        (scheme, value),
                        _("the same reference “%(reference)s”") % {"reference": shown},
                    )
                )
            partial = values.get("date")
            titles = [values.get(name) for name in ("title_fr", "title_en") if values.get(name)]
            if partial:
                keys += [
                    ("title", (fold(title), partial.first_day), _("the same title and date"))
                    for title in titles
                ]
            for key_kind, key, why in keys:
                other = seen.setdefault((key_kind, key), row.line)
                if other != row.line:
                    problems.append(
                        Problem(
                            row.line,
                            {"slug": "slug", "reference": "references", "title": "title_fr"}[
                                key_kind
                            ],
                            shown_key[key_kind](key),
                            _("This row has %(why)s as line %(line)d: a text appears once.")
                            % {"why": why, "line": other},
                        )
                    )
            # The existing text it duplicates, if any.
            duplicate = None
            for key_kind, key, why in keys:
                if key_kind == "reference" and key in by_reference:
                    duplicate = (by_reference[key], why)
                    break
                if key_kind == "title" and key in by_title:
                    duplicate = (by_title[key], why)
                    break
            if slug in trashed:
                problems.append(
                    Problem(
                        row.line,
                        "slug",
                        slug,
                        _(
                            "A text with this identifier is in the trash: restore it from the "
                            "trash, or give another identifier."
                        ),
                    )
                )
            elif slug in self.live:
                wanted[row.line] = self.live[slug]
                if duplicate and duplicate[0] != self.live[slug]:
                    row.duplicate_of = duplicate
            elif duplicate:
                if slug:
                    row.duplicate_of = duplicate
                else:
                    wanted[row.line] = duplicate[0]
                    row.matched = duplicate[1]
        instances = {
            resource.pk: resource
            for resource in LegalResource.objects.filter(pk__in=set(wanted.values()))
            .select_related("body", "replaced_by")
            .prefetch_related("themes", "amends", "references")
            .defer("text_fr", "text_en", "search_body")
        }
        for row in rows:
            if row.line in wanted:
                row.instance = instances[wanted[row.line]]
            duplicate = getattr(row, "duplicate_of", None)
            if duplicate:
                pk, why = duplicate
                other = next((slug for slug, live_pk in self.live.items() if live_pk == pk), "")
                problems.append(
                    Problem(
                        row.line,
                        "slug",
                        row.values.get("slug", ""),
                        _(
                            "This row has %(why)s as the text “%(slug)s” of the library: give "
                            "that identifier to update it, rather than doubling it."
                        )
                        % {"why": why, "slug": other},
                    )
                )
        return problems

    def check_row(self, row, rows):
        problems = []
        values = row.values
        earlier = {
            other.values.get("slug") or other.generated_slug
            for other in rows
            if other.line < row.line and hasattr(other, "generated_slug")
        }
        for name in ("amends", "replaced_by"):
            slugs = values.get(name) or []
            problems += [
                Problem(
                    row.line,
                    name,
                    slug,
                    _("No such text in the library nor earlier in the file."),
                    self.by_name[name].accepted(),
                )
                for slug in ([slugs] if isinstance(slugs, str) else slugs)
                if slug and slug not in self.live and slug not in earlier
            ]
        if row.instance is None:
            row.generated_slug = values.get("slug") or imports.unique_slug(
                values.get("title_fr", ""), self.taken, max_length=120
            )
        else:
            row.generated_slug = row.instance.slug
        values["slug"] = row.generated_slug
        resource = copy.copy(row.instance) if row.instance is not None else LegalResource()
        self.fill(resource, values)
        resource.slug = row.generated_slug
        if values.get("body"):
            resource.body_id = values["body"].pk
        replaced = values.get("replaced_by")
        if replaced is not None:
            # Its row may come earlier in the file, not yet saved: any id says « one is given ».
            resource.replaced_by_id = self.live.get(replaced, -1) if replaced else None
        try:
            resource.full_clean(
                # The text of the files is not loaded for the preview (nor typed in a file).
                exclude=["body", "replaced_by", "text_fr", "text_en", "search_body"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            problems += self.model_problems(
                row,
                resource,
                error,
                {"title": "title_fr", "summary": "summary_fr", "common_names": "common_names_fr"},
            )
        return problems

    def fill(self, resource, values):
        for name in SIMPLE:
            if name in values:
                setattr(resource, name, values[name])
        if values.get("date"):
            resource.date = values["date"].first_day
            resource.date_precision = values["date"].precision

    def describe(self, row):
        return row.values.get("title_fr") or str(row.instance or "")

    def save_row(self, row, saved, by):
        values = row.values
        resource = row.instance or LegalResource()
        self.fill(resource, values)
        resource.slug = row.generated_slug
        if values.get("body"):
            resource.body = values["body"]
        by_slug = {text.slug: text for text in saved.values()}

        def text(slug):
            return by_slug.get(slug) or LegalResource.objects.get(slug=slug)

        if "replaced_by" in values:
            resource.replaced_by = text(values["replaced_by"]) if values["replaced_by"] else None
        return services.legal_resource_save_with_relations(
            resource=resource,
            themes=values.get("themes"),
            amends=[text(slug) for slug in values["amends"]] if "amends" in values else None,
            references=values.get("references"),
        )
