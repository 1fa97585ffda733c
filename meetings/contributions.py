"""What the meetings app adds to the shared mechanisms (see collectif/registry.py)."""

from collectif import registry

from . import dashboard, demo, reminders
from .sitemaps import AgendaSitemap, EventSitemap

registry.urls.add("meetings.urls")
registry.portal_urls.add("meetings.portal_urls")
registry.sitemaps.add(registry.Sitemap("agenda", AgendaSitemap))
registry.sitemaps.add(registry.Sitemap("events", EventSitemap))
registry.coordinated_apps.add("meetings")

registry.dashboard_panels.add(dashboard.action_items, order=20)
registry.reminders.add(reminders.action_item_reminders, order=20)
# After the documents': the minutes link the demo documents as their annexes.
registry.demo_loaders.add(demo.load, order=40)
registry.portal_sections.add("meetings/portal/_dashboard_section.html")

# --- Hostile-input suite ----------------------------------------------------------------------
