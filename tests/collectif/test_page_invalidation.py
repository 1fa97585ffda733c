"""A write forgets the cached pages made from what it changed, and leaves the others in place:
one write per app, against the demo's pages of every kind."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from collectif.models import Page
from documents.models import LegalResource
from meetings.models import Meeting
from members.models import Organisation
from news.models import NewsItem
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    load_demo()
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    organisation = Organisation.objects.public().order_by("pk").first()
    text = LegalResource.objects.published().order_by("pk").first()
    item = NewsItem.objects.published().order_by("pk").first()
    event = Meeting.objects.public().order_by("pk").first()
    with translation.override("fr"):
        pages = {
            "home": reverse("collectif:home"),
            "about": Page.objects.get(key="about").get_absolute_url(),
            "directory": reverse("members:directory"),
            "organisation": organisation.get_absolute_url(),
            "library": reverse("documents:library"),
            "legal text": text.get_absolute_url(),
            "law feed": reverse("documents:feed"),
            "news": reverse("news:item-list"),
            "news item": item.get_absolute_url(),
            "news feed": reverse("news:feed"),
            "events": reverse("meetings:event-list"),
            "event": event.get_public_url(),
        }
    return {
        "pages": pages,
        "organisation": organisation,
        "text": text,
        "item": item,
        "event": event,
    }


def fill(client, pages):
    for name, path in pages.items():
        assert client.get(path).status_code == 200, name


def kept(client, pages):
    """The pages served from the cache (no query); the others are made again."""
    served = set()
    for name, path in pages.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, name
        if not queries:
            served.add(name)
    return served


def test_every_page_kind_is_kept_until_something_is_written(client, site):
    fill(client, site["pages"])
    assert kept(client, site["pages"]) == set(site["pages"])


def test_an_organisations_contact_edit_leaves_the_library_and_the_news_in_place(client, site):
    member = get_user_model().objects.get(username="demo-member")
    organisation = Organisation.objects.represented_by(member).first()
    site["pages"]["organisation"] = organisation.get_absolute_url()
    fill(client, site["pages"])
    editor = Client()
    editor.force_login(member)
    with translation.override("fr"):
        edit = reverse("portal:contact-edit", kwargs={"slug": organisation.slug})
    response = editor.post(
        edit,
        {
            "contact_first_name": "Bénédicte",
            "contact_last_name": "Bourgeois",
            "contact_name_public": "on",
            "contact_role_fr": "Responsable juridique",
            "contact_role_en": "Legal officer",
            "contact_email": "contact@example.org",
            "contact_email_public": "on",
            "contact_phone": "",
            "contact_address": "",
            "confirm": "on",
            "version": organisation.version,
        },
    )
    assert response.status_code == 302
    still = kept(client, site["pages"])
    # The directory shows no contact: it reads only the columns it shows.
    assert {"library", "legal text", "law feed", "news", "news item", "news feed"} <= still
    assert "directory" in still
    assert "organisation" not in still
    assert "Bourgeois" in client.get(site["pages"]["organisation"]).content.decode()


def test_a_news_item_published_refreshes_home_news_and_feeds(client, site, coordinator):
    fill(client, site["pages"])
    item = NewsItem.objects.published().order_by("pk").first()
    NewsItem.objects.filter(pk=item.pk).update(
        title_fr="Une nouvelle toute fraîche", published_at=timezone.now()
    )
    still = kept(client, site["pages"])
    assert {"home", "news", "news feed"}.isdisjoint(still)
    assert {"library", "legal text", "law feed", "directory", "organisation"} <= still
    assert "Une nouvelle toute fraîche" in client.get(site["pages"]["news"]).content.decode()


def test_a_legal_text_edited_refreshes_the_library_only(client, site):
    fill(client, site["pages"])
    text = site["text"]
    text.title_fr = "Convention révisée"
    text.save()
    still = kept(client, site["pages"])
    assert {"library", "legal text", "law feed"}.isdisjoint(still)
    assert {"news", "news item", "news feed", "directory", "organisation", "about"} <= still
    assert "Convention révisée" in client.get(site["pages"]["legal text"]).content.decode()


def test_an_event_moved_refreshes_the_agenda(client, site):
    fill(client, site["pages"])
    event = site["event"]
    Meeting.objects.filter(pk=event.pk).update(title_fr="Journée européenne, nouvelle salle")
    still = kept(client, site["pages"])
    assert {"events", "event"}.isdisjoint(still)
    assert {"library", "legal text", "news item", "directory", "organisation"} <= still
    assert "nouvelle salle" in client.get(site["pages"]["event"]).content.decode()


def test_the_collectives_page_edited_refreshes_that_page(client, site):
    fill(client, site["pages"])
    Page.objects.filter(key="about").update(title_fr="Le Collectif, revu")
    still = kept(client, site["pages"])
    assert "about" not in still
    assert {"legal text", "news item", "organisation", "event"} <= still
    assert "Le Collectif, revu" in client.get(site["pages"]["about"]).content.decode()


def test_raw_sql_writes_are_seen_too(client, site):
    fill(client, site["pages"])
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {LegalResource._meta.db_table} SET title_fr = %s WHERE id = %s",  # noqa: S608
            ["Titre changé en SQL", site["text"].pk],
        )
    assert "legal text" not in kept(client, site["pages"])


def test_a_write_rolled_back_costs_a_render_and_shows_nothing_new(client, site):
    from django.db import transaction

    fill(client, site["pages"])

    def abandoned():
        with transaction.atomic():
            NewsItem.objects.filter(pk=site["item"].pk).update(title_fr="Jamais publiée")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        abandoned()
    assert "Jamais publiée" not in client.get(site["pages"]["news item"]).content.decode()
