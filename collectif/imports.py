"""Importing spreadsheets into the admin, for any model that describes its columns.

An `Importer` (documents/imports.py, members/imports.py) lists its `Column`s; each reads one
cell (`clean`, raising `Invalid` with the reason and the accepted values), writes it back as
text (`text`, for the export, the template and the preview) and reads the current value of a
record (`current`). The importer then checks the rows together (keys twice in the file,
duplicates of existing records, the model's own rules) and makes a `Plan`: every row new,
updated (each changed field with its old and new value) or unchanged. Nothing is written
until the coordinator confirms the plan; a file with a single bad row is refused whole.

The preview reads the database a fixed number of times, whatever the number of rows: each
column that refers to other records loads them once (`Lookup`), the importer loads the
records the rows match in one go."""

import base64
import copy
import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import date

from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from . import spreadsheets
from .models import Theme
from .partial_dates import DatePrecision, PartialDate, parse
from .spreadsheets import fold

# The separators of a cell that holds several values (themes, amended texts).
LIST_SEPARATORS = (",", ";", "|", "\n")
# Those of a cell that holds several phrases, which may contain commas.
LINE_SEPARATORS = ("|", "\n")


class Invalid(Exception):
    def __init__(self, reason, accepted=""):
        super().__init__(reason)
        self.reason = reason
        self.accepted = accepted


@dataclass
class Problem:
    """Why a file is refused: where (its line, its column), the value, why, what is accepted."""

    line: int | None
    column: str
    value: str
    reason: str
    accepted: str = ""


class Refused(Exception):
    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def quoted(value):
    """A value quoted the way the language quotes: « … » in French, “…” in English."""
    return pgettext("a quoted value", "“%(value)s”") % {"value": value}


def _split(value, separators):
    text = _as_text(value)
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


# --- Columns ----------------------------------------------------------------------------------


class Column:
    """One column of the file: `name` is what the header row says (its label in French or in
    English is understood too), `attribute` the model's field it fills."""

    required = False
    kind = gettext_lazy("text")

    def __init__(self, name, label, *, attribute=None, required=False, help_text="", **options):
        self.name, self.label, self.help_text = name, label, help_text
        self.attribute = attribute or name
        self.required = required
        self.__dict__.update(options)

    def prepare(self, importer):
        """Load what the column needs to read its cells (called once per import)."""

    def is_empty(self, cell):
        return _as_text(cell) == ""

    def clean(self, cell, row):
        return _as_text(cell)

    def text(self, value):
        return _as_text(value)

    def display(self, value):
        """`value` as the preview shows it: in words, where the file may hold a code."""
        return self.text(value)

    def current(self, instance):
        return getattr(instance, self.attribute)

    def accepted(self):
        return ""

    def example(self):
        return ""


class TextColumn(Column):
    max_length = None

    def clean(self, cell, row):
        value = _as_text(cell)
        if self.max_length and len(value) > self.max_length:
            raise Invalid(
                _("At most %(count)d characters (this one has %(length)d).")
                % {"count": self.max_length, "length": len(value)}
            )
        return value

    def current(self, instance):
        return getattr(instance, self.attribute) or ""


class SlugColumn(TextColumn):
    kind = gettext_lazy("identifier")

    def clean(self, cell, row):
        value = super().clean(cell, row)
        if value and slugify(value) != value:
            raise Invalid(
                _("Lower-case letters without accents, digits and hyphens only."),
                _("for instance “%(slug)s”") % {"slug": slugify(value) or "ccem"},
            )
        return value


class UrlColumn(TextColumn):
    kind = gettext_lazy("web address")
    max_length = 500

    def clean(self, cell, row):
        value = super().clean(cell, row)
        if value and "://" not in value:
            value = f"https://{value}"
        if value:
            try:
                URLValidator()(value)
            except ValidationError:
                raise Invalid(
                    _("Not a web address."), _("an address such as https://www.ccem.org/")
                ) from None
        return value


class LinesColumn(TextColumn):
    """Several phrases in one cell, separated by « | » or line breaks; stored one per line."""

    kind = gettext_lazy("list of phrases")

    def clean(self, cell, row):
        return "\n".join(_split(super().clean(cell, row), LINE_SEPARATORS))

    def text(self, value):
        return " | ".join(line for line in (value or "").splitlines() if line.strip())


