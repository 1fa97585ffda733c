"""Deleting a meeting moves it to the trash with its minutes: hidden from the agenda, the
calendars, the member area and the reminders, restorable as it was; refused while another
record refers to it."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import translation

from collectif import trash
from meetings import services
from meetings.models import ActionItem, Meeting
from meetings.reminders import action_item_reminders
from members import services as members_services
from tests.dates import paris

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/meetings/meeting/"


def url(name, **kwargs):
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def colloquium(make_meeting):
    return make_meeting(
        paris(2030, 10, 16, 9),
        kind=Meeting.Kind.EVENT,
        visibility=Meeting.Visibility.PUBLIC,
        title="Colloque de l'ACPE",
    )


@pytest.fixture
def plenary(make_meeting, make_action, ccem):
    meeting = make_meeting(paris(2030, 9, 29, 10), items=1, title="Réunion en double")
    make_action(meeting, organisations=[ccem], due_on=date(2030, 10, 1), text="Action en double.")
    return meeting


def test_deleting_a_meeting_moves_it_and_its_minutes_to_the_trash(coordinator_client, plenary):
    delete = reverse("admin:meetings_meeting_delete", args=[plenary.pk])
    assert "Mettre «\u202fRéunion en double" in coordinator_client.get(delete).content.decode()
    response = coordinator_client.post(delete, {"post": "yes"})
    assert response.status_code == 302
    kept = Meeting.all_objects.get(pk=plenary.pk)
    assert kept.is_in_trash
    assert kept.agenda_items.count() == 1
    assert kept.action_items(manager="_base_manager").count()


def test_a_public_event_in_the_trash_leaves_the_agenda_and_the_feeds(
    client, colloquium, representative
):
    trash.move_to_trash(instance=colloquium, by=None)
    assert "Colloque de l" not in client.get(url("meetings:event-list")).content.decode()
    assert client.get(colloquium.get_public_url()).status_code == 404
    assert "Colloque" not in client.get(url("meetings:feed")).content.decode()
    assert f"/{colloquium.pk}/" not in client.get("/sitemap.xml").content.decode()
    token = services.calendar_feed_renew(user=representative).calendar_token
    personal = client.get(url("meetings:personal-feed", token=token)).content.decode()
    assert "Colloque" not in personal


def test_members_no_longer_see_a_meeting_in_the_trash_nor_its_action_items(
    representative_client, plenary
):
    trash.move_to_trash(instance=plenary, by=None)
    assert (
        "Réunion en double"
        not in representative_client.get(url("meetings-portal:meeting-list")).content.decode()
    )
    assert representative_client.get(plenary.get_absolute_url()).status_code == 404
    items = representative_client.get(url("meetings-portal:action-items")).content.decode()
    assert "Action en double." not in items
    assert not ActionItem.objects.filter(meeting=plenary).exists()
    assert action_item_reminders(today=date(2030, 10, 2)) == []


def test_restoring_brings_the_meeting_back_with_its_action_items(
    coordinator_client, representative, plenary
):
    representative_client = Client()
    representative_client.force_login(representative)
    trash.move_to_trash(instance=plenary, by=None)
    response = coordinator_client.post(
        f"{CHANGELIST}?trash=in",
        {"action": "restore_selected", "_selected_action": [plenary.pk]},
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "1 fiche restaurée depuis la corbeille."
    ]
    assert representative_client.get(plenary.get_absolute_url()).status_code == 200
    assert ActionItem.objects.filter(meeting=plenary).count() == 1


def test_a_meeting_announced_in_other_minutes_is_protected(coordinator_client, make_meeting):
    september = make_meeting(paris(2014, 9, 29, 10))
    november = make_meeting(paris(2014, 11, 7, 10))
    september.announced_meetings.add(november)
    services.meeting_approve_minutes(meeting=september, on=date(2014, 11, 7), at_meeting=november)
    content = coordinator_client.get(
        reverse("admin:meetings_meeting_delete", args=[november.pk])
    ).content.decode()
    assert "annoncée dans le compte-rendu de 1 réunion" in content
    assert "le compte-rendu de 1 réunion y a été approuvé" in content
    response = coordinator_client.post(
        CHANGELIST, {"action": "trash_selected", "_selected_action": [november.pk]}
    )
    assert "ne peut pas être mis à la corbeille" in str(
        next(iter(get_messages(response.wsgi_request)))
    )
    assert Meeting.objects.filter(pk=november.pk).exists()


def test_a_meeting_where_a_vote_was_held_is_protected(make_meeting, sos_esclaves, ccem):
    november = make_meeting(paris(2015, 10, 2, 10))
    vote = members_services.membership_record_vote(
        organisation=sos_esclaves,
        date=date(2015, 10, 2),
        place="Réunion plénière",
        votes_for=1,
        votes_against=0,
    )
    vote.meeting = november
    vote.save(update_fields=["meeting"])
    with pytest.raises(Exception, match="1 vote d'admission s'y est tenu"):
        trash.move_to_trash(instance=november, by=None)


def test_a_meeting_in_the_trash_is_not_offered_to_other_records(coordinator_client, plenary):
    trash.move_to_trash(instance=plenary, by=None)
    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "meetings",
            "model_name": "meeting",
            "field_name": "announced_meetings",
            "term": "double",
        },
    )
    assert response.json()["results"] == []


def test_agenda_costs_the_same_queries_with_events_in_the_trash(
    client, make_meeting, django_assert_num_queries
):
    events = [
        make_meeting(paris(2030, 1, day, 10), kind="event", visibility="public")
        for day in range(1, 6)
    ]
    client.get(url("meetings:event-list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url("meetings:event-list"))
    for event in events[:3]:
        trash.move_to_trash(instance=event, by=None)
    with django_assert_num_queries(len(before)):
        response = client.get(url("meetings:event-list"))
    assert response.content.decode().count('class="event"') == 2
