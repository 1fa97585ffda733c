"""The public news pages: list, filters, detail, feeds, sitemap, home page, agenda."""

from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from collectif.models import Theme
from meetings.models import Meeting
from news import services
from news.models import NewsItem
from tests.dates import paris

pytestmark = pytest.mark.django_db
Status = NewsItem.Status


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def published(make_item, ccem):
    return make_item(
        Status.PUBLISHED,
        proposer=ccem,
        when=paris(2014, 10, 6, 9),
        title_en="Balkans declaration",
        summary_en="A declaration against trafficking to sign.",
        body_fr="Texte **français**. <script>alert('x')</script>",
        link_fr="https://www.esclavagemoderne.org/",
        link_label_fr="Signer la déclaration",
    )


def test_the_news_list_has_its_address_in_each_language():
    assert url("news:item-list", "fr") == "/fr/actualites/"
    assert url("news:item-list", "en") == "/en/news/"
    assert url("news:feed", "fr") == "/fr/actualites/flux/"
    assert url("news:feed", "en") == "/en/news/feed/"


def test_the_public_sees_published_items_only(client, published, make_item, ccem):
    make_item(Status.SUBMITTED, proposer=ccem, title_fr="En attente de relecture")
    make_item(Status.DRAFT, title_fr="Brouillon du Collectif")
    page = client.get(url("news:item-list")).content.decode()
    assert "Déclaration des Balkans" in page
    assert "En attente de relecture" not in page
    assert "Brouillon du Collectif" not in page


def test_english_page_shows_english_and_marks_french_fallbacks(client, published, make_item):
    make_item(Status.PUBLISHED, title_fr="Communiqué sans anglais", when=paris(2014, 10, 18))
    page = client.get(url("news:item-list", "en")).content.decode()
    assert "Balkans declaration" in page
    assert 'lang="fr">Communiqué sans anglais</a>' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=petition", {"Déclaration des Balkans"}),
        ("kind=initiatives", {"Déclaration des Balkans"}),
        ("kind=collective", {"Communiqué de lancement"}),
        ("organisation=ccem", {"Déclaration des Balkans"}),
        ("theme=minors", {"Communiqué de lancement"}),
        ("theme=minors&kind=petition", set()),
        ("kind=nonsense", {"Déclaration des Balkans", "Communiqué de lancement"}),
    ],
)
def test_the_list_filters_by_kind_organisation_and_theme(
    client, published, make_item, query, expected
):
    launch = make_item(
        Status.PUBLISHED, title_fr="Communiqué de lancement", when=paris(2014, 10, 18)
    )
    launch.themes.set([Theme.objects.get(slug="minors")])
    page = client.get(url("news:item-list") + "?" + query).content.decode()
    shown = {
        title for title in ("Déclaration des Balkans", "Communiqué de lancement") if title in page
    }
    assert shown == expected


def test_the_list_costs_the_same_queries_for_10_and_200_items(
    client, bulk_published, ccem, hors_la_rue, django_assert_num_queries
):
    themes = list(Theme.objects.all()[:2])

    def create(count):
        NewsItem.objects.all().delete()
        bulk_published(count, organisations=[ccem, hors_la_rue], themes=themes)

    create(10)
    with CaptureQueriesContext(connection) as ten:
        client.get(url("news:item-list"))
    create(200)
    with django_assert_num_queries(len(ten)):
        response = client.get(url("news:item-list") + "?page=2")
    page = response.content.decode()
    assert page.count('class="news-card"') == 12
    assert page.count("CCEM, Hors la Rue") == 12


@pytest.mark.parametrize("name", ["news:item-list", "collectif:home"])
def test_lists_of_cards_never_read_the_texts(client, bulk_published, name):
    bulk_published(3)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(name)).status_code == 200
    read = [query["sql"] for query in queries if '"news_newsitem"' in query["sql"]]
    assert read
    assert not [sql for sql in read if '"body' in sql or '"link' in sql]


def test_detail_renders_the_sanitised_markdown_and_the_link(client, published):
    page = client.get(url("news:item-detail", slug=published.slug)).content.decode()
    assert "<strong>français</strong>" in page
    assert "<script>alert" not in page
    assert 'href="https://www.esclavagemoderne.org/"' in page
    assert "Signer la déclaration" in page


def test_english_detail_marks_the_french_body_as_french(client, published):
    page = client.get(url("news:item-detail", "en", slug=published.slug)).content.decode()
    assert "<h1>Balkans declaration</h1>" in page
    assert '<div class="rich-text news-body" lang="fr">' in page
    assert "This text is not yet available in English" in page


def test_unpublished_items_answer_404_to_the_public_and_other_members(
    client, make_item, ccem, other_representative
):
    draft = make_item(Status.SUBMITTED, proposer=ccem)
    path = url("news:item-detail", slug=draft.slug)
    assert client.get(path).status_code == 404
    client.force_login(other_representative)
    assert client.get(path).status_code == 404


