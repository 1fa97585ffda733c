"""The member area: where a representative keeps its organisation's page true.

A representative reaches only the organisations it represents: any other organisation's page
answers 404, whether or not it exists; an organisation that left the collective answers 403
with the reason. Coordinators reach every organisation (they edit everything in the admin
anyway)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from collectif import services as collectif_services
from collectif import throttle, translation_status
from collectif.forms import TranslationForm
from collectif.locking import StaleRecord
from collectif.lockouts import unlock_account
from collectif.permissions import is_coordinator
from collectif.services import client_address

from . import services
from .capabilities import Capability
from .forms import (
    ActivityReportForm,
    ContactForm,
    LogoForm,
    NetworkCreateForm,
    NetworkForm,
    OrganisationForm,
)
from .models import InternationalNetwork, Organisation
from .selectors import provisions_of
from .tasks import password_reset_task


def organisations_for(user):
    if is_coordinator(user):
        return Organisation.objects.all()
    return Organisation.objects.represented_by(user)


class RepresentativeMixin(LoginRequiredMixin):
    """The organisation of the URL, if the user may keep its page: `self.organisation`."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = get_object_or_404(
            organisations_for(request.user).select_related("network"), slug=kwargs["slug"]
        )
        if not self.organisation.can(Capability.EDIT_OWN_PAGE):
            raise PermissionDenied(self.organisation.refusal_reason(Capability.EDIT_OWN_PAGE))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def get_success_url(self):
        return reverse("portal:dashboard")


class OrganisationFormMixin(RepresentativeMixin):
    """A model form on a fresh copy of the organisation: an invalid form must not alter the
    organisation shown around it. The form carries the organisation's version: `save()` hands
    it to the service, and a stale one is refused like any invalid input, the input kept."""

    def get_form_kwargs(self):
        instance = Organisation.objects.get(pk=self.organisation.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def form_valid(self, form):
        try:
            self.save(form)
        except StaleRecord as stale:
            form.add_error(None, stale)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "members/portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        # Asked only when the page's fragment is not in the cache.
        context["provisions"] = SimpleLazyObject(
            lambda: provisions_of(user, today=timezone.localdate())
        )
        context["is_coordinator"] = SimpleLazyObject(lambda: is_coordinator(user))
        return context


class OrganisationEditView(OrganisationFormMixin, FormView):
    template_name = "members/portal/organisation_form.html"
    form_class = OrganisationForm
    success_message = _("The page of your organisation has been updated.")

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in OrganisationForm.Meta.fields}
        services.organisation_update(
            organisation=self.organisation,
            by=self.request.user,
            themes=form.cleaned_data["themes"],
            version=form.loaded_version,
            **data,
        )


class ContactEditView(OrganisationFormMixin, FormView):
    template_name = "members/portal/contact_form.html"
    form_class = ContactForm
    success_message = _("The contact has been saved and confirmed as public and accurate.")

    def save(self, form):
        services.organisation_update_contact(
            organisation=self.organisation,
            by=self.request.user,
            version=form.loaded_version,
            **form.contact_data(),
        )


class LogoEditView(RepresentativeMixin, FormView):
    template_name = "members/portal/logo_form.html"
    form_class = LogoForm

    def form_valid(self, form):
        logo = None if form.cleaned_data["remove"] else form.cleaned_data["logo"]
        services.organisation_set_logo(
            organisation=self.organisation, logo=logo, by=self.request.user
        )
        if logo:
            messages.success(self.request, _("The new logo has been saved."))
        else:
            messages.success(self.request, _("The logo has been removed."))
        return redirect(self.get_success_url())


class ReportListView(RepresentativeMixin, FormView):
    template_name = "members/portal/reports.html"
    form_class = ActivityReportForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(reports=self.organisation.reports.all(), **kwargs)

    def form_valid(self, form):
        report = services.activity_report_add(
            organisation=self.organisation,
            year=form.cleaned_data["year"],
            language=form.cleaned_data["language"],
            file=form.cleaned_data["file"],
            by=self.request.user,
        )
        messages.success(self.request, _("%(report)s has been added.") % {"report": report})
        return redirect("portal:reports", slug=self.organisation.slug)


class ReportDeleteView(RepresentativeMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        report = get_object_or_404(self.organisation.reports, pk=pk)
        services.activity_report_delete(report=report, by=request.user)
        messages.success(request, _("%(report)s has been removed.") % {"report": report})
        return redirect("portal:reports", slug=self.organisation.slug)


class NetworkEditView(RepresentativeMixin, FormView):
    """Edit the network the organisation belongs to, or name it if none is recorded. A network
    is shared: only the representatives of its members reach it, and its history is kept."""

    template_name = "members/portal/network_form.html"

    def get_form_class(self):
        return NetworkForm if self.organisation.network else NetworkCreateForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.organisation.network:
            kwargs["instance"] = InternationalNetwork.objects.get(pk=self.organisation.network_id)
        return kwargs

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if self.organisation.network:
            try:
                services.network_update(
                    network=self.organisation.network,
                    by=self.request.user,
                    version=form.loaded_version,
                    **data,
                )
            except StaleRecord as stale:
                form.add_error(None, stale)
                return self.form_invalid(form)
        else:
            services.organisation_create_network(
                organisation=self.organisation, by=self.request.user, **data
            )
        messages.success(self.request, _("The international network has been saved."))
        return redirect(self.get_success_url())


class TranslationsView(RepresentativeMixin, TemplateView):
    """The organisation's texts (and its network's) whose English is missing or stale."""

    template_name = "members/portal/translations.html"

    def get_forms(self, data=None):
        records = [self.organisation, self.organisation.network]
        return [
            TranslationForm(data, status=status, prefix=f"record{index}")
            for index, status in enumerate(translation_status.statuses_for(records))
            if status.needing_work("en")
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("forms", self.get_forms())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        forms = self.get_forms(request.POST)
        if not all(form.is_valid() for form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        with transaction.atomic():
            for form in forms:
                collectif_services.translation_submit(
                    instance=form.instance,
                    texts=form.changed_texts(),
                    confirmed=form.confirmed(),
                    by=request.user,
                )
        messages.success(request, _("Thank you: the English texts have been saved."))
        return redirect("portal:translations", slug=self.organisation.slug)


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("collectif:home")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are logged out."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    success_url = reverse_lazy("portal:dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password-reset-done")

    def form_valid(self, form):
        # Counted whether or not an account has the address: the answer tells nobody.
        try:
            throttle.hit(throttle.PASSWORD_RESET_PER_CLIENT, client_address(self.request))
            throttle.hit(throttle.MAIL_PER_RECIPIENT, throttle.mailbox(form.cleaned_data["email"]))
        except throttle.Throttled as error:
            return throttle.refused_response(self, form, error)
        # Known address or not, the request does the same thing: hand the address to a worker.
        password_reset_task.enqueue(
            email=form.cleaned_data["email"],
            domain=self.request.get_host(),
            use_https=self.request.is_secure(),
            language=translation.get_language(),
        )
        return redirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("portal:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Proving one owns the mailbox is the way out of a lock-out, from any address.
        unlock_account(form.user)
        messages.success(self.request, _("Your new password is set: you can log in with it."))
        return response