class BooleanColumn(Column):
    kind = gettext_lazy("yes or no")
    TRUE = {"1", "oui", "yes", "true", "vrai", "x", "o", "y"}
    FALSE = {"0", "non", "no", "false", "faux", "n"}
    default = False

    def clean(self, cell, row):
        folded = fold(_as_text(cell))
        if not folded:
            return self.default
        if folded in self.TRUE:
            return True
        if folded in self.FALSE:
            return False
        raise Invalid(_("Not a yes or no."), self.accepted())

    def text(self, value):
        return "1" if value else "0"

    def display(self, value):
        return str(_("yes") if value else _("no"))

    def accepted(self):
        return _("1 or oui or yes; 0 or non or no")


class ChoiceColumn(Column):
    """One of a model's choices, by its code or its label in French or in English."""

    kind = gettext_lazy("one of the values listed")
    choices = None  # a TextChoices
    default = ""

    def prepare(self, importer):
        self.index = {}
        for value, label in self.choices.choices:
            self.index[fold(value)] = value
            for language in ("fr", "en"):
                with translation.override(language):
                    self.index.setdefault(fold(str(label)), value)

    def clean(self, cell, row):
        text = _as_text(cell)
        if not text:
            return self.default
        try:
            return self.index[fold(text)]
        except KeyError:
            raise Invalid(_("Unknown value."), self.accepted()) from None

    def accepted(self):
        return ", ".join(f"{value} ({label})" for value, label in self.choices.choices)

    def display(self, value):
        return str(dict(self.choices.choices).get(value, value)) if value else ""


class Lookup:
    """The records a column may refer to, by every name they are known by, loaded once."""

    def __init__(self, queryset, keys, describe):
        self.records = list(queryset)
        self.describe = describe
        self.index, ambiguous = {}, set()
        for record in self.records:
            for key in keys:
                folded = fold(getattr(record, key, "") or "")
                if not folded:
                    continue
                if self.index.get(folded, record) is not record:
                    ambiguous.add(folded)
                self.index.setdefault(folded, record)
        for folded in ambiguous:
            # Two records known by the same word (an acronym): only their other names match.
            self.index.pop(folded)

    def find(self, text):
        return self.index.get(fold(text))

    def accepted(self):
        return ", ".join(self.describe(record) for record in self.records)


class ReferenceColumn(Column):
    """A record of another model, by its identifier, its acronym or its name in either
    language (`keys`); exported by `export_key`."""

    kind = gettext_lazy("one of the values listed")
    many = False
    keys = ("slug",)
    export_key = "slug"

    def queryset(self):
        raise NotImplementedError

    def describe(self, record):
        return f"{getattr(record, self.export_key)} ({record})"

    def prepare(self, importer):
        self.lookup = Lookup(self.queryset(), self.keys, self.describe)

    def clean(self, cell, row):
        if self.many:
            values = _split(cell, LIST_SEPARATORS)
            found = [self.lookup.find(value) for value in values]
            missing = [value for value, record in zip(values, found, strict=True) if not record]
            if missing:
                raise Invalid(
                    ngettext(
                        "Unknown value: %(values)s.", "Unknown values: %(values)s.", len(missing)
                    )
                    % {"values": ", ".join(quoted(value) for value in missing)},
                    self.lookup.accepted(),
                )
            return sorted(set(found), key=lambda record: record.pk)
        text = _as_text(cell)
        if not text:
            return None
        record = self.lookup.find(text)
        if record is None:
            raise Invalid(_("Unknown value."), self.lookup.accepted())
        return record

    def text(self, value):
        if self.many:
            return ",".join(getattr(record, self.export_key) for record in value or [])
        return getattr(value, self.export_key) if value is not None else ""

    def display(self, value):
        if self.many:
            return ", ".join(str(record) for record in value or [])
        return str(value) if value is not None else ""

    def current(self, instance):
        if self.many:
            return sorted(getattr(instance, self.attribute).all(), key=lambda record: record.pk)
        return getattr(instance, self.attribute)

    def accepted(self):
        return self.lookup.accepted() if hasattr(self, "lookup") else ""


class ThemesColumn(ReferenceColumn):
    """The themes shared by members, texts and news, by identifier or name in either language."""

    many = True
    keys = ("slug", "name_fr", "name_en")

    def queryset(self):
        return Theme.objects.order_by("position", "slug")


