"""The minutes editor of the admin: the meeting's page lists its sections (agenda items) in
order, each opening its own page for its text, decisions, annexes and action items.

Every screen here is covered by the meeting's version (collectif/locking.py): it carries the
version it was opened at, a stale one is refused with the input kept, and a save claims the
next version. Action items are saved through services.action_item_save, which records who
closed them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from collectif import locking
from members.capabilities import Capability
from members.models import Organisation

from . import services
from .forms import require_an_owner
from .models import ActionItem, AgendaItem, Annex, Attendance, Meeting
from .rich_text import render_minutes

MARKDOWN_HELP = _(
    "Markdown: an empty line between paragraphs, « - » at the start of each point of a list, "
    "**bold**, [text](https://…) for a link; e-mail and web addresses become links. "
    "« Preview » shows the result without saving."
)


class MeetingVersionForm:
    """A form of a screen covered by the meeting's version: `version` (hidden) is the one the
    screen was opened at; a stale one is refused, the input kept (see collectif.locking)."""

    def _add_version_field(self, meeting):
        self.meeting = meeting
        self.fields[locking.FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial.setdefault(locking.FIELD, meeting.version)

    @property
    def version_field(self):
        return self[locking.FIELD]

    @property
    def loaded_version(self):
        value = self.data.get(self.add_prefix(locking.FIELD), "") if self.is_bound else ""
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def check_version(self):
        if self.loaded_version != self.meeting.version:
            self.add_error(None, locking.StaleRecord())


class AgendaItemEditorForm(MeetingVersionForm, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            *["title_fr", "title_en", "minutes_fr", "minutes_en"],
            *["decisions_fr", "decisions_en"],
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": rows})
            for name, rows in [
                ("minutes_fr", 14),
                ("minutes_en", 14),
                ("decisions_fr", 5),
                ("decisions_en", 5),
            ]
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_version_field(meeting)
        self.fields["title_fr"].required = True
        # The help once, under the French column (the English says the same).
        for name in ["minutes_fr", "decisions_fr"]:
            self.fields[name].help_text = MARKDOWN_HELP
        for name in ["title_en", "minutes_en", "decisions_en"]:
            self.fields[name].help_text = ""
        self.previews = {}

    def clean(self):
        cleaned = super().clean()
        self.check_version()
        return cleaned

    def pairs(self):
        """(label, French field, English field, their previews) for the page's columns."""
        return [
            (
                label,
                self[f"{name}_fr"],
                self[f"{name}_en"],
                self.previews.get(f"{name}_fr"),
                self.previews.get(f"{name}_en"),
            )
            for label, name in [
                (_("Title"), "title"),
                (_("Minutes"), "minutes"),
                (_("Decisions"), "decisions"),
            ]
        ]


class ActionItemRowForm(forms.ModelForm):
    """An « À suivre » as a compact row of the section's page."""

    class Meta:
        model = ActionItem
        fields = [
            "text_fr",
            "text_en",
            "organisations",
            "for_coordination",
            "for_every_member",
            "restricted",
            "due_on",
            "status",
            "done_on",
            "comment",
        ]
        widgets = {
            "text_fr": forms.Textarea(attrs={"rows": 4}),
            "text_en": forms.Textarea(attrs={"rows": 4}),
            "organisations": forms.CheckboxSelectMultiple,
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "done_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "comment": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text_fr"].required = True
        for name in ["text_fr", "text_en"]:
            # The column says the language: « ce qui est à faire (français) ».
            self.fields[name].label = ActionItem._meta.get_field("text").verbose_name
        self.fields["text_fr"].help_text = MARKDOWN_HELP
        self.fields["text_en"].help_text = ""
        self.preview = {}
        for name in ["due_on", "done_on"]:
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get("DELETE"):
            return cleaned
        require_an_owner(cleaned)
        return cleaned

    def owners(self):
        names = [o.acronym or o.name for o in self.instance.organisations.all()]
        if self.instance.for_coordination:
            names.append(str(_("coordination")))
        if self.instance.for_every_member:
            names.append(str(_("every member")))
        return ", ".join(names)


class SharedChoicesFormSet(forms.BaseInlineFormSet):
    """The choices of a field read once for every row of the formset (a fixed number of
    queries, whatever the number of rows)."""

    shared_choice_fields: tuple[str, ...] = ()

    def __init__(self, *args, meeting, **kwargs):
        self.meeting = meeting
        self._shared_choices = {}
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.meeting = self.meeting
        for name in self.shared_choice_fields:
            if name not in self._shared_choices:
                self._shared_choices[name] = list(form.fields[name].choices)
            form.fields[name].choices = self._shared_choices[name]
        return form


