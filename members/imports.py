"""The spreadsheets of organisations: one organisation per row, the columns below (named by
their identifier or their label in French or English, in any order).

A row updates the organisation of its `slug`; without one, the organisation of the same name
or acronym, if there is one, else a new one is made (a row whose slug is new but whose name
or acronym is an existing organisation's is refused: it would double it).

The status goes through the membership services, as on the organisation's « change the
membership » page, with the date it took effect: a new organisation starts as a candidate,
an observer's admission vote falls due one observation period after its date, a member is
recorded as admitted without a vote (the founding members), a former member as having left.
An observer becomes a member by the members' vote only, recorded in the admin."""

import copy

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from collectif import imports
from collectif.imports import (
    ChoiceColumn,
    DateColumn,
    Problem,
    ReferenceColumn,
    SlugColumn,
    TextColumn,
    ThemesColumn,
    UrlColumn,
)
from collectif.spreadsheets import fold

from . import services
from .models import InternationalNetwork, Organisation

Status = Organisation.Status

# (from, to): the membership change an import may make.
TRANSITIONS = {
    (Status.CANDIDATE, Status.OBSERVER): "confirm_observer",
    (Status.CANDIDATE, Status.MEMBER): "admit_without_vote",
    (Status.CANDIDATE, Status.FORMER): "end",
    (Status.OBSERVER, Status.FORMER): "end",
    (Status.MEMBER, Status.FORMER): "end",
    (Status.FORMER, Status.CANDIDATE): "reapply",
}


class NetworkColumn(ReferenceColumn):
    keys = ("name",)
    export_key = "name"

    def queryset(self):
        return InternationalNetwork.objects.order_by("name")

    def describe(self, record):
        return record.name


def _field(name):
    return Organisation._meta.get_field(name)


SIMPLE = ["name", "acronym", "description_fr", "description_en", "website_fr", "website_en"]


