"""What the news app adds to the shared mechanisms (see collectif/registry.py)."""

from django.utils.translation import gettext_lazy as _

from collectif import registry

from . import dashboard, demo, selectors
from .sitemaps import NewsItemSitemap, NewsListSitemap

registry.urls.add("news.urls")
registry.portal_urls.add("news.portal_urls")
registry.sitemaps.add(registry.Sitemap("news", NewsListSitemap))
registry.sitemaps.add(registry.Sitemap("news-items", NewsItemSitemap))
registry.coordinated_apps.add("news")

registry.dashboard_panels.add(dashboard.initiatives_to_review, order=30)
registry.event_sources.add(selectors.public_events)
registry.link_sources.add(selectors.news_item_links, order=20)
registry.demo_loaders.add(demo.load, order=50)
registry.home_sections.add("news/_home_section.html", order=10)
registry.organisation_nav.add(
    registry.NavEntry(_("Initiatives"), "news-portal:initiative-list"), order=60
)

# --- Site-wide search -------------------------------------------------------------------------
from documents import site_index  # noqa: E402

from . import site_search  # noqa: E402
from .models import NewsItem  # noqa: E402

site_index.register(site_search.KIND, NewsItem, site_search.news_item_parts)
registry.search_sources.add(site_search.news, order=20)
registry.search_sources.add(site_search.initiatives, order=25)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.hostile import Form, Page  # noqa: E402

from .forms import InitiativeForm, SubscribeForm  # noqa: E402


def _organisation(site):
    return {"slug": site.organisation.slug}


def _initiative(site):
    return {"slug": site.organisation.slug, "pk": site.initiative.pk}


def _initiative_page(site):
    return {"slug": site.initiative.slug}


for _page in [
    Page("news:item-list", ("kind", "organisation", "theme", "page")),
    Page("news:feed"),
    Page("news:item-detail", kwargs=lambda site: {"slug": site.news_item.slug}),
    # A representative also sees the drafts of its organisation.
    Page("news:item-detail", kwargs=_initiative_page, user="representative"),
    Page("news:subscribe"),
    Page("news:subscription-confirm", kwargs=lambda site: {"token": site.confirmation_token}),
    Page("news:unsubscribe", kwargs=lambda site: {"token": site.subscriber.token}),
    Page("news-portal:initiative-list", kwargs=_organisation, user="representative"),
    Page("news-portal:initiative-detail", kwargs=_initiative, user="representative"),
    Page("news-portal:initiative-create", kwargs=_organisation, user="representative"),
    Page("news-portal:initiative-edit", kwargs=_initiative, user="representative"),
]:
    registry.hostile_pages.add(_page)


def _initiative_data(site):
    return {
        "kind": "event",
        "title_fr": "Colloque de l'ACPE",
        "title_en": "ACPE conference",
        "summary_fr": "La prostitution des mineurs est une forme de traite.",
        "summary_en": "",
        "body_fr": "Programme **à venir**.",
        "body_en": "",
        "link_fr": "https://ccem.example.org/colloque",
        "link_en": "",
        "link_label_fr": "S'inscrire",
        "link_label_en": "",
        "event_start": "2014-10-16T09:00",
        "event_end": "2014-10-16T18:00",
        "event_place": "Paris",
        "image_alt_fr": "",
        "image_alt_en": "",
        "themes": [str(site.theme.pk)],
    }


# Where an initiative shows every field (its list shows the title: the creation form's page).
_INITIATIVE_PAGES = (
    ("news-portal:initiative-detail", _initiative),
    ("news:item-detail", _initiative_page),
)

for _form in [
    Form(
        "subscribe",
        "news:subscribe",
        "anonymous",
        lambda site: {"email": "lectrice@example.org", "language": "fr"},
        form_class=SubscribeForm,
        shown_on=(("news:subscribe", None),),
    ),
    Form(
        "subscription-confirm",
        "news:subscription-confirm",
        "anonymous",
        lambda site: {},
        extra_fields=("anything",),
        kwargs=lambda site: {"token": site.confirmation_token},
    ),
    Form(
        "unsubscribe",
        "news:unsubscribe",
        "anonymous",
        lambda site: {},
        extra_fields=("anything",),
        kwargs=lambda site: {"token": site.subscriber.token},
    ),
    Form(
        "initiative-create",
        "news-portal:initiative-create",
        "representative",
        _initiative_data,
        form_class=InitiativeForm,
        kwargs=_organisation,
        shown_on=(("news-portal:initiative-list", _organisation),),
    ),
    Form(
        "initiative-edit",
        "news-portal:initiative-edit",
        "representative",
        _initiative_data,
        form_class=InitiativeForm,
        kwargs=_initiative,
        record=lambda site: site.initiative,
        shown_on=_INITIATIVE_PAGES,
    ),
    Form(
        "initiative-submit",
        "news-portal:initiative-submit",
        "representative",
        lambda site: {},
        extra_fields=("anything",),
        kwargs=_initiative,
        shown_on=_INITIATIVE_PAGES,
    ),
]:
    registry.hostile_forms.add(_form)
