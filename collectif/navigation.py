"""The main navigation, written once: the header's menu and the human site map read it.

Entries name URLs rather than import views, so that collectif still imports no app; an entry
whose URL does not resolve (its app is not installed) is left out."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _

from .fixed_urls import fixed_reverse


@dataclass(frozen=True)
class Page:
    label: str
    url_name: str


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    # The section's other main pages, listed under it on the site map.
    pages: tuple[Page, ...] = field(default=())
    # The member area sits apart, at the end of the menu.
    portal: bool = False
    # Listed on the site map as a section of its own (not the home page, nor a page the map
    # lists under another section).
    mapped: bool = True


SECTIONS = (
    Section(_("Home"), "collectif:home", mapped=False),
    Section(
        _("The collective"),
        "collectif:about",
        (Page(_("Join"), "collectif:join"), Page(_("Contact"), "collectif:contact")),
    ),
    Section(_("Members"), "members:directory"),
    Section(
        _("News"),
        "news:item-list",
        (Page(_("The monthly newsletter"), "news:subscribe"),),
    ),
    Section(_("Events"), "meetings:event-list"),
    Section(
        _("Law"),
        "documents:library",
        (Page(_("The collective's documents"), "documents:document-list"),),
    ),
    Section(_("Join"), "collectif:join", mapped=False),
    Section(_("Contact"), "collectif:contact", mapped=False),
    Section(
        _("Member area"),
        "portal:dashboard",
        (
            Page(_("Log in"), "portal:login"),
            Page(_("Meetings and minutes"), "meetings-portal:meeting-list"),
            Page(_("Our action items"), "meetings-portal:action-items"),
        ),
        portal=True,
    ),
)

# Pages of no section: the footer's.
ABOUT_THE_SITE = (
    Page(_("Legal notice"), "collectif:legal"),
    Page(_("Privacy"), "collectif:privacy"),
    Page(_("Site map (XML)"), "sitemap"),
)


def _url(name):
    try:
        return fixed_reverse(name)
    except NoReverseMatch:
        return None


def _current(path, url, home):
    """`page` on the entry's own page, `true` on a page under it (an organisation's page is
    in « Membres »); the home page is only ever its own page."""
    if path == url:
        return "page"
    if not home and path.startswith(url):
        return "true"
    return ""


def _links():
    """The menu's entries as (label, url, portal, home): the same on every page of a language."""
    home = _url("collectif:home")
    return [
        (section.label, url, section.portal, url == home)
        for section in SECTIONS
        if (url := _url(section.url_name)) is not None
    ]


class Menu(list):
    """The menu's links, and `state`: which one is current, and how (for {% memo %})."""

    @property
    def state(self):
        return tuple((link["url"], link["current"]) for link in self if link["current"])


def menu(path):
    """The main navigation's links for a page at `path`."""
    return Menu(
        {
            "label": label,
            "url": url,
            "current": _current(path, url, home),
            "portal": portal,
            "home": home,
        }
        for label, url, portal, home in _links()
    )


def site_map():
    """Every section with its main pages, then the pages about the site."""
    sections = []
    for section in SECTIONS:
        url = _url(section.url_name)
        if url is None or not section.mapped:
            continue
        pages = [
            {"label": page.label, "url": page_url}
            for page in section.pages
            if (page_url := _url(page.url_name)) is not None
        ]
        sections.append({"label": section.label, "url": url, "pages": pages})
    about = [
        {"label": page.label, "url": page_url}
        for page in ABOUT_THE_SITE
        if (page_url := _url(page.url_name)) is not None
    ]
    return sections, about
