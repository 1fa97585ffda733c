"""What the members app adds to the shared mechanisms (see collectif/registry.py)."""

from django.utils.translation import gettext_lazy as _

from collectif import registry

from . import dashboard, demo, reminders, selectors
from .sitemaps import DirectorySitemap, OrganisationSitemap

registry.urls.add("members.urls")
registry.portal_urls.add("members.portal_urls")
registry.sitemaps.add(registry.Sitemap("members", DirectorySitemap))
registry.sitemaps.add(registry.Sitemap("organisations", OrganisationSitemap))
registry.coordinated_apps.add("members")

registry.dashboard_panels.add(dashboard.admission_votes, order=10)
registry.dashboard_panels.add(dashboard.organisations_missing, order=50)
registry.reminders.add(reminders.admission_vote_reminders, order=10)
registry.link_sources.add(selectors.website_links)
registry.demo_loaders.add(demo.load, order=20)
registry.home_sections.add("members/_home_section.html", order=20)

# An organisation's pages in the member area (the news app adds its initiatives).
for order, label, url_name in [
    (10, _("Presentation"), "portal:organisation-edit"),
    (20, _("Contact"), "portal:contact-edit"),
    (30, _("Logo"), "portal:logo-edit"),
    (40, _("Activity reports"), "portal:reports"),
    (50, _("International network"), "portal:network-edit"),
    (70, _("English texts"), "portal:translations"),
]:
    registry.organisation_nav.add(registry.NavEntry(label, url_name), order=order)

# --- Site-wide search -------------------------------------------------------------------------
from documents import site_index  # noqa: E402

from . import site_search  # noqa: E402
from .models import Organisation  # noqa: E402

site_index.register(site_search.KIND, Organisation, site_search.organisation_parts)
registry.search_sources.add(site_search.organisations, order=10)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.forms import TranslationForm  # noqa: E402
from collectif.hostile import Form, Page, password_reset_kwargs  # noqa: E402

from . import forms, portal  # noqa: E402


def _organisation(site):
    return {"slug": site.organisation.slug}


# The link of the password reset e-mail, with a fresh token each time: a submission before may
# have changed the password, which ends the tokens made earlier.
_RESET_LINK = Page(
    "portal:password-reset-confirm", kwargs=lambda site: password_reset_kwargs(site.representative)
)


def _open_reset_link(client, site):
    # Django keeps the token in the session, then shows the form at a token-less address.
    client.get(_RESET_LINK.url(site))


def _reset_form_kwargs(site):
    token = portal.PasswordResetConfirmView.reset_url_token
    return {**password_reset_kwargs(site.representative), "token": token}


def _representative(name, **kwargs):
    return Page(name, kwargs=_organisation, user="representative", **kwargs)


for _page in [
    Page("members:directory", ("theme", "status", "page")),
    Page("members:organisation-detail", kwargs=_organisation),
    Page("portal:login", ("next",)),
    Page("portal:password-reset"),
    Page("portal:password-reset-done"),
    Page("portal:password-change", user="representative"),
    Page("portal:dashboard", user="representative"),
    _representative("portal:organisation-edit"),
    _representative("portal:contact-edit"),
    _representative("portal:logo-edit"),
    _representative("portal:reports"),
    _representative("portal:network-edit"),
    _representative("portal:translations"),
]:
    registry.hostile_pages.add(_page)

# The organisation's public page shows what each form of its representative saved.
_PUBLIC_PAGE = ("members:organisation-detail", _organisation)


def _representative_form(form_id, name, valid, **kwargs):
    kwargs.setdefault("kwargs", _organisation)
    shown_on = kwargs.pop("shown_on", (_PUBLIC_PAGE, (name, _organisation)))
    return Form(form_id, name, "representative", valid, shown_on=shown_on, **kwargs)


for _form in [
    Form(
        "login",
        "portal:login",
        "anonymous",
        lambda site: {"username": "representative", "password": "wrong password"},
        form_class=portal.LoginView.form_class,
        # Where to go once logged in: a hidden field of the template, read by the view.
        extra_fields=("next",),
    ),
    Form(
        "password-reset",
        "portal:password-reset",
        "anonymous",
        lambda site: {"email": "rep@example.org"},
        form_class=portal.PasswordResetView.form_class,
    ),
    Form(
        "password-reset-confirm",
        "portal:password-reset-confirm",
        "anonymous",
        lambda site: {
            "new_password1": "a-new-long-password",
            "new_password2": "a-new-long-password",
        },
        form_class=portal.PasswordResetConfirmView.form_class,
        kwargs=_reset_form_kwargs,
        prepare=_open_reset_link,
    ),
    Form(
        "password-change",
        "portal:password-change",
        "representative",
        lambda site: {
            "old_password": "a-long-test-password",
            "new_password1": "another-long-password",
            "new_password2": "another-long-password",
        },
        form_class=portal.PasswordChangeView.form_class,
    ),
    _representative_form(
        "organisation-edit",
        "portal:organisation-edit",
        lambda site: {
            "description_fr": "Une association.",
            "description_en": "An association.",
            "website_fr": "https://ccem.example.org",
            "website_en": "",
            "network": str(site.network.pk),
            "themes": [str(site.theme.pk)],
        },
        form_class=forms.OrganisationForm,
        record=lambda site: site.organisation,
    ),
    _representative_form(
        "contact-edit",
        "portal:contact-edit",
        lambda site: {
            "contact_first_name": "Jeanne",
            "contact_last_name": "Martin",
            "contact_name_public": "on",
            "contact_role_fr": "Présidente",
            "contact_role_en": "Chair",
            "contact_role_public": "on",
            "contact_email": "jeanne@example.org",
            "contact_email_public": "on",
            "contact_phone": "01 02 03 04 05",
            "contact_address": "1 rue de la Paix, Paris",
            "contact_address_public": "on",
            "confirm": "on",
        },
        form_class=forms.ContactForm,
        record=lambda site: site.organisation,
    ),
    _representative_form(
        "logo",
        "portal:logo-edit",
        lambda site: {},
        form_class=forms.LogoForm,
        shown_on=(_PUBLIC_PAGE,),
    ),
    _representative_form(
        "activity-report",
        "portal:reports",
        lambda site: {"year": "2014", "language": "fr"},
        form_class=forms.ActivityReportForm,
    ),
    _representative_form(
        "network",
        "portal:network-edit",
        lambda site: {
            "presentation_fr": "Un réseau international.",
            "presentation_en": "An international network.",
            "website": "https://network.example.org",
        },
        # The sample organisation has a network: the view edits it (no name to give).
        form_class=forms.NetworkForm,
        record=lambda site: site.network,
    ),
    _representative_form(
        "translations",
        "portal:translations",
        lambda site: {"record0-description": "An association fighting trafficking."},
        form_class=TranslationForm,
        # One form per record still to translate, its fields made by __init__ and prefixed:
        # the organisation's description, then its network's presentation.
        extra_fields=("record0-description", "record1-presentation"),
    ),
    Form(
        "report-delete",
        "portal:report-delete",
        "representative",
        lambda site: {},
        extra_fields=("anything",),
        kwargs=lambda site: {"slug": site.organisation.slug, "pk": site.report.pk},
    ),
    Form(
        "logout",
        "portal:logout",
        "representative",
        lambda site: {},
        extra_fields=("next",),
    ),
]:
    registry.hostile_forms.add(_form)
