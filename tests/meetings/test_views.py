import re
from datetime import date, timedelta

import icalendar
import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from meetings import services
from meetings.models import ActionItem, Meeting
from meetings.views import UPCOMING_PER_PAGE
from news.models import NewsItem
from tests.dates import paris

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def ministry(make_meeting):
    return make_meeting(
        paris(2014, 9, 29, 15),
        kind=Meeting.Kind.INSTITUTION,
        title="Rencontre avec le Ministre de l'Intérieur",
        title_en="Meeting with the Minister of the Interior",
    )


@pytest.fixture
def colloquium(make_meeting):
    return make_meeting(
        paris(2014, 10, 16, 9),
        end=paris(2014, 10, 16, 17),
        kind=Meeting.Kind.EVENT,
        visibility=Meeting.Visibility.PUBLIC,
        title="Colloque de l'ACPE",
        title_en="ACPE conference",
    )


# --- URLs ------------------------------------------------------------------------------------


def test_paths_are_translated():
    assert url("meetings:event-list") == "/fr/agenda/"
    assert url("meetings:event-list", "en") == "/en/events/"
    assert url("meetings-portal:meeting-list") == "/fr/espace-membre/reunions/"
    assert url("meetings-portal:meeting-list", "en") == "/en/member-area/meetings/"


# --- Permissions -----------------------------------------------------------------------------

PORTAL_PAGES = ["meeting-list", "action-items", "calendar"]


@pytest.mark.parametrize("name", PORTAL_PAGES)
def test_anonymous_visitor_is_sent_to_login(client, name):
    response = client.get(url(f"meetings-portal:{name}"))
    assert response.status_code == 302
    assert "/fr/espace-membre/" in response.url


@pytest.mark.parametrize("name", PORTAL_PAGES)
def test_user_without_organisation_is_refused(client, make_user, name):
    client.force_login(make_user("nobody"))
    response = client.get(url(f"meetings-portal:{name}"))
    assert response.status_code == 403
    assert "réservés aux représentants" in response.content.decode()


@pytest.mark.parametrize("name", PORTAL_PAGES)
def test_representative_and_coordinator_get_in(representative_client, coordinator_client, name):
    assert representative_client.get(url(f"meetings-portal:{name}")).status_code == 200
    assert coordinator_client.get(url(f"meetings-portal:{name}")).status_code == 200


def test_anonymous_visitor_cannot_read_minutes(client, ministry):
    response = client.get(url("meetings-portal:meeting-detail", pk=ministry.pk))
    assert response.status_code == 302


def test_former_members_representative_is_refused(client, make_user, make_organisation, ministry):
    from members import services as members_services

    organisation = make_organisation("Ancienne association")
    members_services.membership_end(
        organisation=organisation, date=date(2014, 1, 1), reason="Départ"
    )
    user = make_user("former")
    organisation.representatives.add(user)
    client.force_login(user)
    response = client.get(url("meetings-portal:meeting-detail", pk=ministry.pk))
    assert response.status_code == 403


# --- Public visibility -----------------------------------------------------------------------


def test_the_public_agenda_never_shows_members_only_meetings(client, ministry, colloquium):
    for language in ["fr", "en"]:
        content = client.get(url("meetings:event-list", language)).content.decode()
        assert "Colloque de l&#x27;ACPE" in content or "ACPE conference" in content
        assert "Ministre" not in content
    assert client.get(url("meetings:event-detail", pk=ministry.pk)).status_code == 404
    assert client.get(url("meetings:event-detail", pk=colloquium.pk)).status_code == 200


def test_public_agenda_links_its_calendar_feed(client, colloquium):
    content = client.get(url("meetings:event-list")).content.decode()
    assert '<link rel="alternate" type="text/calendar" href="/fr/agenda/calendrier.ics"' in content


def test_public_agenda_lists_upcoming_then_past(client, make_meeting):
    with time_machine.travel(paris(2014, 10, 20, 12), tick=False):
        make_meeting(paris(2014, 10, 16, 9), kind="event", visibility="public", title="Passé")
        make_meeting(paris(2014, 11, 18, 9), kind="event", visibility="public", title="Futur")
        content = client.get(url("meetings:event-list")).content.decode()
    assert content.index("Futur") < content.index("Passé")
    assert content.index("À venir") < content.index("Futur") < content.index("Événements passés")


