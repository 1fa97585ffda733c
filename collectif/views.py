from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from . import services, translation_status
from .forms import ContactForm
from .models import LegalInformation, Page


class PageView(TemplateView):
    """A site-wide page whose text lives in the database (see Page)."""

    key = None
    template_name = "collectif/page.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = page = get_object_or_404(Page, key=self.key)
        context["translation_status"] = translation_status.status_for(page)
        return context


class LegalNoticeView(PageView):
    """The legal notice: the coordinators' text, then the publisher, the director of
    publication and the host that French law requires it to name."""

    key = Page.Key.LEGAL
    template_name = "collectif/legal.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["legal"] = LegalInformation.current()
        return context


class HomeView(PageView):
    key = Page.Key.HOME
    template_name = "collectif/home.html"


class ContactView(FormView):
    form_class = ContactForm
    template_name = "collectif/contact.html"

    def form_valid(self, form):
        if not form.is_spam():
            try:
                services.contact_message_submit(
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    subject=form.cleaned_data["subject"],
                    message=form.cleaned_data["message"],
                    language=get_language(),
                    sender_address=services.client_address(self.request),
                )
            except services.ContactRateLimited as error:
                form.add_error(None, error.message)
                return self.form_invalid(form)
        # A robot that filled the honeypot gets the same answer, and nothing is kept or sent.
        messages.success(
            self.request,
            _("Thank you. Your message has reached the coordination of the collective."),
        )
        return redirect("collectif:contact")


def csrf_failure(request, reason=""):
    """A form sent without its security token, or with one that no longer matches (the
    session ended, cookies are off, or another site sent it)."""
    return render(request, "403_csrf.html", status=403)
