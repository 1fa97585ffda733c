"""What the news app gives other apps: events for the agenda, links for the link checker."""

import pytest

from documents import link_sources
from news import selectors
from news.models import NewsItem
from tests.dates import paris

pytestmark = pytest.mark.django_db
Status = NewsItem.Status
NOW = paris(2014, 10, 10, 12)


@pytest.fixture
def events(make_item):
    return {
        "past": make_item(Status.PUBLISHED, title_fr="Passé", event_start=paris(2014, 10, 1, 9)),
        "running": make_item(
            Status.PUBLISHED,
            title_fr="En cours",
            event_start=paris(2014, 10, 9, 9),
            event_end=paris(2014, 10, 11, 18),
        ),
        "next": make_item(Status.PUBLISHED, title_fr="Bientôt", event_start=paris(2014, 10, 16, 9)),
        "later": make_item(Status.PUBLISHED, title_fr="Plus tard", event_start=paris(2014, 11, 7)),
        "draft": make_item(Status.DRAFT, title_fr="Brouillon", event_start=paris(2014, 10, 20)),
        "no date": make_item(Status.PUBLISHED, title_fr="Sans date"),
    }


def titles(items):
    return [item.title_fr for item in items]


def test_upcoming_events_are_published_not_over_and_soonest_first(events):
    upcoming = selectors.public_events(when="upcoming", now=NOW)
    assert titles(upcoming) == ["En cours", "Bientôt", "Plus tard"]
    assert titles(selectors.public_events(when="upcoming", now=NOW, limit=1)) == ["En cours"]


def test_past_events_are_latest_first(events):
    assert titles(selectors.public_events(when="past", now=NOW)) == ["Passé"]


def test_all_events_for_the_calendar_feed(events):
    assert titles(selectors.public_events(when="all", now=NOW)) == [
        "Passé",
        "En cours",
        "Bientôt",
        "Plus tard",
    ]


def test_a_news_item_answers_like_a_meeting_in_the_agenda(events):
    item = events["running"]
    assert (item.start, item.end, item.place) == (item.event_start, item.event_end, "")
    assert item.calendar_uid == f"news-{item.pk}@contrelatraite.org"
    assert not item.is_cancelled
    assert item.is_public


def test_the_link_checker_visits_the_links_of_published_items(make_item):
    make_item(
        Status.PUBLISHED,
        title_fr="Plateforme",
        link_fr="https://www.reportchildsextourism.eu/",
        link_en="https://www.reportchildsextourism.eu/en/",
    )
    make_item(Status.DRAFT, title_fr="Brouillon", link_fr="https://draft.example.org/")
    found = link_sources.gather()
    label = "Actualité «\u202fPlateforme\u202f», lien (français)"
    assert found["https://www.reportchildsextourism.eu/"] == [label]
    assert "https://www.reportchildsextourism.eu/en/" in found
    assert "https://draft.example.org/" not in found


def test_newest_first_orders_by_publication_and_djangos_latest_is_djangos(make_item):
    old = make_item(Status.PUBLISHED, title_fr="Ancien", when=paris(2014, 9, 1, 9))
    new = make_item(Status.PUBLISHED, title_fr="Récent", when=paris(2014, 10, 1, 9))
    assert list(NewsItem.objects.published().newest_first()) == [new, old]
    # The queryset no longer hides Django's own latest(): one object, by the field given.
    assert NewsItem.objects.published().latest("published_at") == new
    assert NewsItem.objects.published().earliest("published_at") == old