class PartialDateColumn(Column):
    """A date with what is known of it: « 2012 », « 2000-11 », « 11/2000 », « 15/11/2000 »,
    « 2000-11-15 », or a spreadsheet's date cell; exported as 2012, 2000-11 or 2000-11-15."""

    kind = gettext_lazy("date, year or month")

    def clean(self, cell, row):
        day = spreadsheets.as_date(cell)
        if day:
            return PartialDate(day)
        text = _as_text(cell)
        if not text:
            return None
        try:
            return parse(text)
        except ValueError:
            raise Invalid(_("Not a date."), self.accepted()) from None

    def text(self, value):
        return value.iso if value else ""

    def display(self, value):
        return value.format() if value else ""

    def current(self, instance):
        return instance.partial_date

    def accepted(self):
        return _("2012, 2000-11, 11/2000, 2000-11-15 or 15/11/2000")


class DateColumn(Column):
    """A day: « 2000-11-15 », « 15/11/2000 » or a spreadsheet's date cell."""

    kind = gettext_lazy("day")

    def clean(self, cell, row):
        day = spreadsheets.as_date(cell)
        if day:
            return day
        text = _as_text(cell)
        if not text:
            return None
        try:
            partial = parse(text)
        except ValueError:
            raise Invalid(_("Not a date."), self.accepted()) from None
        if partial.precision != DatePrecision.DAY:
            raise Invalid(_("Give the day, not only the month or the year."), self.accepted())
        return partial.value

    def accepted(self):
        return _("2000-11-15 or 15/11/2000")


# --- The plan ---------------------------------------------------------------------------------


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Row:
    line: int
    values: dict
    instance: object = None  # the record the row updates, None for a new one
    changes: list = field(default_factory=list)
    matched: str = ""  # why the row updates a record it does not name by its key
    given: set = field(default_factory=set)  # the columns the file has
    label: str = ""

    @property
    def action(self):
        if self.instance is None:
            return "new"
        return "update" if self.changes else "unchanged"


@dataclass
class Plan:
    rows: list
    table: spreadsheets.Table
    file_name: str = ""

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self):
        return {action: self.count(action) for action in ("new", "update", "unchanged")}

    def fingerprint(self):
        """Changes when what the confirmation would do changes (a record edited meanwhile)."""
        digest = hashlib.sha256()
        for row in self.rows:
            version = getattr(row.instance, "version", "")
            pk = getattr(row.instance, "pk", "")
            digest.update(f"{row.line}|{pk}|{version}|{row.action}".encode())
            for change in row.changes:
                digest.update(f"|{change.label}|{change.old}|{change.new}".encode())
        return digest.hexdigest()