class ActionItemFormSet(SharedChoicesFormSet):
    shared_choice_fields = ("organisations",)


class AnnexEditorFormSet(SharedChoicesFormSet):
    """An annex number is given once in the whole meeting (« voir en annexe 2 »)."""

    shared_choice_fields = ("document",)

    def clean(self):
        super().clean()
        taken = set(
            Annex.objects.filter(meeting=self.meeting)
            .exclude(agenda_item_id=self.instance.pk)
            .values_list("number", flat=True)
        )
        for form in self.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            number = form.cleaned_data.get("number")
            if number is None:
                continue
            if number in taken:
                form.add_error(
                    "number",
                    _("Annex %(number)s is already given: each annex has its own number.")
                    % {"number": number},
                )
            taken.add(number)


ActionItems = forms.inlineformset_factory(
    AgendaItem,
    ActionItem,
    form=ActionItemRowForm,
    formset=ActionItemFormSet,
    fk_name="agenda_item",
    extra=1,
    can_delete=True,
)
Annexes = forms.inlineformset_factory(
    AgendaItem,
    Annex,
    fields=["number", "document"],
    formset=AnnexEditorFormSet,
    fk_name="agenda_item",
    extra=1,
    can_delete=True,
)


class AttendanceRowForm(forms.Form):
    """One line of the attendance: an organisation of the checklist (or someone in their own
    name), who came for it, present or excused, and a note. An empty name: nobody came."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        label=_("organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("(in their own name)"),
    )
    person = forms.CharField(label=_("person"), max_length=200, required=False)
    presence = forms.ChoiceField(
        label=_("presence"), choices=Attendance.Presence.choices, initial="present"
    )
    note_fr = forms.CharField(label=_("note (French)"), max_length=250, required=False)
    note_en = forms.CharField(label=_("note (English)"), max_length=250, required=False)

    def __init__(self, *args, fixed_organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A line of the checklist names its organisation; only the free lines choose one.
        self.fixed_organisation = fixed_organisation
        if fixed_organisation is not None:
            self.fields["organisation"].widget = forms.HiddenInput()


class AttendanceFormSet(forms.BaseFormSet):
    def __init__(self, *args, meeting, organisations, **kwargs):
        self.meeting = meeting
        self.organisations = organisations
        self.rows = list(
            Attendance.objects.filter(meeting=meeting)
            .select_related("organisation")
            .order_by("organisation__name", "pk")
        )
        attended = {row.organisation_id for row in self.rows}
        initial = [
            {
                "id": row.pk,
                "organisation": row.organisation_id,
                "person": row.person,
                "presence": row.presence,
                "note_fr": row.note_fr or "",
                "note_en": row.note_en or "",
            }
            for row in self.rows
        ]
        # Every organisation that takes part in the collective's work, once at least.
        initial += [
            {"organisation": organisation.pk, "presence": Attendance.Presence.PRESENT}
            for organisation in organisations
            if organisation.pk not in attended
        ]
        initial.sort(key=lambda line: self._name(line.get("organisation")))
        self._organisations = {o.pk: o for o in organisations} | {
            row.organisation_id: row.organisation for row in self.rows if row.organisation
        }
        self._choices = None
        super().__init__(*args, initial=initial, **kwargs)

    def _name(self, pk):
        for organisation in self.organisations:
            if organisation.pk == pk:
                return organisation.name.casefold()
        return "\uffff"

    def _construct_form(self, i, **kwargs):
        initial = self.initial[i] if self.initial and i < len(self.initial) else {}
        kwargs["fixed_organisation"] = self._organisations.get(initial.get("organisation"))
        form = super()._construct_form(i, **kwargs)
        if self._choices is None:
            self._choices = list(form.fields["organisation"].choices)
        form.fields["organisation"].choices = self._choices
        return form

    def clean(self):
        super().clean()
        known = {row.pk for row in self.rows}
        for form in self.forms:
            if form.is_valid() and form.cleaned_data.get("id") not in (None, *known):
                form.add_error(None, _("This line is not one of this meeting's."))


Attendances = forms.formset_factory(AttendanceRowForm, formset=AttendanceFormSet, extra=3)


class MeetingVersionOnlyForm(MeetingVersionForm, forms.Form):
    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_version_field(meeting)

    def clean(self):
        cleaned = super().clean()
        self.check_version()
        return cleaned


def agenda_of(meeting):
    """The meeting's sections in order, with their counts of action items and annexes, in one
    query whatever their number."""

    def count(manager):
        rows = (
            manager.filter(agenda_item=OuterRef("pk"))
            .order_by()
            .values("agenda_item")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("position", "pk")
        .annotate(action_count=count(ActionItem._base_manager), annex_count=count(Annex.objects))
        .only("pk", "position", "title", "title_fr", "title_en", "meeting_id")
    )


class MinutesEditorMixin:
    """For MeetingAdmin: the agenda on the meeting's page and the pages of its sections."""

    change_form_template = "admin/meetings/meeting/change_form.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:meeting_id>/agenda/add/",
                view(self.agenda_item_view),
                name="meetings_meeting_agenda_add",
            ),
            path(
                "<int:meeting_id>/agenda/<int:item_id>/",
                view(self.agenda_item_view),
                name="meetings_meeting_agenda_item",
            ),
            path(
                "<int:meeting_id>/attendance/",
                view(self.attendance_view),
                name="meetings_meeting_attendance",
            ),
            path(
                "<int:meeting_id>/agenda/move/",
                view(self.agenda_move_view),
                name="meetings_meeting_agenda_move",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        meeting = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), "agenda_items": []}
        if meeting is not None:
            extra_context["agenda_items"] = agenda_of(meeting)
            extra_context["attendance_counts"] = dict(
                Attendance.objects.filter(meeting=meeting)
                .order_by()
                .values_list("presence")
                .annotate(n=Count("pk"))
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def _meeting_for_change(self, request, meeting_id):
        meeting = get_object_or_404(Meeting.objects.all(), pk=meeting_id)
        if not self.has_change_permission(request, meeting):
            raise PermissionDenied
        return meeting

    def agenda_item_view(self, request, meeting_id, item_id=None):
        meeting = self._meeting_for_change(request, meeting_id)
        if item_id is None:
            item = AgendaItem(meeting=meeting)
        else:
            item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
        data = request.POST if request.method == "POST" else None
        form = AgendaItemEditorForm(data, instance=item, meeting=meeting)
        actions = ActionItems(
            data,
            instance=item,
            prefix="actions",
            meeting=meeting,
            queryset=ActionItem._base_manager.filter(agenda_item=item.pk)
            .order_by("position", "pk")
            .prefetch_related(Prefetch("organisations", queryset=Organisation.objects.all())),
        )
        annexes = Annexes(
            data,
            instance=item,
            prefix="annexes",
            meeting=meeting,
            queryset=Annex.objects.filter(agenda_item=item.pk).order_by("number", "pk"),
        )
        previewing = data is not None and "_preview" in data
        if previewing:
            self._previews(form, actions)
        if data is not None and not previewing:
            valid = [form.is_valid(), actions.is_valid(), annexes.is_valid()]
            if all(valid):
                try:
                    item = self._save_agenda_item(request, meeting, form, actions, annexes)
                except locking.StaleRecord:
                    messages.error(request, locking.RACE_MESSAGE)
                    return HttpResponseRedirect(request.get_full_path())
                messages.success(
                    request,
                    gettext("The section “%(title)s” has been saved.") % {"title": item},
                )
                if "_continue" in data:
                    return HttpResponseRedirect(self._item_url(meeting, item))
                return HttpResponseRedirect(
                    reverse("admin:meetings_meeting_change", args=[meeting.pk])
                    + f"#agenda-{item.pk}"
                )
        context = {
            **self.admin_site.each_context(request),
            "title": (
                gettext("Section “%(title)s”") % {"title": item.title}
                if item.pk
                else gettext("New section")
            ),
            "opts": self.model._meta,
            "meeting": meeting,
            "item": item,
            "form": form,
            "actions": actions,
            "annexes": annexes,
            "previewing": previewing,
            "has_errors": data is not None
            and not previewing
            and bool(form.errors or not actions.is_valid() or not annexes.is_valid()),
        }
        return TemplateResponse(request, "admin/meetings/meeting/agenda_item.html", context)

    @staticmethod
    def _previews(form, actions):
        for name in ["minutes_fr", "minutes_en", "decisions_fr", "decisions_en"]:
            form.previews[name] = render_minutes(form[name].value())
        for action_form in actions.forms:
            for name in ["text_fr", "text_en"]:
                action_form.preview[name] = render_minutes(action_form[name].value())

    @staticmethod
    def _item_url(meeting, item):
        return reverse("admin:meetings_meeting_agenda_item", args=[meeting.pk, item.pk])

    @transaction.atomic
    def _save_agenda_item(self, request, meeting, form, actions, annexes):
        locking.claim(meeting, form.loaded_version)
        item = form.save(commit=False)
        if item._state.adding:
            last = AgendaItem.objects.filter(meeting=meeting).order_by("-position").first()
            item.position = (last.position if last else 0) + 1
        item.meeting = meeting
        item.save()
        actions.instance = annexes.instance = item
        next_position = max([f.instance.position for f in actions.initial_forms], default=0)
        for action_form in actions.forms:
            if action_form in actions.deleted_forms or not action_form.has_changed():
                continue
            action = action_form.save(commit=False)
            action.meeting, action.agenda_item = meeting, item
            if action._state.adding:
                next_position += 1
                action.position = next_position
            # Through the service: a status changed here records who closed the item.
            services.action_item_save(item=action, by=request.user)
            action_form.save_m2m()
        for action_form in actions.deleted_forms:
            if action_form.instance.pk:
                action_form.instance.delete()
        for annex in annexes.save(commit=False):
            annex.meeting, annex.agenda_item = meeting, item
            annex.save()
        for annex in annexes.deleted_objects:
            annex.delete()
        return item

    def attendance_view(self, request, meeting_id):
        meeting = self._meeting_for_change(request, meeting_id)
        data = request.POST if request.method == "POST" else None
        version = MeetingVersionOnlyForm(data, meeting=meeting)
        organisations = list(
            Organisation.objects.with_capability(Capability.TAKE_PART).order_by("name")
        )
        lines = Attendances(data, prefix="attendance", meeting=meeting, organisations=organisations)
        if data is not None and all([version.is_valid(), lines.is_valid()]):
            try:
                self._save_attendance(meeting, version, lines)
            except locking.StaleRecord:
                messages.error(request, locking.RACE_MESSAGE)
                return HttpResponseRedirect(request.get_full_path())
            messages.success(request, gettext("The attendance has been saved."))
            return HttpResponseRedirect(
                reverse("admin:meetings_meeting_change", args=[meeting.pk]) + "#attendance"
            )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Attendance"),
            "opts": self.model._meta,
            "meeting": meeting,
            "version": version,
            "lines": lines,
            "has_errors": data is not None and bool(version.errors or not lines.is_valid()),
        }
        return TemplateResponse(request, "admin/meetings/meeting/attendance.html", context)

    @staticmethod
    @transaction.atomic
    def _save_attendance(meeting, version, lines):
        locking.claim(meeting, version.loaded_version)
        stored = {row.pk: row for row in lines.rows}
        for form in lines.forms:
            line = form.cleaned_data
            if not line:
                continue
            row = stored.get(line.get("id"))
            person = line["person"].strip()
            if not person:
                if row is not None:
                    row.delete()
                continue
            row = row or Attendance(meeting=meeting)
            row.organisation = form.fixed_organisation or line["organisation"]
            row.person, row.presence = person, line["presence"]
            row.note_fr, row.note_en = line["note_fr"], line["note_en"]
            row.save()

    def agenda_move_view(self, request, meeting_id):
        return require_POST(self._agenda_move)(request, meeting_id)

    def _agenda_move(self, request, meeting_id):
        meeting = self._meeting_for_change(request, meeting_id)
        change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))
        # « <pk>:up », « <pk>:down » (the buttons) or « <pk>:to:<position> » (dragged).
        item_id, _sep, direction = request.POST.get("move", "").partition(":")
        index = next((i for i, item in enumerate(items) if str(item.pk) == item_id), None)
        target = {"up": -1, "down": 1}.get(direction)
        if index is not None and direction.startswith("to:") and direction[3:].isdigit():
            target = int(direction[3:]) - 1 - index
        if index is None or not target or not 0 <= index + target < len(items):
            messages.error(request, gettext("Choose a section to move up or down."))
            return HttpResponseRedirect(change_url)
        try:
            version = int(request.POST.get(locking.FIELD, ""))
        except ValueError:
            version = None
        try:
            with transaction.atomic():
                locking.claim(meeting, version)
                items.insert(index + target, items.pop(index))
                for position, item in enumerate(items, start=1):
                    item.position = position
                AgendaItem.objects.bulk_update(items, ["position"])
        except locking.StaleRecord:
            messages.error(request, locking.STALE_MESSAGE)
            return HttpResponseRedirect(change_url + "#agenda")
        moved = items[index + target]
        messages.success(
            request,
            gettext("“%(title)s” is now section %(number)s.")
            % {"title": moved, "number": index + target + 1},
        )
        return HttpResponseRedirect(change_url + f"#agenda-{moved.pk}")