def test_sitemap_lists_public_events_only(client, ministry, colloquium):
    content = client.get("/sitemap.xml").content.decode()
    assert f"/fr/agenda/{colloquium.pk}/" in content
    assert f"/en/events/{colloquium.pk}/" in content
    assert f"/agenda/{ministry.pk}/" not in content
    assert f"/events/{ministry.pk}/" not in content


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_public_feed_has_public_events_in_paris_time(client, ministry, colloquium):
    calendar = parse(client.get(url("meetings:feed", "en")))
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["ACPE conference"]
    start = events[0].decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Paris"
    assert (start.hour, start.minute) == (9, 0)
    assert events[0]["dtstart"].params["TZID"] == "Europe/Paris"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert events[0]["url"].endswith(f"/en/events/{colloquium.pk}/")


def test_personal_feed_has_every_meeting_and_renewing_kills_the_old_address(
    client, representative, ministry, colloquium
):
    first = services.calendar_feed_renew(user=representative).calendar_token
    response = client.get(url("meetings:personal-feed", token=first))
    summaries = sorted(str(e["summary"]) for e in parse(response).walk("VEVENT"))
    assert summaries == ["Colloque de l'ACPE", "Rencontre avec le Ministre de l'Intérieur"]
    assert "no-store" in response["Cache-Control"]
    second = services.calendar_feed_renew(user=representative).calendar_token
    assert client.get(url("meetings:personal-feed", token=first)).status_code == 404
    assert client.get(url("meetings:personal-feed", token=second)).status_code == 200


def test_personal_feed_of_a_user_who_no_longer_reads_minutes_is_public_only(
    client, representative, ccem, ministry, colloquium
):
    token = services.calendar_feed_renew(user=representative).calendar_token
    ccem.representatives.remove(representative)
    events = parse(client.get(url("meetings:personal-feed", token=token))).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Colloque de l'ACPE"]


def test_unknown_feed_address_is_404(client):
    assert client.get(url("meetings:personal-feed", token="not-a-real-token")).status_code == 404


# --- Member area ------------------------------------------------------------------------------


def test_member_list_filters_by_kind_and_year(
    representative_client, ministry, colloquium, make_meeting
):
    make_meeting(paris(2015, 1, 20, 10), kind=Meeting.Kind.PARTNER, title="Rencontre avec la CFDT")
    page = representative_client.get(url("meetings-portal:meeting-list"), {"kind": "institution"})
    content = page.content.decode()
    assert "Ministre de l&#x27;Intérieur" in content
    assert "CFDT" not in content
    content = representative_client.get(
        url("meetings-portal:meeting-list"), {"year": "2015"}
    ).content
    assert "CFDT" in content.decode()
    assert "Colloque" not in content.decode()