class OrganisationImporter(imports.Importer):
    model = Organisation
    columns = [
        SlugColumn(
            "slug",
            _field("slug").verbose_name,
            max_length=100,
            help_text=gettext_lazy(
                "Updates the organisation of this identifier; empty: made from the name."
            ),
        ),
        TextColumn("name", _field("name").verbose_name, required=True, max_length=200),
        TextColumn("acronym", _field("acronym").verbose_name, max_length=30),
        ThemesColumn(
            "themes",
            _field("themes").verbose_name,
            help_text=gettext_lazy("Separated by commas, by identifier or name."),
        ),
        UrlColumn("website_fr", gettext_lazy("website (French)")),
        UrlColumn("website_en", gettext_lazy("website (English)")),
        TextColumn("description_fr", gettext_lazy("description (French)")),
        TextColumn("description_en", gettext_lazy("description (English)")),
        NetworkColumn(
            "network",
            _field("network").verbose_name,
            help_text=gettext_lazy("By its name, as in the list of networks."),
        ),
        ChoiceColumn(
            "status",
            _field("status").verbose_name,
            choices=Status,
            help_text=gettext_lazy("Empty: a new organisation is a candidate; others keep theirs."),
        ),
        DateColumn(
            "status_since",
            _field("status_since").verbose_name,
            help_text=gettext_lazy(
                "The day the status took effect (an observer: the day it confirmed its wish to "
                "join); required with a new status."
            ),
        ),
    ]
    # The CCEM as it presents itself.
    example_row = {
        "slug": "ccem",
        "name": "Comité contre l'esclavage moderne",
        "acronym": "CCEM",
        "themes": "domestic-slavery, labour-exploitation, victim-support",
        "website_fr": "https://www.esclavagemoderne.org/",
        "description_fr": (
            "Le CCEM accompagne les victimes de traite à des fins d'exploitation par le travail "
            "et d'esclavage domestique."
        ),
        "description_en": (
            "The CCEM supports victims of trafficking for labour exploitation and domestic "
            "servitude."
        ),
        "status": "member",
        "status_since": "01/01/2008",
    }

    def export_queryset(self):
        return (
            Organisation.objects.order_by("name")
            .select_related("network")
            .prefetch_related("themes")
        )

    def match(self, rows):
        problems = []
        known = list(
            Organisation.all_objects.values_list("pk", "slug", "name", "acronym", "deleted_at")
        )
        # Slugs made for rows without one avoid those of the database and of the file.
        self.taken = {slug for _pk, slug, *_rest in known}
        self.taken |= {row.values["slug"] for row in rows if row.values.get("slug")}
        live = {slug: pk for pk, slug, _name, _acronym, deleted in known if deleted is None}
        slugs = {pk: slug for pk, slug, *_rest in known}
        trashed = {slug for _pk, slug, _name, _acronym, deleted in known if deleted is not None}
        by_name = {}
        for pk, _slug, name, acronym, deleted in known:
            if deleted is None:
                by_name.setdefault(("name", fold(name)), pk)
                if acronym:
                    by_name.setdefault(("acronym", fold(acronym)), pk)
        seen, wanted = {}, {}
        for row in rows:
            slug = row.values.get("slug", "")
            keys = [("slug", slug)] if slug else []
            if row.values.get("name"):
                keys.append(("name", fold(row.values["name"])))
            if row.values.get("acronym"):
                keys.append(("acronym", fold(row.values["acronym"])))
            why = {
                "slug": _("the same identifier"),
                "name": _("the same name"),
                "acronym": _("the same acronym"),
            }
            for key in keys:
                other = seen.setdefault(key, row.line)
                if other != row.line:
                    problems.append(
                        Problem(
                            row.line,
                            key[0],
                            row.values.get(key[0], ""),
                            _(
                                "This row has %(why)s as line %(line)d: an organisation "
                                "appears once."
                            )
                            % {"why": why[key[0]], "line": other},
                        )
                    )
            duplicate = next(
                ((by_name[key], why[key[0]]) for key in keys[bool(slug) :] if key in by_name),
                None,
            )
            if slug in trashed:
                problems.append(
                    Problem(
                        row.line,
                        "slug",
                        slug,
                        _(
                            "An organisation with this identifier is in the trash: restore it "
                            "from the trash, or give another identifier."
                        ),
                    )
                )
            elif slug in live:
                wanted[row.line] = live[slug]
                if duplicate and duplicate[0] != live[slug]:
                    row.duplicate_of = duplicate
            elif duplicate:
                if slug:
                    row.duplicate_of = duplicate
                else:
                    wanted[row.line] = duplicate[0]
                    row.matched = duplicate[1]
            duplicate = getattr(row, "duplicate_of", None)
            if duplicate:
                problems.append(
                    Problem(
                        row.line,
                        "slug",
                        slug,
                        _(
                            "This row has %(why)s as the organisation “%(slug)s”: give that "
                            "identifier to update it, rather than doubling it."
                        )
                        % {"why": duplicate[1], "slug": slugs[duplicate[0]]},
                    )
                )
        instances = Organisation.objects.filter(pk__in=set(wanted.values())).select_related(
            "network"
        )
        instances = {
            organisation.pk: organisation for organisation in instances.prefetch_related("themes")
        }
        for row in rows:
            if row.line in wanted:
                row.instance = instances[wanted[row.line]]
        return problems

    def check_row(self, row, rows):
        values = row.values
        problems = []
        organisation = row.instance
        if organisation is None:
            values["slug"] = values.get("slug") or imports.unique_slug(
                values.get("name", ""), self.taken
            )
        else:
            values["slug"] = organisation.slug
        problems += self._check_status(row)
        candidate = copy.copy(organisation) if organisation is not None else Organisation()
        self.fill(candidate, values)
        try:
            candidate.full_clean(
                exclude=["logo", "network", "status", "status_since"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            problems += self.model_problems(
                row,
                candidate,
                error,
                {"description": "description_fr", "website": "website_fr"},
            )
        return problems

    def _check_status(self, row):
        values, organisation = row.values, row.instance
        current = organisation.status if organisation is not None else Status.CANDIDATE
        since = organisation.status_since if organisation is not None else None
        wanted = values.get("status") or current
        day = values.get("status_since")
        values["status"] = wanted
        if "status_since" in values and day is None:
            values["status_since"] = since if wanted == current else None
        shown = {"status": Status(wanted).label, "current": Status(current).label}
        if wanted == current:
            if organisation is not None and day and day != since:
                return [
                    Problem(
                        row.line,
                        "status_since",
                        day.isoformat(),
                        _(
                            "%(status)s since %(since)s: an import does not change the date of "
                            "the current status (the membership history keeps it)."
                        )
                        % {**shown, "since": since.isoformat() if since else "—"},
                    )
                ]
            return []
        row.membership_change = TRANSITIONS.get((current, wanted))
        if row.membership_change is None:
            allowed = [str(Status(to).label) for (from_, to) in TRANSITIONS if from_ == current]
            reason = _("An import cannot make %(current)s %(status)s.") % shown
            if (current, wanted) == (Status.OBSERVER, Status.MEMBER):
                reason = _(
                    "An observer becomes a member by the members' vote: record the vote in "
                    "the admin."
                )
            return [Problem(row.line, "status", values["status"], reason, ", ".join(allowed))]
        if day is None:
            return [
                Problem(row.line, "status_since", "", _("Give the day this status took effect."))
            ]
        if since and day < since:
            return [
                Problem(
                    row.line,
                    "status_since",
                    day.isoformat(),
                    _("The change cannot precede the current status (since %(since)s).")
                    % {"since": since.isoformat()},
                )
            ]
        if day > timezone.localdate():
            return [
                Problem(
                    row.line, "status_since", day.isoformat(), _("A change is recorded once made.")
                )
            ]
        return []

    def fill(self, organisation, values):
        for name in SIMPLE:
            if name in values:
                setattr(organisation, name, values[name])
        organisation.slug = values["slug"]
        if "network" in values:
            organisation.network = values["network"]

    def describe(self, row):
        return row.values.get("name") or str(row.instance or "")

    def save_row(self, row, saved, by):
        values = row.values
        organisation = row.instance or Organisation(status=Status.CANDIDATE)
        self.fill(organisation, values)
        change = getattr(row, "membership_change", None)
        if row.instance is None and change is None and values.get("status_since"):
            organisation.status_since = values["status_since"]  # a candidate's date, no event
        services.organisation_save(organisation=organisation, by=by, themes=values.get("themes"))
        if change:
            services.membership_change(
                organisation=organisation,
                action=change,
                date=values["status_since"],
                reason=_("Recorded by the import of “%(file)s”.") % {"file": self.file_name},
                by=by,
            )
        return organisation
