"""The user accounts in the admin, with least privilege.

Coordinators (staff, group « Coordination », not superusers) manage the accounts of member
representatives: they create them, link them to their organisations, deactivate them and send
them a link to choose a password. They can neither grant nor use staff status, superuser
status, groups or permissions, and they never see or change a staff or superuser account
(their own included: they change their password at /admin/password_change/). What they may
not change is not in their forms at all, so a field posted by hand is ignored; the pages of a
staff or superuser account answer 403. Superusers keep Django's full user admin.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from collectif import locking
from collectif.admin import PermissionsInWordsMixin

from .models import Organisation
from .tasks import QueuedPasswordResetForm

User = get_user_model()


def is_privileged(user):
    """Staff or superuser: an account only a superuser may see or change."""
    return user.is_staff or user.is_superuser


class OrganisationsWidget(FilteredSelectMultiple):
    """The admin's two-box chooser, in the wrapper the admin gives its own (which lays it out
    beside its label)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = super().render(name, value, attrs, renderer)
        return format_html('<div class="related-widget-wrapper">{}</div>', widget)


class OrganisationsField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Organisation.objects.order_by("name"),
            required=False,
            label=_("Organisations represented"),
            help_text=_("The organisations whose page this account keeps up to date."),
            widget=OrganisationsWidget(_("organisations"), is_stacked=False),
            **kwargs,
        )


class OrganisationsFormMixin:
    """The organisations the account represents (Organisation.representatives, seen from the
    account), saved by RepresentativeAdmin.save_related."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["organisations"].initial = self.instance.organisations.all()


class AccountChangeForm(OrganisationsFormMixin, UserChangeForm):
    organisations = OrganisationsField()


class AccountCreationForm(OrganisationsFormMixin, AdminUserCreationForm):
    organisations = OrganisationsField()


class SingleAccountPasswordResetForm(QueuedPasswordResetForm):
    """Django's reset e-mail (the member area's templates and link), for one chosen account:
    Django's own form mails every active account with a usable password at the address,
    whereas a representative created without a password must get the link too, and an
    account sharing the address must not."""

    def __init__(self, *, account, **kwargs):
        super().__init__({"email": account.email}, **kwargs)
        self.account = account

    def get_users(self, email):
        return [self.account]


def send_password_reset(request, account):
    """Mail `account` the link to choose a password; False if it cannot receive one."""
    if not account.is_active or not account.email:
        return False
    form = SingleAccountPasswordResetForm(account=account)
    if not form.is_valid():  # an address the form refuses
        return False
    form.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
    )
    return True


class RepresentativeAdmin(PermissionsInWordsMixin, UserAdmin):
    """Django's UserAdmin for superusers; for everyone else, representatives' accounts only."""

    form = AccountChangeForm
    add_form = AccountCreationForm
    change_form_template = "admin/auth/user/account_change_form.html"
    actions = ["send_password_reset_links", "deactivate"]
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "email",
                    "usable_password",
                    "password1",
                    "password2",
                    "organisations",
                ),
            },
        ),
    )
    representative_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Member area"), {"fields": ("is_active", "organisations")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    # --- Who sees what ------------------------------------------------------------------------

    def _out_of_reach(self, request, obj):
        return obj is not None and is_privileged(obj) and not request.user.is_superuser

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(is_staff=False, is_superuser=False)

    def get_object(self, request, object_id, from_field=None):
        """Found in every account, not only the listed ones: a staff or superuser account's
        pages then answer 403 (by the permissions below) rather than « does not exist »."""
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            value = field.to_python(object_id)
            return self.model._default_manager.get(**{field.name: value})
        except (self.model.DoesNotExist, ValidationError, ValueError, TypeError):
            return None

    def has_view_permission(self, request, obj=None):
        return not self._out_of_reach(request, obj) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._out_of_reach(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._out_of_reach(request, obj) and super().has_delete_permission(request, obj)

    # --- What they change ---------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        if request.user.is_superuser:
            return [
                *super().get_fieldsets(request, obj),
                (_("Member area"), {"fields": ["organisations"]}),
            ]
        return self.representative_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["last_login", "date_joined"]

    def get_list_display(self, request):
        if request.user.is_superuser:
            return [*super().get_list_display(request), "is_active"]
        return ["username", "email", "first_name", "last_name", "is_active"]

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        return ["is_active"]

    def lookup_allowed(self, lookup, value, request=None):
        # Not even a filter by hand on what coordinators may not see.
        hidden = ("is_staff", "is_superuser", "groups", "user_permissions")
        if request is not None and not request.user.is_superuser and lookup.startswith(hidden):
            return False
        return super().lookup_allowed(lookup, value, request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "organisations" in form.cleaned_data:
            chosen = set(form.cleaned_data["organisations"])
            before = set(form.instance.organisations.all())
            form.instance.organisations.set(chosen)
            # The organisation's page lists its representatives: a form of it opened before
            # this change must not undo it (collectif/locking.py).
            for organisation in chosen ^ before:
                locking.bump(Organisation, organisation.pk)

    # --- Password reset links and deactivation -------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/password-reset/",
                self.admin_site.admin_view(self.password_reset_view),
                name="auth_user_password_reset",
            ),
            *super().get_urls(),
        ]

    def password_reset_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        account = self.get_object(request, object_id)
        if account is None or not self.has_change_permission(request, account):
            raise PermissionDenied
        self._report_reset_links(request, [account])
        return redirect("admin:auth_user_change", account.pk)

    def _report_reset_links(self, request, accounts):
        sent = [account for account in accounts if send_password_reset(request, account)]
        unsent = [str(account) for account in accounts if account not in sent]
        if sent:
            self.message_user(
                request,
                ngettext(
                    "A link to choose a password was sent to %(accounts)s.",
                    "A link to choose a password was sent to %(accounts)s.",
                    len(sent),
                )
                % {"accounts": ", ".join(account.email for account in sent)},
                messages.SUCCESS,
            )
        if unsent:
            self.message_user(
                request,
                _(
                    "No link sent to %(accounts)s: the account needs an e-mail address and "
                    "must be active."
                )
                % {"accounts": ", ".join(unsent)},
                messages.WARNING,
            )

    @admin.action(description=_("Send a link to choose a password"), permissions=["change"])
    def send_password_reset_links(self, request, queryset):
        self._report_reset_links(request, list(queryset))

    @admin.action(description=_("Deactivate the selected accounts"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = queryset.exclude(pk=request.user.pk).filter(is_active=True).update(is_active=False)
        self.message_user(
            request,
            ngettext("%(count)d account deactivated.", "%(count)d accounts deactivated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


admin.site.unregister(User)
admin.site.register(User, RepresentativeAdmin)