def test_member_list_bad_filter_shows_error_and_everything(representative_client, ministry):
    response = representative_client.get(url("meetings-portal:meeting-list"), {"kind": "picnic"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in content
    assert "Ministre de l&#x27;Intérieur" in content


def test_draft_minutes_are_marked_as_such(representative_client, ministry, make_meeting):
    content = representative_client.get(ministry.get_absolute_url()).content.decode()
    assert "pas encore été approuvé" in content
    later = make_meeting(paris(2014, 11, 7, 10))
    services.meeting_approve_minutes(meeting=ministry, on=date(2014, 11, 7), at_meeting=later)
    content = representative_client.get(ministry.get_absolute_url()).content.decode()
    assert "pas encore été approuvé" not in content
    assert "Compte-rendu approuvé le 7 novembre 2014" in content


def test_restricted_action_item_is_hidden_from_other_organisations(
    client, make_meeting, make_action, ccem, hors_la_rue, representative, other_representative
):
    meeting = make_meeting(items=1)
    make_action(meeting, organisations=[hors_la_rue], restricted=True, text="Affaire sensible.")
    make_action(meeting, organisations=[hors_la_rue], text="Action ordinaire.")
    client.force_login(representative)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Action ordinaire." in content
    assert "Affaire sensible." not in content
    client.force_login(other_representative)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Affaire sensible." in content


def test_my_action_items_lists_only_my_organisations(
    representative_client, make_meeting, make_action, ccem, hors_la_rue
):
    meeting = make_meeting(items=1)
    make_action(meeting, organisations=[ccem], text="Pour le CCEM.")
    make_action(meeting, organisations=[hors_la_rue], text="Pour Hors la Rue.")
    make_action(meeting, for_every_member=True, text="Pour chacun.")
    content = representative_client.get(url("meetings-portal:action-items")).content.decode()
    assert "Pour le CCEM." in content
    assert "Pour chacun." in content
    assert "Pour Hors la Rue." not in content


def test_member_marks_an_item_done_with_a_comment(
    representative_client, make_meeting, make_action, ccem
):
    action = make_action(make_meeting(items=1), organisations=[ccem])
    response = representative_client.post(
        url("meetings-portal:action-item-done", pk=action.pk), {"comment": "Envoyé le 3 octobre."}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE
    assert action.comment == "Envoyé le 3 octobre."
    page = representative_client.get(response.url)
    assert "marquée comme faite" in page.content.decode()


def test_mark_done_with_a_too_long_comment_keeps_the_text(
    representative_client, make_meeting, make_action, ccem
):
    action = make_action(make_meeting(items=1), organisations=[ccem])
    text = "x" * 2001
    response = representative_client.post(
        url("meetings-portal:action-item-done", "en", pk=action.pk), {"comment": text}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters" in content
    assert text in content
    action.refresh_from_db()
    assert action.is_open


def test_member_cannot_mark_another_organisations_item(
    representative_client, make_meeting, make_action, hors_la_rue
):
    action = make_action(make_meeting(items=1), organisations=[hors_la_rue])
    response = representative_client.post(url("meetings-portal:action-item-done", pk=action.pk), {})
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.is_open


def test_member_cannot_reach_another_organisations_restricted_item(
    representative_client, make_meeting, make_action, hors_la_rue
):
    action = make_action(make_meeting(items=1), organisations=[hors_la_rue], restricted=True)
    response = representative_client.get(url("meetings-portal:action-item-done", pk=action.pk))
    assert response.status_code == 404


def test_calendar_page_creates_then_renews_the_address(representative_client, representative):
    page = url("meetings-portal:calendar")
    response = representative_client.post(url("meetings-portal:calendar-renew"))
    assert response.status_code == 302
    token = representative.meeting_settings.calendar_token
    content = representative_client.get(page).content.decode()
    assert token in content
    representative_client.post(url("meetings-portal:calendar-renew"))
    representative.meeting_settings.refresh_from_db()
    assert representative.meeting_settings.calendar_token != token


def test_language_form_refuses_an_unknown_language(representative_client, representative):
    response = representative_client.post(url("meetings-portal:calendar", "en"), {"language": "de"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    response = representative_client.post(url("meetings-portal:calendar"), {"language": "en"})
    assert response.status_code == 302
    representative.meeting_settings.refresh_from_db()
    assert representative.meeting_settings.language == "en"


def test_portal_dashboard_links_to_the_meetings(representative_client):
    content = representative_client.get("/fr/espace-membre/").content.decode()
    assert url("meetings-portal:action-items") in content


# --- The compte-rendu ----------------------------------------------------------------------------


def test_follow_up_of_earlier_items_tops_the_next_plenary(
    representative_client, make_meeting, make_action, ccem
):
    september = make_meeting(paris(2014, 9, 29, 10), items=1)
    november = make_meeting(paris(2014, 11, 7, 10), items=1)
    make_action(september, organisations=[ccem], text="Transmettre la déclaration.")
    content = representative_client.get(november.get_absolute_url()).content.decode()
    assert "Suivi des actions" in content
    # (The number of the first section, not a "1/" of an address holding the meeting's id.)
    assert content.index("Transmettre la déclaration.") < content.index('minutes__number">1/')


# --- Query counts ----------------------------------------------------------------------------

# Session and user (2), the reader's organisations (1), the meeting with the meetings it
# announces (1), its agenda items, annexes (with their documents), action items with the
# follow-up of earlier plenaries (1) and their owners (1), attendance, people met (with those of
# the announced meetings), delegations. A shared cache (REDIS_URL) saves the session's query.
MINUTES_QUERIES = 11


def minutes_with(make_meeting, make_action, make_annex, organisations, count):
    # An earlier plenary whose open items the « suivi des actions » lists.
    earlier = make_meeting(paris(2014, 6, 2, 10), items=count)
    meeting = make_meeting(items=count)
    for item in meeting.agenda_items.all():
        make_action(meeting, agenda_item=item, organisations=organisations)
        make_action(
            earlier,
            agenda_item=earlier.agenda_items.get(position=item.position),
            text=f"Action antérieure {item.position}",
        )
        make_annex(item, number=item.position)
        meeting.attendances.create(
            person=f"Personne {item.position}", organisation=organisations[0]
        )
        meeting.people_met.create(name=f"Conseiller {item.position}")
        announced = make_meeting(
            paris(2014, 11, 3, 10) + timedelta(days=item.position), kind=Meeting.Kind.INSTITUTION
        )
        announced.people_met.create(name=f"Directrice {item.position}")
        meeting.announced_meetings.add(announced)
    return meeting


def test_minutes_cost_the_same_queries_with_5_and_50_agenda_items(
    representative_client, make_meeting, make_action, make_annex, ccem, django_assert_num_queries
):
    small = minutes_with(make_meeting, make_action, make_annex, [ccem], 5)
    Meeting.objects.exclude(pk=small.pk).delete()
    with CaptureQueriesContext(connection) as small_queries:
        assert representative_client.get(small.get_absolute_url()).status_code == 200
    large = minutes_with(make_meeting, make_action, make_annex, [ccem], 50)
    with django_assert_num_queries(len(small_queries)):
        response = representative_client.get(large.get_absolute_url())
    content = response.content.decode()
    assert content.count('class="minutes__number"') == 50
    assert content.count('class="annex"') == 50
    assert content.count("Directrice ") == 50
    assert content.count("Action antérieure ") == 50
    assert len(small_queries) == MINUTES_QUERIES


def test_member_list_costs_the_same_queries_with_10_and_200_meetings(
    representative_client, make_meeting, ccem, django_assert_num_queries
):
    def create(count):
        Meeting.objects.all().delete()
        for day in range(count):
            meeting = make_meeting(
                paris(2010, 1, 1, 10) + (paris(2010, 1, 2) - paris(2010, 1, 1)) * day
            )
            meeting.delegations.create(organisation=ccem)

    create(10)
    representative_client.get(url("meetings-portal:meeting-list"))
    with CaptureQueriesContext(connection) as ten:
        representative_client.get(url("meetings-portal:meeting-list"))
    create(200)
    with django_assert_num_queries(len(ten)):
        response = representative_client.get(url("meetings-portal:meeting-list"))
    assert response.content.decode().count('class="meeting-row"') == 50
    with django_assert_num_queries(len(ten)):
        response = representative_client.get(url("meetings-portal:meeting-list"), {"page": "4"})
    assert response.content.decode().count('class="meeting-row"') == 50


def test_member_list_pages_past_meetings_and_keeps_the_filters(representative_client, make_meeting):
    for day in range(60):
        make_meeting(paris(2010, 1, 1, 10) + timedelta(days=day), kind=Meeting.Kind.PARTNER)
    make_meeting(paris(2030, 1, 1, 10), title="Plénière à venir")
    first = representative_client.get(url("meetings-portal:meeting-list"), {"kind": "partner"})
    content = first.content.decode()
    assert content.count('class="meeting-row"') == 50
    assert "Page 1 sur 2" in content
    assert 'href="?kind=partner&amp;page=2" rel="next"' in content
    second = representative_client.get(
        url("meetings-portal:meeting-list"), {"kind": "partner", "page": 2}
    )
    assert second.content.decode().count('class="meeting-row"') == 10
    # A page number out of range or not a number shows a page of the list, not an error.
    for page in ("99", "x"):
        response = representative_client.get(url("meetings-portal:meeting-list"), {"page": page})
        assert response.status_code == 200
    assert (
        "Plénière à venir"
        in representative_client.get(
            url("meetings-portal:meeting-list"), {"page": "2"}
        ).content.decode()
    )


def test_public_agenda_costs_the_same_queries_with_10_and_200_events(
    client, make_meeting, django_assert_num_queries
):
    def create(count):
        Meeting.objects.all().delete()
        for day in range(count):
            make_meeting(
                paris(2030, 1, 1, 10) + (paris(2030, 1, 2) - paris(2030, 1, 1)) * day,
                kind="event",
                visibility="public",
            )

    create(10)
    with CaptureQueriesContext(connection) as ten:
        client.get(url("meetings:event-list"))
    create(200)
    with django_assert_num_queries(len(ten)):
        response = client.get(url("meetings:event-list"))
    assert response.content.decode().count('class="event"') == UPCOMING_PER_PAGE
    # The last page reads more rows, not more queries (no past events: one query fewer).
    last = 200 // UPCOMING_PER_PAGE
    with django_assert_num_queries(len(ten) - 2):
        response = client.get(url("meetings:event-list"), {"page": last})
    assert response.content.decode().count('class="event"') == UPCOMING_PER_PAGE


@pytest.fixture
def make_news_event(db):
    """A published news item that announces an event (the agenda shows it among meetings)."""

    def make(start, *, title):
        return NewsItem.objects.create(
            kind=NewsItem.Kind.EVENT,
            title_fr=title,
            summary_fr="Une rencontre ouverte à tous.",
            slug=f"annonce-{start:%Y%m%d}",
            status=NewsItem.Status.PUBLISHED,
            published_at=paris(2014, 10, 1, 9),
            event_start=start,
        )

    return make


@pytest.fixture
def agenda(make_meeting, make_news_event):
    """45 upcoming public events, 30 meetings and 15 news items mixed, the first on 1 January
    2030 and one a day; one past meeting."""
    make_meeting(paris(2014, 10, 16, 9), kind="event", visibility="public", title="Passé")
    day = paris(2030, 1, 2) - paris(2030, 1, 1)
    for number in range(45):
        start = paris(2030, 1, 1, 10) + day * number
        if number % 3 == 2:
            make_news_event(start, title=f"Annonce {number + 1}")
        else:
            make_meeting(start, kind="event", visibility="public", title=f"Rencontre {number + 1}")


def titles(response):
    content = response.content.decode()
    return re.findall(r'class="event__title"><a href="[^"]+">([^<]+)</a>', content)


def test_public_agenda_shows_upcoming_events_a_page_at_a_time(client, agenda):
    first = client.get(url("meetings:event-list"))
    assert titles(first)[:UPCOMING_PER_PAGE] == [
        f"{'Annonce' if n % 3 == 0 else 'Rencontre'} {n}" for n in range(1, 21)
    ]
    assert titles(first)[UPCOMING_PER_PAGE:] == ["Passé"]
    content = first.content.decode()
    assert '<nav class="pagination" aria-label="Pages de résultats">' in content
    assert 'href="?page=2" rel="next"' in content
    assert "Page 1 sur 3" in content

    second = client.get(url("meetings:event-list"), {"page": "2"})
    assert titles(second) == [
        f"{'Annonce' if n % 3 == 0 else 'Rencontre'} {n}" for n in range(21, 41)
    ]
    content = second.content.decode()
    assert "<title>Agenda — page 2 —" in content
    assert "Événements passés" not in content  # the past ones are on the first page
    assert 'href="?page=1" rel="prev"' in content
    assert 'href="?page=3" rel="next"' in content

    assert titles(client.get(url("meetings:event-list", "en"), {"page": "last"}))[-1] == (
        "Meeting of the collective"  # Rencontre 45: its English title
    )


@pytest.mark.parametrize("page", ["4", "0", "deux"])
def test_a_page_of_the_agenda_beyond_its_last_is_not_found(client, agenda, page):
    assert client.get(url("meetings:event-list"), {"page": page}).status_code == 404


def test_an_empty_agenda_has_one_page(client):
    response = client.get(url("meetings:event-list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Aucun événement public n'est prévu pour le moment." in content
    assert 'class="pagination"' not in content


# --- The compte-rendu kept in the cache (collectif/fragments.py) -----------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_kept_minutes_cost_the_session_and_the_user_only(
    page_cache_on, representative_client, make_meeting, make_action, ccem, django_assert_num_queries
):
    meeting = make_meeting(items=3)
    make_action(meeting, organisations=[ccem], text="Pour le CCEM.")
    first = representative_client.get(meeting.get_absolute_url()).content.decode()
    with django_assert_num_queries(2):  # the session and the user: the reader is kept too
        again = representative_client.get(meeting.get_absolute_url()).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", again) == token.sub("", first)
    assert "Pour le CCEM." in again


def test_kept_minutes_show_each_reader_what_they_may_see(
    page_cache_on,
    client,
    make_meeting,
    make_action,
    hors_la_rue,
    representative,
    other_representative,
):
    meeting = make_meeting(items=1)
    make_action(meeting, organisations=[hors_la_rue], restricted=True, text="Affaire sensible.")
    make_action(meeting, organisations=[hors_la_rue], text="Action ordinaire.")
    for _ in range(2):  # rendered, then kept
        client.force_login(representative)
        content = client.get(meeting.get_absolute_url()).content.decode()
        assert "Affaire sensible." not in content
        assert "Marquer comme fait" not in content
        client.force_login(other_representative)
        content = client.get(meeting.get_absolute_url()).content.decode()
        assert "Affaire sensible." in content
        assert "Marquer comme fait" in content


def test_kept_minutes_mark_an_item_done_with_the_readers_own_token(
    page_cache_on, representative, make_meeting, make_action, ccem
):
    meeting = make_meeting(items=1)
    action = make_action(meeting, organisations=[ccem])
    first = Client(enforce_csrf_checks=True)
    first.force_login(representative)
    first.get(meeting.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(representative)
    content = reader.get(meeting.get_absolute_url()).content.decode()
    done = url("meetings-portal:action-item-done", pk=action.pk)
    form = re.search(rf'<form method="post" action="{done}".*?</form>', content, re.S).group(0)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = reader.post(
        done,
        {"csrfmiddlewaretoken": token, "comment": "Fait.", "next": meeting.get_absolute_url()},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE
    # The write empties what was kept: the page says so at once.
    content = reader.get(meeting.get_absolute_url()).content.decode()
    assert "Commentaire : <span>Fait.</span>" in content.replace("\u202f", " ")


def test_a_meeting_that_is_gone_is_not_found_even_when_its_minutes_were_kept(
    page_cache_on, coordinator, representative, make_meeting
):
    meeting = make_meeting(items=1)
    reader, admin = Client(), Client()
    reader.force_login(representative)
    admin.force_login(coordinator)
    assert reader.get(meeting.get_absolute_url()).status_code == 200
    response = admin.post(
        reverse("admin:meetings_meeting_delete", args=[meeting.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert reader.get(meeting.get_absolute_url()).status_code == 404


def test_a_kept_reader_follows_the_next_write(
    page_cache_on, representative_client, ccem, make_meeting, ministry
):
    from members import services as members_services

    assert representative_client.get(ministry.get_absolute_url()).status_code == 200
    members_services.membership_end(organisation=ccem, date=date(2014, 10, 1), reason="Départ")
    # The membership's end is a write to what the kept reader was made from.
    assert representative_client.get(ministry.get_absolute_url()).status_code == 403


def test_a_write_never_takes_the_kept_reader(
    page_cache_on, representative_client, ccem, make_meeting, make_action
):
    from members import services as members_services

    meeting = make_meeting(items=1)
    action = make_action(meeting, organisations=[ccem])
    assert representative_client.get(meeting.get_absolute_url()).status_code == 200
    members_services.membership_end(organisation=ccem, date=date(2014, 10, 1), reason="Départ")
    response = representative_client.post(
        url("meetings-portal:action-item-done", pk=action.pk), {"comment": "Fait."}
    )
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.is_open