def test_the_proposer_and_the_coordinators_preview_an_unpublished_item(
    client, make_item, ccem, representative, coordinator
):
    draft = make_item(Status.RETURNED, proposer=ccem)
    for user in (representative, coordinator):
        client.force_login(user)
        response = client.get(url("news:item-detail", slug=draft.slug))
        assert response.status_code == 200
        assert "Aperçu\u202f: cette actualité n'est pas publiée" in response.content.decode()


def test_feed_per_language(client, published, make_item, ccem):
    make_item(Status.SUBMITTED, proposer=ccem, title_fr="Pas encore publiée")
    french = client.get(url("news:feed", "fr"))
    english = client.get(url("news:feed", "en"))
    assert french["Content-Type"].startswith("application/atom+xml")
    assert "<title>Déclaration des Balkans</title>" in french.content.decode()
    assert "<title>Balkans declaration</title>" in english.content.decode()
    assert "/en/news/declaration-des-balkans/" in english.content.decode()
    assert "Pas encore publiée" not in french.content.decode()


def test_feed_survives_control_characters_typed_in_an_initiative(
    client, representative_client, ccem, coordinator
):
    """A vertical tab (a line break pasted from a word processor) is kept by the form, but
    XML cannot carry it: the published item made the feed a server error."""
    response = representative_client.post(
        url("news-portal:initiative-create", slug=ccem.slug),
        {
            "kind": "petition",
            "title_fr": "Déclaration\x0bdes Balkans",
            "summary_fr": "À\x01signer.",
        },
    )
    assert response.status_code == 302
    item = NewsItem.objects.get()
    services.news_submit(item=item, by=coordinator, notify=False)
    services.news_publish(item=item, by=coordinator, notify=False)
    response = client.get(url("news:feed"))
    assert response.status_code == 200
    assert "<title>Déclaration des Balkans</title>" in response.content.decode()
    assert "À signer." in response.content.decode()
    ElementTree.fromstring(response.content)  # well-formed XML


def test_sitemap_lists_published_items_in_both_languages(client, published, make_item):
    draft = make_item(Status.DRAFT, title_fr="Brouillon")
    page = client.get("/sitemap.xml").content.decode()
    assert "/fr/actualites/declaration-des-balkans/" in page
    assert "/en/news/declaration-des-balkans/" in page
    assert "/fr/actualites/</loc>" in page
    assert draft.slug not in page


def test_home_shows_the_latest_news_and_the_next_public_events(
    client, published, make_item, make_organisation
):
    make_item(
        Status.PUBLISHED,
        title_fr="Colloque à venir",
        event_start=paris(2099, 10, 16, 9),
        event_place="Paris",
    )
    Meeting.objects.create(
        kind="event",
        title_fr="Journée européenne",
        start=paris(2099, 10, 18, 9),
        visibility="public",
    )
    Meeting.objects.create(
        kind="plenary", title_fr="Réunion réservée", start=paris(2099, 11, 7, 10)
    )
    page = client.get("/fr/").content.decode()
    assert "Déclaration des Balkans" in page
    events = page[page.index('id="home-events-title"') :]
    assert events.index("Colloque à venir") < events.index("Journée européenne")
    assert "Réunion réservée" not in page


def test_home_costs_the_same_queries_whatever_the_news(
    client, bulk_published, django_assert_num_queries
):
    def create(count):
        NewsItem.objects.all().delete()
        Meeting.objects.all().delete()
        bulk_published(count, event_start=lambda number: paris(2099, 1, 1 + number % 28))
        Meeting.objects.bulk_create(
            Meeting(
                kind="event",
                title_fr=f"Événement {n}",
                start=paris(2099, 2, 1 + n % 28),
                visibility="public",
            )
            for n in range(count)
        )

    create(10)
    with CaptureQueriesContext(connection) as ten:
        client.get("/fr/")
    create(200)
    with django_assert_num_queries(len(ten)):
        page = client.get("/fr/").content.decode()
    assert page.count('class="news-card"') == 4
    assert page.count('class="event"') == 3


def test_an_item_announcing_an_event_appears_in_the_agenda_and_its_feed(
    client, published, make_item
):
    event = make_item(
        Status.PUBLISHED,
        title_fr="Colloque de l'ACPE",
        event_start=paris(2099, 10, 16, 9),
        event_place="Paris",
    )
    make_item(Status.DRAFT, title_fr="Colloque non publié", event_start=paris(2099, 10, 17, 9))
    agenda = client.get(url("meetings:event-list")).content.decode()
    assert f'href="{url("news:item-detail", slug=event.slug)}"' in agenda
    assert "Colloque non publié" not in agenda
    assert "Déclaration des Balkans" not in agenda  # no event date
    feed = client.get(url("meetings:feed")).content.decode()
    assert f"UID:news-{event.pk}@contrelatraite.org" in feed
    assert "LOCATION:Paris" in feed
    assert "Colloque non publié" not in feed