class Importer:
    """What a model's spreadsheets hold. Subclasses give `model`, `columns`, `example_row`, and
    `match`, `check_row` and `save_row`."""

    model = None
    columns: list = []
    key = "slug"
    example_row: dict = {}

    def __init__(self):
        # Each import its own columns: they keep what they loaded (`prepare`) for this file.
        self.columns = [copy.copy(column) for column in type(self).columns]
        self.by_name = {column.name: column for column in self.columns}

    # -- reading ------------------------------------------------------------------------------

    def prepare(self):
        """Let the columns load what they read cells with, once for this import."""
        if not getattr(self, "prepared", False):
            for column in self.columns:
                column.prepare(self)
            self.prepared = True

    def _header(self, table):
        """{column name: index in the row}; the file-level problems."""
        names = {}
        for column in self.columns:
            names[fold(column.name)] = column
            for language in ("fr", "en"):
                with translation.override(language):
                    names.setdefault(fold(str(column.label)), column)
        positions, problems = {}, []
        for index, title in enumerate(table.header):
            column = names.get(fold(title))
            if column is None:
                if title:
                    problems.append(
                        Problem(
                            None,
                            title,
                            "",
                            _("Unknown column."),
                            ", ".join(column.name for column in self.columns),
                        )
                    )
                continue
            if column.name in positions:
                problems.append(Problem(None, title, "", _("This column appears twice.")))
            positions[column.name] = index
        problems += [
            Problem(None, column.name, "", _("This required column is missing."))
            for column in self.columns
            if column.required and column.name not in positions
        ]
        return positions, problems

    def plan(self, table, file_name=""):
        """The plan for the file, or Refused with every problem found."""
        positions, problems = self._header(table)
        if problems:
            raise Refused(problems)
        if not table.rows:
            raise Refused([Problem(None, "", "", _("The file has no data rows."))])
        self.prepare()
        rows = []
        for line, cells in table.rows:
            values, given = {}, set()
            for column in self.columns:
                if column.name not in positions:
                    continue
                cell = cells[positions[column.name]]
                given.add(column.name)
                if column.required and column.is_empty(cell):
                    problems.append(
                        Problem(line, column.name, "", _("Required."), column.accepted())
                    )
                    continue
                try:
                    values[column.name] = column.clean(cell, values)
                except Invalid as invalid:
                    problems.append(
                        Problem(line, column.name, _as_text(cell), invalid.reason, invalid.accepted)
                    )
            rows.append(Row(line=line, values=values, given=given))
        bad_lines = {problem.line for problem in problems}
        problems += self.match(rows)
        for row in rows:
            if row.line not in bad_lines:
                # The model's rules are judged on rows whose every cell could be read.
                problems += self.check_row(row, rows)
            row.label = self.describe(row)
            row.changes = self.changes(row)
        if problems:
            raise Refused(sorted(problems, key=lambda p: (p.line or 0, p.column)))
        return Plan(rows=rows, table=table, file_name=file_name)

    def changes(self, row):
        """Each changed field with its old and new value (for a new record: its values)."""
        changed = []
        for column in self.columns:
            if column.name not in row.values:
                continue
            current = column.current(row.instance) if row.instance is not None else None
            old = column.text(current) if row.instance is not None else ""
            new = column.text(row.values[column.name])
            if old != new:
                # Compared as the file writes them, shown in words (a kind's name, not its code).
                shown_old = column.display(current) if row.instance is not None else ""
                changed.append(
                    Change(str(column.label), shown_old, column.display(row.values[column.name]))
                )
        return changed

    def describe(self, row):
        return str(row.instance) if row.instance is not None else ""

    def match(self, rows):
        """Find the record each row updates (set `row.instance`); problems of keys twice in
        the file or of rows that duplicate a record under another key."""
        raise NotImplementedError

    def check_row(self, row, rows):
        return []

    def model_problems(self, row, instance, error, fields_to_columns):
        """A model's ValidationError as problems of the row's columns."""
        problems = []
        for name, messages_ in error.message_dict.items():
            column = fields_to_columns.get(name, name if name != "__all__" else "")
            value = (
                self.by_name[column].text(row.values.get(column)) if column in self.by_name else ""
            )
            problems += [Problem(row.line, column, value, message) for message in messages_]
        return problems

    # -- writing ------------------------------------------------------------------------------

    @transaction.atomic
    def apply(self, plan, by):
        """Write the plan, every row or none (a rule of the services that refuses a row
        refuses the file: Refused, nothing written)."""
        saved = {}
        self.file_name = plan.file_name
        for row in plan.rows:
            if row.action == "unchanged":
                saved[row.line] = row.instance  # not saved again: its version stays
                continue
            try:
                with transaction.atomic():
                    saved[row.line] = self.save_row(row, saved, by)
            except ValidationError as error:
                problems = [Problem(row.line, "", "", message) for message in error.messages]
            except IntegrityError:
                problems = [
                    Problem(
                        row.line, "", "", _("Another record was saved meanwhile with this key.")
                    )
                ]
            else:
                continue
            transaction.set_rollback(True)
            raise Refused(problems)
        return plan.counts

    def save_row(self, row, saved, by):
        raise NotImplementedError

    # -- export and template -------------------------------------------------------------------

    def export_queryset(self):
        return self.model.objects.all()

    def export_rows(self, queryset=None):
        self.prepare()
        records = queryset if queryset is not None else self.export_queryset()
        return [
            [column.text(column.current(record)) for column in self.columns] for record in records
        ]

    def header(self):
        return [column.name for column in self.columns]

    def template_rows(self):
        return [[self.example_row.get(column.name, "") for column in self.columns]]

    def documentation(self):
        """The columns as the import page lists them, with their accepted values."""
        self.prepare()
        return [
            {
                "name": column.name,
                "label": column.label,
                "required": column.required,
                "kind": column.kind,
                "help": column.help_text,
                "accepted": column.accepted(),
                "example": self.example_row.get(column.name, ""),
            }
            for column in self.columns
        ]


def unique_slug(text, taken, max_length=100):
    """A slug for `text` not among `taken` (a set, which it joins)."""
    base = slugify(text)[:max_length].strip("-") or "sans-titre"
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug, number = base[: max_length - len(suffix)] + suffix, number + 1
    taken.add(slug)
    return slug


# --- The admin's pages ------------------------------------------------------------------------


_SALT = "collectif.imports"
# How long a preview may wait for its confirmation.
CONFIRM_MAX_AGE = 3600


