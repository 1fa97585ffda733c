"""Import and export of legal resources (CSV and XLSX, from the admin).

Columns, one text per row (the first row names the columns; their order does not matter):

| column            | content                                                               |
|-------------------|-----------------------------------------------------------------------|
| slug              | the text's identifier (letters, digits, hyphens); a row whose slug    |
|                   | exists updates that text, otherwise a new text is created — required  |
| title_fr          | French title — required                                               |
| title_en          | English title                                                         |
| summary_fr        | French summary                                                        |
| summary_en        | English summary                                                       |
| kind              | convention, protocol, directive, regulation, law, decree, circular,   |
|                   | action-plan, report, recommendation, case-law, guide — required       |
| body              | identifier of the issuing body (e.g. unodc, greta) — required         |
| level             | international, european or national — required                        |
| date              | adoption or publication date, as known: 2012, 11/2000, 15/11/2000 or  |
|                   | 2000-11-15 (a spreadsheet's date cell too) — required; exported as    |
|                   | 2012, 2000-11 or 2000-11-15, so that a year stays a year              |
| themes            | theme identifiers separated by commas (e.g. minors,advocacy)          |
| url_fr, url_en    | official links in French and in English                               |
| status            | in-force, not-yet-in-force, amended, repealed, replaced               |
|                   | (empty: in-force)                                                     |
| consolidated_url  | link to the official consolidated version                             |
| amends            | slugs of the texts it amends, separated by commas                     |
| replaced_by       | slug of the text that replaces it                                     |
| last_checked      | the day it was last checked to be current, YYYY-MM-DD                 |
| is_published      | 1 (published) or 0 (draft)                                            |

Texts referred to (amends, replaced_by) must exist already or come earlier in the file.
Files are not part of the import: coordinators upload them on the text's page.

A file with one bad row is refused whole: every bad row is listed with its number (data rows
are numbered from 1, the header row not counted) and the reason; nothing is imported.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from collectif.models import Theme
from collectif.partial_dates import PartialDate, parse

from . import services
from .models import IssuingBody, LegalResource


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    """Refers to a row by its slug and says so clearly when there is none."""

    def clean(self, value, row=None, **kwargs):
        value = (str(value).strip() if value is not None else "") or None
        if not value:
            return None
        try:
            return self.model.objects.get(**{self.field: value})
        except self.model.DoesNotExist:
            raise ValueError(
                _("unknown %(what)s « %(value)s »")
                % {"what": self.model._meta.verbose_name, "value": value}
            ) from None


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Slugs separated by commas; an unknown slug is an error, not silently dropped."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return self.model.objects.none()
        slugs = [slug.strip() for slug in str(value).split(self.separator) if slug.strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": slugs})
        missing = sorted(set(slugs) - {getattr(obj, self.field) for obj in found})
        if missing:
            raise ValueError(
                _("unknown %(what)s: %(values)s")
                % {
                    "what": self.model._meta.verbose_name_plural,
                    "values": ", ".join(f"« {slug} »" for slug in missing),
                }
            )
        return found


class PartialDateColumn(fields.Field):
    """The date with what is known of it: « 2012 », « 11/2000 », « 15/11/2000 », ISO, or a
    spreadsheet's date cell. Sets the date and its precision; exports them so that an export
    imported again changes nothing."""

    def clean(self, row, **kwargs):
        value = row.get(self.column_name)
        if isinstance(value, datetime):
            return PartialDate(value.date())
        if isinstance(value, date):
            return PartialDate(value)
        if isinstance(value, int | float) and float(value).is_integer():
            value = str(int(value))  # a year typed in a number cell
        try:
            return parse(str(value or ""))
        except ValueError:
            raise ValueError(
                _("Type a year (2012), a month (11/2000) or a day (15/11/2000).")
            ) from None

    def save(self, instance, row, is_m2m=False, **kwargs):
        partial = self.clean(row, **kwargs)
        instance.date, instance.date_precision = partial.first_day, partial.precision

    def export(self, instance, **kwargs):
        return instance.partial_date.iso if instance.date else ""


class LegalResourceResource(resources.ModelResource):
    body = fields.Field(
        attribute="body", column_name="body", widget=StrictForeignKeyWidget(IssuingBody, "slug")
    )
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=StrictManyToManyWidget(Theme, field="slug", separator=","),
    )
    amends = fields.Field(
        attribute="amends",
        column_name="amends",
        widget=StrictManyToManyWidget(LegalResource, field="slug", separator=","),
    )
    replaced_by = fields.Field(
        attribute="replaced_by",
        column_name="replaced_by",
        widget=StrictForeignKeyWidget(LegalResource, "slug"),
    )
    date = PartialDateColumn(attribute="date", column_name="date")
    last_checked = fields.Field(
        attribute="last_checked", column_name="last_checked", widget=widgets.DateWidget("%Y-%m-%d")
    )
    is_published = fields.Field(
        attribute="is_published", column_name="is_published", widget=widgets.BooleanWidget()
    )

    class Meta:
        model = LegalResource
        fields = (
            "slug",
            "title_fr",
            "title_en",
            "summary_fr",
            "summary_en",
            "kind",
            "body",
            "level",
            "date",
            "themes",
            "url_fr",
            "url_en",
            "status",
            "consolidated_url",
            "amends",
            "replaced_by",
            "last_checked",
            "is_published",
        )
        export_order = fields
        import_id_fields = ("slug",)
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = False
        skip_diff = True

    def before_import_row(self, row, **kwargs):
        # Empty cells of text columns are "", not None, as the model expects.
        for name in (
            "title_en",
            "summary_fr",
            "summary_en",
            "url_fr",
            "url_en",
            "consolidated_url",
        ):
            if name in row and row[name] is None:
                row[name] = ""
        if not row.get("status"):
            row["status"] = LegalResource.Status.IN_FORCE

    def import_instance(self, instance, row, **kwargs):
        """Check the many-to-many columns with the others, so that every problem of a row is
        reported together as a validation error (import-export checks them only at save)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in ("themes", "amends"):
            field = self.fields[name]
            if field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors[name] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        services.legal_resource_save(resource=instance)
