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

# --- Hostile-input suite ----------------------------------------------------------------------
