"""The second step at login, the enrolment and the member area's on/off page
(collectif/second_factor.py). Each step exists twice: under /admin/ (the admin's look, in French)
and in the member area (the visitor's language)."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from . import second_factor as sf

CODES_SESSION_KEY = "second_factor_codes"
KEY_SESSION_KEY = "second_factor_key"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, request, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request, self.user, self.device = request, user, device
        self.matched = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        if sf.locked(self.request, self.user):
            # Checked before the code: even the right one waits.
            raise forms.ValidationError(
                _(
                    "Too many wrong codes have been typed for this account from your address. "
                    "Please wait a quarter of an hour, then try again."
                ),
                code="locked",
            )
        self.matched = sf.check_code(self.request, self.user, code, device=self.device)
        if self.matched is None:
            raise forms.ValidationError(
                _(
                    "This code is not right. Type the code your app shows now (it changes every "
                    "30 seconds), or an unused recovery code."
                ),
                code="wrong",
            )
        return code


class StepMixin(LoginRequiredMixin):
    """`in_admin` (from the URL conf) picks the template and the page to go back to."""

    in_admin = False
    step_template = ""

    def get_template_names(self):
        prefix = "admin/second_factor/" if self.in_admin else "second_factor/"
        return [prefix + self.step_template]

    def dispatch(self, request, *args, **kwargs):
        # The admin's steps are for staff, as the admin is; others have the member area's.
        if self.in_admin and request.user.is_authenticated and not request.user.is_staff:
            return redirect("admin:login")
        return super().dispatch(request, *args, **kwargs)

    def get_login_url(self):
        return reverse("admin:login") if self.in_admin else super().get_login_url()

    def default_next(self):
        return reverse("admin:index") if self.in_admin else reverse("portal:dashboard")

    def next_url(self):
        return sf.safe_next(self.request, self.default_next())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(next=self.next_url(), **kwargs)
        if self.in_admin:
            # The admin's frame without its menus: nothing of the admin before the second step.
            context |= {
                "site_header": admin.site.site_header,
                "site_title": admin.site.site_title,
                "site_url": admin.site.site_url,
                "has_permission": False,
                "is_nav_sidebar_enabled": False,
            }
        return context


class LockoutMixin:
    """A pair locked for wrong codes gets its form back with status 429 and Retry-After."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error("code", "locked"):
            response.status_code = 429
            response["Retry-After"] = str(sf.CODE_FAILURES.seconds)
        return response


class VerifyView(StepMixin, LockoutMixin, FormView):
    """The second step: a code from the app or a recovery code."""

    step_template = "verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not sf.has_device(request.user):
            request.session[sf.SESSION_KEY] = sf.step_for(request.user)
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request, "user": self.request.user}

    def form_valid(self, form):
        sf.verified(self.request, form.matched)
        return redirect(self.next_url())


class SetupView(StepMixin, LockoutMixin, FormView):
    """The enrolment: a QR code and the secret as text, confirmed by a first code; then the
    recovery codes, shown once."""

    step_template = "setup.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if sf.has_device(request.user) and not request.user.is_verified():
            return redirect(sf.step_url(request, sf.VERIFY))
        # One secret for the whole enrolment: a wrong code keeps the one the app already has.
        key = request.session.get(KEY_SESSION_KEY)
        self.device = sf.new_device(request.user, key)
        if not key:
            request.session[KEY_SESSION_KEY] = self.device.key
        if sf.is_demo_account(request.user):
            # Whoever enrolled a shared account would lock every other visitor out. A page, not
            # a redirect: with the requirement on, every other page sends staff back here.
            context = self.get_context_data(demo_account=True)
            return self.render_to_response(context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "request": self.request,
            "user": self.request.user,
            "device": self.device,
        }

    def get_context_data(self, **kwargs):
        if kwargs.get("demo_account"):
            return super().get_context_data(**kwargs)
        return super().get_context_data(
            qr_code=sf.qr_data_uri(self.device), secret=sf.secret_text(self.device), **kwargs
        )

    def form_valid(self, form):
        device, codes = sf.enrol(self.request.user, self.device)
        sf.verified(self.request, device)
        del self.request.session[KEY_SESSION_KEY]
        self.request.session[CODES_SESSION_KEY] = codes
        url = reverse("second-factor-admin-codes" if self.in_admin else "second-factor:codes")
        return redirect(f"{url}?{self.request.GET.urlencode()}" if self.request.GET else url)


class RecoveryCodesView(StepMixin, TemplateView):
    """The recovery codes just made, once: the page forgets them as it shows them."""

    step_template = "recovery_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(CODES_SESSION_KEY, None)
        if not codes:
            return redirect(self.next_url())
        return self.render_to_response(self.get_context_data(codes=codes))


class SettingsView(StepMixin, LockoutMixin, FormView):
    """The member area's page: turn two-factor authentication on, or off with a code."""

    step_template = "settings.html"
    form_class = CodeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request, "user": self.request.user}

    def required(self):
        return self.request.user.is_staff and settings.REQUIRE_STAFF_2FA

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            enabled=sf.has_device(user),
            required=self.required(),
            demo_account=sf.is_demo_account(user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        # Only a device that may go can be turned off.
        if self.required() or not sf.has_device(request.user):
            return redirect("second-factor:settings")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        sf.remove_devices(self.request.user)
        self.request.session[sf.SESSION_KEY] = sf.NOTHING
        messages.success(self.request, _("Two-factor authentication is turned off."))
        return redirect("second-factor:settings")
