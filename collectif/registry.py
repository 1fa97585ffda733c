"""What the apps add to the site's shared mechanisms, each declared in the app's own module.

Django's idiom, as `admin.py` for the admin or modeltranslation's `translation.py`: at start-up
`CollectifConfig.ready()` imports the `contributions` module of every installed app, in the order
of INSTALLED_APPS, and each registers its parts in the lists below. collectif reads the lists and
never imports an app, so a new app plugs in by writing its `contributions.py` alone (see the
README, "Adding an app").

Every list keeps its entries sorted by `order` (then by registration), so that an app can say
where its part goes among the others' (its panel on the dashboard, its link in a navigation).
"""

from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import autodiscover_modules

MODULE = "contributions"


@dataclass(frozen=True)
class Entry:
    value: Any
    order: int
    position: int


class Contributions:
    """One kind of contribution: a named list that apps add to and collectif reads."""

    def __init__(self, name, doc):
        self.name = name
        self.__doc__ = doc
        self._entries = []

    def add(self, value=None, *, order=100):
        """Register `value`; without it, a decorator that registers the function it wraps."""
        if value is None:
            return lambda function: self.add(function, order=order)
        self._entries.append(Entry(value, order, len(self._entries)))
        self._entries.sort(key=lambda entry: (entry.order, entry.position))
        return value

    def remove(self, value):
        self._entries = [entry for entry in self._entries if entry.value is not value]

    def __iter__(self):
        return iter([entry.value for entry in self._entries])

    def __len__(self):
        return len(self._entries)

    def __repr__(self):
        return f"<Contributions {self.name}: {len(self)}>"


@dataclass(frozen=True)
class NavEntry:
    """A link of a navigation: `url_name` is reversed with the arguments the navigation gives
    (an organisation's navigation gives its slug)."""

    label: str
    url_name: str


@dataclass(frozen=True)
class Sitemap:
    section: str
    sitemap: Any


urls = Contributions(
    "urls",
    "Modules of public URL patterns (dotted paths, as `include()` takes them), mounted under "
    "each language's prefix.",
)
portal_urls = Contributions(
    "portal_urls",
    "Modules of URL patterns of the member area, mounted under « espace-membres/ ».",
)
sitemaps = Contributions("sitemaps", "`Sitemap` entries: a section name and its sitemap class.")
coordinated_apps = Contributions(
    "coordinated_apps",
    "App labels whose every permission the Coordination group has (see collectif/permissions.py).",
)
dashboard_panels = Contributions(
    "dashboard_panels",
    "Functions `(today) -> collectif.dashboard.Panel`, the coordinators' home in the admin.",
)
reminders = Contributions(
    "reminders",
    "Functions `(*, today) -> [lines]` run by `manage.py send_reminders`; each sends its "
    "reminders once through `collectif.reminders.send_once` and returns a line per reminder.",
)
event_sources = Contributions(
    "event_sources",
    "Functions `(*, when, now, limit) -> [events]` giving public events for the agenda, its "
    "feeds and the home page: `when` is « upcoming », « past » or « all » (see "
    "collectif/events.py for what an event answers).",
)
link_sources = Contributions(
    "link_sources",
    "Functions `() -> [(url, label)]`: the external links the link checker visits, each with "
    "where it is used.",
)
demo_loaders = Contributions(
    "demo_loaders",
    "Functions `(*, today) -> [lines]` loading an app's demo content (idempotent), run by "
    "`manage.py load_demo` in order: a loader comes after those whose content it uses. "
    "What the demo invents is dated relative to `today` (see collectif/demo.py).",
)
home_sections = Contributions(
    "home_sections",
    "Templates included on the home page, in order (each loads the tags it needs).",
)
portal_sections = Contributions(
    "portal_sections",
    "Templates included on the member area's home, after the organisations' sections.",
)
organisation_nav = Contributions(
    "organisation_nav",
    "`NavEntry` links of an organisation's pages in the member area (reversed with its slug).",
)
hostile_pages = Contributions(
    "hostile_pages",
    "`collectif.hostile.Page` entries of the hostile-input suite: every page with the query "
    "parameters it reads (tests/hostile/test_url_walk.py fails for a page left out).",
)
hostile_forms = Contributions(
    "hostile_forms",
    "`collectif.hostile.Form` entries of the hostile-input suite: every form a visitor or a "
    "member sends, its fields read from its form class.",
)
search_sources = Contributions(
    "search_sources",
    "Functions `(query, *, user, limit) -> collectif.site_search.SearchGroup | None` giving "
    "one kind of results of the site-wide search (None: nothing to show for this reader).",
)

ALL = [
    urls,
    portal_urls,
    sitemaps,
    coordinated_apps,
    dashboard_panels,
    reminders,
    event_sources,
    link_sources,
    demo_loaders,
    home_sections,
    portal_sections,
    organisation_nav,
    hostile_pages,
    hostile_forms,
    search_sources,
]


def discover():
    """Import every app's `contributions` module (once: Python keeps imported modules)."""
    autodiscover_modules(MODULE)
