"""The trash: records coordinators delete are hidden, not destroyed, and can be restored.

- `Trashable` (model): `deleted_at` and `deleted_by`. A trashable model declares
  `objects = LiveManager.from_queryset(ItsQuerySet)()` first (the default manager: public
  pages, member area, sitemaps, feeds, search, form choices never see the trash) and
  `all_objects = ItsQuerySet.as_manager()` (the admin, to show and restore it). It lists in
  `trash_dependents` the relations whose live records depend on it: while there are any, it
  is protected, and stays (`trash_refusals()` says why).
- `move_to_trash()`, `restore()`: the two services.
- `TrashAdminMixin`: the admin's « delete » becomes « move to the trash » (page, action and
  log), with a « trash » filter and a « restore » action.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from collectif import dates


class LiveManager(models.Manager):
    """Rows that are not in the trash."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class Trashable(models.Model):
    deleted_at = models.DateTimeField(
        _("in the trash since"), null=True, blank=True, editable=False, db_index=True
    )
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moved to the trash by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # [(related name, or names counted together; label)]: the live records that keep this one
    # out of the trash. The label is ngettext_lazy(singular, plural, "count") with %(count)d.
    trash_dependents = ()
    # Said after the reasons, if any: what to do instead.
    trash_refusal_advice = None

    class Meta:
        abstract = True

    @property
    def is_in_trash(self):
        return self.deleted_at is not None

    def trash_refusals(self):
        """Why this record may not go to the trash: the live records that depend on it."""
        reasons = []
        for names, label in self.trash_dependents:
            names = (names,) if isinstance(names, str) else names
            count = sum(getattr(self, name).count() for name in names)
            if count:
                reasons.append(label % {"count": count})
        if reasons and self.trash_refusal_advice:
            reasons.append(self.trash_refusal_advice)
        return reasons

    def validate_unique(self, exclude=None):
        # The default manager hides the trash, so Django's own check would miss a value a
        # record in the trash still holds (and the database would refuse it with an error).
        super().validate_unique(exclude)
        errors = {}
        for field in self._meta.fields:
            if not field.unique or field.primary_key or field.name in (exclude or ()):
                continue
            value = getattr(self, field.attname)
            if value in (None, "") or field.name in errors:
                continue
            trashed = type(self).all_objects.filter(
                **{field.attname: value}, deleted_at__isnull=False
            )
            if trashed.exclude(pk=self.pk).exists():
                errors[field.name] = ValidationError(
                    _(
                        "A record in the trash already has this %(field)s: restore it, or "
                        "choose another value."
                    ),
                    code="unique_in_trash",
                    params={"field": field.verbose_name},
                )
        if errors:
            raise ValidationError(errors)


def _refused(instance, refusals):
    return ValidationError(
        _("“%(record)s” cannot go to the trash: %(reasons)s.")
        % {"record": instance, "reasons": "; ".join(str(reason) for reason in refusals)},
        code="protected",
    )


@transaction.atomic
def move_to_trash(*, instance, by):
    """Hide the record everywhere (it stays in the database, restorable by coordinators);
    refused while live records depend on it."""
    if instance.is_in_trash:
        return instance
    refusals = instance.trash_refusals()
    if refusals:
        raise _refused(instance, refusals)
    instance.deleted_at = timezone.now()
    instance.deleted_by = by
    instance._history_user = by
    instance.save(update_fields=["deleted_at", "deleted_by"])
    return instance


@transaction.atomic
def restore(*, instance, by):
    """Bring a record back from the trash, as it was."""
    if not instance.is_in_trash:
        return instance
    instance.deleted_at = None
    instance.deleted_by = None
    instance._history_user = by
    instance.save(update_fields=["deleted_at", "deleted_by"])
    return instance


class TrashFilter(admin.SimpleListFilter):
    """Coordinators see the live records unless they open the trash."""

    title = _("trash")
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("in", _("In the trash")), ("all", _("All, trash included"))]

    def choices(self, changelist):
        current = self.value()
        yield {
            "selected": current is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not in the trash"),
        }
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "in":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "all":
            return queryset
        return queryset.filter(deleted_at__isnull=True)


def _is_autocomplete(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "autocomplete"


class TrashAdminMixin:
    """Put it first among the admin's classes."""

    delete_confirmation_template = "admin/trash/delete_confirmation.html"

    def get_queryset(self, request):
        if _is_autocomplete(request):
            # Choosing a record for another one (autocomplete): never one in the trash.
            return super().get_queryset(request)
        queryset = self.model.all_objects.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_list_filter(self, request):
        return [TrashFilter, *super().get_list_filter(request)]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "trash_state"]

    @admin.display(description=_("trash"))
    def trash_state(self, obj):
        if not obj.is_in_trash:
            return ""
        return _("since %(date)s") % {"date": dates.date_time(obj.deleted_at)}

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        if self.has_delete_permission(request):
            for name in ("trash_selected", "restore_selected"):
                actions[name] = self.get_action(name)
        return actions

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None and obj.is_in_trash:
                self.message_user(
                    request,
                    _(
                        "This record is in the trash: nobody sees it outside the admin. Restore "
                        "it from the list (filter « In the trash », action « Restore »)."
                    ),
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    # --- « Delete » is « move to the trash » ---------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        context = {"title": _("Move to the trash"), **(extra_context or {})}
        return super().delete_view(request, object_id, context)

    def get_deleted_objects(self, objs, request):
        """What the confirmation page lists: the records themselves (nothing else goes), or
        why they are protected."""
        protected = []
        for obj in objs:
            protected += [f"{obj}: {reason}" for reason in obj.trash_refusals()]
        model_count = {self.model._meta.verbose_name_plural: len(objs)}
        return [str(obj) for obj in objs], model_count, set(), protected

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self.log_change(request, obj, str(_("Moved to the trash.")))

    def delete_model(self, request, obj):
        move_to_trash(instance=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            move_to_trash(instance=obj, by=request.user)

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(
            request,
            _("“%(record)s” is in the trash. Coordinators can restore it from there.")
            % {"record": obj_display},
            messages.SUCCESS,
        )
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    # --- Actions -------------------------------------------------------------------------------

    @admin.action(description=_("Move to the trash"))
    def trash_selected(self, request, queryset):
        moved, refused = 0, []
        for obj in queryset.filter(deleted_at__isnull=True):
            try:
                move_to_trash(instance=obj, by=request.user)
            except ValidationError as error:
                refused += error.messages
            else:
                self.log_change(request, obj, str(_("Moved to the trash.")))
                moved += 1
        if moved:
            self.message_user(
                request,
                ngettext(
                    "%(count)d record moved to the trash.",
                    "%(count)d records moved to the trash.",
                    moved,
                )
                % {"count": moved},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description=_("Restore from the trash"))
    def restore_selected(self, request, queryset):
        count = 0
        for obj in queryset.filter(deleted_at__isnull=False):
            restore(instance=obj, by=request.user)
            self.log_change(request, obj, str(_("Restored from the trash.")))
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d record restored from the trash.",
                "%(count)d records restored from the trash.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
