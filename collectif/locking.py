"""Optimistic locking: of two people editing the same record at once, the second to save is
refused with a clear message instead of overwriting the first.

- `Versioned` (model): a `version` number that every save of the row raises, in the database
  (`version = version + 1`), whoever saves it (admin, member area, services, history reverts).
- `VersionedFormMixin` (model form): carries the version the form was loaded with in a hidden
  field; `clean()` refuses the form when the record has moved on since. The refused form keeps
  what the person typed; its hidden version stays the old one, so that saving again without
  reloading is refused again: nothing is overwritten unseen.
- `claim(instance, version)` (services, admin): in the saving transaction, moves the row to a
  new version only if it is still at `version`, in one conditional UPDATE; of two saves that
  both passed `clean()` at the same moment, the second is refused there (`StaleRecord`).
- `VersionedAdminMixin`: all of this for a ModelAdmin. The inlines of a change page are part
  of its one submission, so the parent's version covers them; whoever changes such a row
  elsewhere calls `bump()` on the parent.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.db.models.expressions import Combinable
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

FIELD = "version"

STALE_MESSAGE = _(
    "Someone else changed this record since you opened it: reload to see their changes; "
    "your input is kept below."
)
RACE_MESSAGE = _(
    "Someone else saved this record at the same moment as you: your changes were not saved. "
    "Here it is as they left it; make your changes again."
)


class StaleRecord(ValidationError):
    def __init__(self, message=STALE_MESSAGE):
        super().__init__(message, code="stale")


class Versioned(models.Model):
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised by every save: a form opened at an older version is refused."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Like auto_now for `updated_at`: a fact about the row kept by the row itself. Counted
        # by the database, so that an instance loaded long ago cannot move the number back.
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and (update_fields is None or update_fields):
            self.version = F(FIELD) + 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, FIELD}
        super().save(*args, **kwargs)
        if isinstance(self.version, Combinable):
            self.refresh_from_db(fields=[FIELD])


def claim(instance, version):
    """Take the next version of `instance` if the row is still at `version` (else raise
    StaleRecord). Call it inside the transaction that then saves the instance."""
    model = type(instance)
    taken = model._base_manager.filter(pk=instance.pk, version=version).update(
        **{FIELD: F(FIELD) + 1}
    )
    if not taken:
        raise StaleRecord
    instance.version = version + 1


def bump(model, pk):
    """A new version of the row `pk` of `model`, for a change made to a record it covers (an
    agenda item of a meeting changed on its own page, an action item marked done)."""
    model._base_manager.filter(pk=pk).update(**{FIELD: F(FIELD) + 1})


class VersionedFormMixin:
    """For a ModelForm of a Versioned model (put it first)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A text field: a tampered value is simply stale, not an error on a field nobody sees.
        self.fields[FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial.setdefault(FIELD, self.instance.version)

    @property
    def version_field(self):
        return self[FIELD]

    @property
    def loaded_version(self):
        """The version the form was loaded with, as submitted (None if unreadable)."""
        value = self.data.get(self.add_prefix(FIELD), "") if self.is_bound else ""
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        if not self.instance._state.adding and self.loaded_version != self.instance.version:
            # Added, not raised: the form's own clean() still reports everything else.
            self.add_error(None, StaleRecord())
        return cleaned


class VersionedAdminMixin:
    """Optimistic locking for a ModelAdmin of a Versioned model (put it before the admin's
    other classes). The version travels in the change form (templates/admin/change_form.html)
    and is claimed when the form's object is built, whatever the admin's save_model does."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if issubclass(form, VersionedFormMixin):
            return form
        return type(form.__name__, (VersionedFormMixin, form), {"__module__": form.__module__})

    def save_form(self, request, form, change):
        obj = super().save_form(request, form, change)
        if change:
            claim(obj, form.loaded_version)
        return obj

    def render_change_form(self, request, context, *args, **kwargs):
        # After the admin's own queries (the content type, on a cold cache): no query may run
        # in a transaction marked for rollback.
        response = super().render_change_form(request, context, *args, **kwargs)
        if request.method == "POST" and transaction.get_connection().in_atomic_block:
            # The submission is shown again (an inline was invalid): nothing of it is saved,
            # the version claimed for it included.
            transaction.set_rollback(True)
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecord:
            # Both saves passed the form's check at the same moment; the other one won. The
            # transaction is rolled back: nothing of this submission was saved.
            self.message_user(request, RACE_MESSAGE, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