class SpreadsheetAdminMixin:
    """Import, export and template pages for a ModelAdmin, with `importer_class`."""

    importer_class: type[Importer]

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name=f"{name}_import"),
            path("export/<str:kind>/", view(self.export_view), name=f"{name}_export"),
            path("import-template/<str:kind>/", view(self.template_view), name=f"{name}_template"),
            *super().get_urls(),
        ]

    def has_import_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}") and (
            request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
            "has_export_permission": self.has_export_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def _file_name(self, suffix, kind):
        today = timezone.localdate().isoformat()
        return f"{slugify(str(self.model._meta.verbose_name_plural))}-{suffix}{today}.{kind}"

    def _spreadsheet(self, header, rows, kind, suffix=""):
        if kind == "xlsx":
            content = spreadsheets.write_xlsx(
                header, rows, str(self.model._meta.verbose_name_plural)
            )
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            content, content_type = spreadsheets.write_csv(header, rows), "text/csv; charset=utf-8"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{self._file_name(suffix, kind)}"'
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_export_permission(request):
            for name in ("export_selected_csv", "export_selected_xlsx"):
                actions[name] = self.get_action(name)
        return actions

    def _export_selected(self, queryset, kind):
        importer = self.importer_class()
        selected = importer.export_queryset().filter(pk__in=queryset.values("pk"))
        return self._spreadsheet(importer.header(), importer.export_rows(selected), kind)

    @admin.action(description=gettext_lazy("Export the selection (CSV)"))
    def export_selected_csv(self, request, queryset):
        return self._export_selected(queryset, "csv")

    @admin.action(description=gettext_lazy("Export the selection (XLSX)"))
    def export_selected_xlsx(self, request, queryset):
        return self._export_selected(queryset, "xlsx")

    def export_view(self, request, kind):
        if not self.has_export_permission(request):
            raise PermissionDenied
        if kind not in ("csv", "xlsx"):
            raise Http404
        importer = self.importer_class()
        return self._spreadsheet(importer.header(), importer.export_rows(), kind)

    def template_view(self, request, kind):
        if not self.has_import_permission(request):
            raise PermissionDenied
        if kind not in ("csv", "xlsx"):
            raise Http404
        importer = self.importer_class()
        return self._spreadsheet(importer.header(), importer.template_rows(), kind, "modele-")

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        importer = self.importer_class()
        context = {"problems": [], "plan": None}
        if request.method == "POST" and "confirm" in request.POST:
            return self._confirm(request, importer, context)
        if request.method == "POST":
            upload = request.FILES.get("import_file")
            if upload is None:
                context["problems"] = [Problem(None, "", "", _("Choose a file."))]
            else:
                content = upload.read()
                context.update(self._preview(importer, content, upload.name))
        return self._render(request, importer, context)

    def _preview(self, importer, content, file_name):
        try:
            table = spreadsheets.read(content)
            plan = importer.plan(table, file_name)
        except spreadsheets.Unreadable as error:
            return {"problems": [Problem(None, "", "", str(error))]}
        except Refused as refused:
            return {"problems": refused.problems, "table": table}
        payload = {"name": file_name, "content": base64.b64encode(zlib.compress(content)).decode()}
        return {
            "plan": plan,
            "table": table,
            "signed_file": signing.dumps(payload, salt=_SALT),
            "fingerprint": plan.fingerprint(),
        }

    def _confirm(self, request, importer, context):
        try:
            payload = signing.loads(
                request.POST.get("signed_file", ""), salt=_SALT, max_age=CONFIRM_MAX_AGE
            )
        except signing.BadSignature:
            messages.error(request, _("The preview has expired: import the file again."))
            return redirect(request.path)
        content = zlib.decompress(base64.b64decode(payload["content"]))
        preview = self._preview(importer, content, payload["name"])
        context.update(preview)
        plan = preview.get("plan")
        if plan is None:
            context["refused_at_confirmation"] = True
            return self._render(request, importer, context)
        if preview["fingerprint"] != request.POST.get("fingerprint"):
            context["changed_since_preview"] = True
            return self._render(request, importer, context)
        try:
            counts = importer.apply(plan, request.user)
        except Refused as refused:
            context.update(problems=refused.problems, plan=None, refused_at_confirmation=True)
            return self._render(request, importer, context)
        messages.success(
            request,
            _(
                "Imported from « %(file)s »: %(new)d new, %(update)d updated, "
                "%(unchanged)d unchanged."
            )
            % {"file": payload["name"], **counts},
        )
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    def _render(self, request, importer, context):
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            **context,
            "opts": opts,
            "title": _("Import %(things)s") % {"things": opts.verbose_name_plural},
            "columns": importer.documentation(),
            "template_csv": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_template", args=["csv"]
            ),
            "template_xlsx": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_template", args=["xlsx"]
            ),
        }
        return TemplateResponse(request, "admin/imports/import.html", context)
