from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from . import navigation, services, site_search, throttle, translation_status
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


class SiteMapView(TemplateView):
    """« Plan du site »: the sections of the site and their main pages, for people (the XML
    sitemap is for search engines)."""

    template_name = "collectif/site_map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"], context["about_the_site"] = navigation.site_map()
        return context


class ContactView(FormView):
    form_class = ContactForm
    template_name = "collectif/contact.html"

    def form_valid(self, form):
        if not form.is_spam():
            try:
                throttle.hit(throttle.CONTACT_FOR_EVERYONE)
                services.contact_message_submit(
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    subject=form.cleaned_data["subject"],
                    message=form.cleaned_data["message"],
                    language=get_language(),
                    sender_address=services.client_address(self.request),
                )
            except throttle.Throttled as error:  # ContactRateLimited included
                return throttle.refused_response(self, form, error)
        # A robot that filled the honeypot gets the same answer, and nothing is kept or sent.
        messages.success(
            self.request,
            _("Thank you. Your message has reached the coordination of the collective."),
        )
        return redirect("collectif:contact")


class SearchView(TemplateView):
    """The site-wide search: each kind's best results, for what this reader may see."""

    template_name = "collectif/search.html"

    def get_context_data(self, **kwargs):
        query = site_search.clean_query(self.request.GET.get("q", ""))
        too_short = bool(query) and len(query) < site_search.MIN_QUERY_LENGTH
        groups = []
        if query and not too_short:
            groups = site_search.search(query, user=self.request.user)
        return super().get_context_data(
            query=query, too_short=too_short, groups=groups, site_search_query=query, **kwargs
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.user.is_authenticated:
            # A member's results are theirs: no shared cache keeps them.
            patch_cache_control(response, private=True)
        return response


def csrf_failure(request, reason=""):
    """A form sent without its security token, or with one that no longer matches (the
    session ended, cookies are off, or another site sent it)."""
    return render(request, "403_csrf.html", status=403)
