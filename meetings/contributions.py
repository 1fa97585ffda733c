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

# --- Site-wide search -------------------------------------------------------------------------
from documents import site_index  # noqa: E402

from . import site_search  # noqa: E402
from .models import ActionItem, AgendaItem, Meeting  # noqa: E402

site_index.register(site_search.MEETINGS, Meeting, site_search.meeting_parts)
site_index.register(site_search.AGENDA_ITEMS, AgendaItem, site_search.agenda_item_parts)
site_index.register(site_search.ACTION_ITEMS, ActionItem, site_search.action_item_parts)
registry.search_sources.add(site_search.events, order=30)
registry.search_sources.add(site_search.minutes, order=60)
registry.search_sources.add(site_search.agenda_items, order=70)
registry.search_sources.add(site_search.action_items, order=80)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.hostile import Form, Page  # noqa: E402

from .forms import ActionItemDoneForm, ReaderLanguageForm  # noqa: E402


def _meeting(site):
    return {"pk": site.meeting.pk}


def _action(site):
    return {"pk": site.action.pk}


for _page in [
    Page("meetings:event-list"),
    Page("meetings:event-detail", kwargs=_meeting),
    Page("meetings:feed"),
    Page("meetings:personal-feed", kwargs=lambda site: {"token": site.calendar_token}),
    # Both kinds of readers of the minutes: a member's representative, a coordinator.
    Page("meetings-portal:meeting-list", ("kind", "year", "page"), user="representative"),
    Page("meetings-portal:meeting-list", ("kind", "year", "page"), user="coordinator"),
    Page("meetings-portal:meeting-detail", kwargs=_meeting, user="representative"),
    Page("meetings-portal:meeting-pdf", kwargs=_meeting, user="representative"),
    Page("meetings-portal:action-items", user="representative"),
    Page("meetings-portal:action-item-done", kwargs=_action, user="representative"),
    Page("meetings-portal:calendar", user="representative"),
]:
    registry.hostile_pages.add(_page)

for _form in [
    Form(
        "action-item-done",
        "meetings-portal:action-item-done",
        "representative",
        lambda site: {"comment": "Envoyé le 3 octobre.", "next": "/fr/espace-membre/"},
        form_class=ActionItemDoneForm,
        # Where to go back to: the page the button was on, read by the view.
        extra_fields=("next",),
        kwargs=_action,
        shown_on=(("meetings-portal:action-items", None),),
    ),
    Form(
        "calendar-language",
        "meetings-portal:calendar",
        "representative",
        lambda site: {"language": "en"},
        form_class=ReaderLanguageForm,
        shown_on=(("meetings-portal:calendar", None),),
    ),
    Form(
        "calendar-renew",
        "meetings-portal:calendar-renew",
        "representative",
        lambda site: {},
        extra_fields=("anything",),
        shown_on=(("meetings-portal:calendar", None),),
    ),
]:
    registry.hostile_forms.add(_form)
