from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, Meeting, MinutesSending
from members.models import AdmissionVote
from tests.dates import paris

pytestmark = pytest.mark.django_db

# The sections, their action items and annexes, and the attendance have screens of their own
# (meetings/editor.py, tests/meetings/test_editor.py).
INLINES = ["people_met", "delegations"]


def management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_form(**extra):
    data = {
        "kind": "institution",
        "title_fr": "Rencontre au Ministère",
        "title_en": "",
        "summary_fr": "",
        "summary_en": "",
        "start_0": "23/10/2014",
        "start_1": "16:00",
        "end_0": "",
        "end_1": "",
        "status": "planned",
        "visibility": "members",
        "place_name": "Ministère de l'Intérieur",
        "place_address": "Place Beauvau",
        "room": "",
        "minutes_dated": "",
        "signed_by": "",
        "minutes_approved_on": "",
        "minutes_approved_at": "",
    }
    for prefix in INLINES:
        data.update(management(prefix))
    data.update(extra)
    return data


def test_a_date_the_database_cannot_store_is_refused_not_a_server_error(coordinator_client):
    # Midnight on 1 January of year 1, Paris time, is in year 0 in UTC.
    response = coordinator_client.post(
        reverse("admin:meetings_meeting_add"), meeting_form(start_0="01/01/0001", start_1="00:00")
    )
    assert response.status_code == 200
    assert "Saisissez une date et une heure valides." in response.content.decode()
    assert not Meeting.objects.exists()


def test_meeting_change_page_has_every_inline(coordinator_client, make_meeting):
    meeting = make_meeting(items=2)
    content = coordinator_client.get(
        reverse("admin:meetings_meeting_change", args=[meeting.pk])
    ).content.decode()
    for prefix in INLINES:
        assert f'id="id_{prefix}-TOTAL_FORMS"' in content
    assert reverse("admin:meetings_meeting_agenda_add", args=[meeting.pk]) in content
    assert reverse("admin:meetings_meeting_attendance", args=[meeting.pk]) in content


def test_coordinator_writes_a_meeting_in_the_admin(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:meetings_meeting_add"), meeting_form(_continue="1")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert meeting.start == paris(2014, 10, 23, 16)
    # Its sections are written on their own pages, from the meeting's.
    page = coordinator_client.get(response["Location"]).content.decode()
    assert reverse("admin:meetings_meeting_agenda_add", args=[meeting.pk]) in page


def test_delegation_inline_refuses_an_observer_with_the_reason(coordinator_client, sos_esclaves):
    response = coordinator_client.post(
        reverse("admin:meetings_meeting_add"),
        meeting_form(
            **management("delegations", 1), **{"delegations-0-organisation": sos_esclaves.pk}
        ),
    )
    assert response.status_code == 200
    assert "pas mandatée pour représenter le Collectif" in response.content.decode()
    assert not Meeting.objects.exists()


def test_action_item_without_owner_is_refused(coordinator_client, make_meeting):
    meeting = make_meeting(items=1)
    response = coordinator_client.post(
        reverse("admin:meetings_actionitem_add"),
        {
            "meeting": meeting.pk,
            "agenda_item": meeting.agenda_items.get().pk,
            "text_fr": "Quelque chose.",
            "text_en": "",
            "status": "open",
            "position": "0",
            "comment": "",
        },
    )
    assert response.status_code == 200
    assert "Indiquez qui en assure le suivi" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_action_item_list_shows_open_items_overdue_first_and_filters_by_organisation(
    coordinator_client, make_meeting, make_action, ccem, hors_la_rue
):
    meeting = make_meeting(items=1)
    make_action(meeting, organisations=[ccem], text="Sans échéance.")
    make_action(meeting, organisations=[ccem], due_on=date(2014, 10, 1), text="En retard.")
    make_action(meeting, organisations=[hors_la_rue], text="Pour Hors la Rue.")
    make_action(meeting, organisations=[ccem], status="done", text="Déjà fait.")
    url = reverse("admin:meetings_actionitem_changelist")
    content = coordinator_client.get(url).content.decode()
    assert "Déjà fait." not in content
    assert content.index("En retard.") < content.index("Sans échéance.")
    content = coordinator_client.get(url, {"organisations__id__exact": hors_la_rue.pk}).content
    assert "Pour Hors la Rue." in content.decode()
    assert "En retard." not in content.decode()
    content = coordinator_client.get(url, {"status": "all"}).content.decode()
    assert "Déjà fait." in content


def test_duplicate_action_asks_the_date_then_creates_the_next_plenary(
    coordinator_client, make_meeting
):
    meeting = make_meeting(items=3)
    url = reverse("admin:meetings_meeting_changelist")
    data = {"action": "duplicate_for_next_plenary", "_selected_action": [meeting.pk]}
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Créer la prochaine réunion plénière" in response.content.decode()
    response = coordinator_client.post(
        url, {**data, "apply": "1", "start_0": "07/11/2014", "start_1": "10:00"}
    )
    assert response.status_code == 302
    new = Meeting.objects.exclude(pk=meeting.pk).get()
    assert new.start == paris(2014, 11, 7, 10)
    assert new.agenda_items.count() == 3


def test_send_minutes_action_records_the_sendings(
    coordinator_client, make_meeting, representative, django_capture_on_commit_callbacks
):
    meeting = make_meeting(items=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("admin:meetings_meeting_changelist"),
            {"action": "send_minutes", "_selected_action": [meeting.pk]},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["rep@ccem.example.org"]]
    assert MinutesSending.objects.get().recipient == representative


def test_admission_vote_may_point_to_its_meeting(make_meeting, sos_esclaves, ccem):
    from members import services as members_services

    november = make_meeting(paris(2015, 10, 2, 10))
    vote = members_services.membership_record_vote(
        organisation=sos_esclaves,
        date=date(2015, 10, 2),
        place="Réunion plénière du 2 octobre 2015",
        votes_for=1,
        votes_against=0,
        meeting=november,
    )
    assert list(november.admission_votes.all()) == [AdmissionVote.objects.get()]
    assert vote.place == "Réunion plénière du 2 octobre 2015"


def test_admission_vote_recorded_in_the_admin_points_to_its_meeting(
    coordinator_client, make_meeting, sos_esclaves, ccem
):
    plenary = make_meeting(paris(2015, 10, 2, 10))
    response = coordinator_client.post(
        reverse("admin:members_admissionvote_add"),
        {
            "organisation": sos_esclaves.pk,
            "date": "2015-10-02",
            "place": "Réunion plénière du 2 octobre 2015",
            "meeting": plenary.pk,
            "votes_for": "1",
            "votes_against": "0",
            "abstentions": "0",
        },
    )
    assert response.status_code == 302
    assert AdmissionVote.objects.get().meeting == plenary


def action_item_form(action, **extra):
    """The action item's own admin page, as loaded for `action`."""
    data = {
        "meeting": action.meeting_id,
        "agenda_item": action.agenda_item_id,
        "text_fr": action.text_fr,
        "text_en": "",
        "organisations": [o.pk for o in action.organisations.all()],
        "due_on": "",
        "status": action.status,
        "done_on": "",
        "comment": "",
        "position": "0",
    }
    data.update(extra)
    return data


def test_closing_an_item_in_the_admin_records_the_coordinator(
    coordinator_client, coordinator, make_meeting, make_action, ccem
):
    action = make_action(make_meeting(items=1), organisations=[ccem])
    url = reverse("admin:meetings_actionitem_change", args=[action.pk])
    response = coordinator_client.post(url, action_item_form(action, status="done"))
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.closed_by, action.done_on) == (
        "done",
        coordinator,
        timezone.localdate(),
    )
    response = coordinator_client.post(
        url, action_item_form(action, status="open", done_on="03/10/2014")
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.closed_by, action.done_on) == ("open", None, None)


def test_action_item_page_refuses_an_agenda_item_of_another_meeting(
    coordinator_client, make_meeting, make_action, ccem
):
    september = make_meeting(items=1)
    november = make_meeting(paris(2014, 11, 7, 10), items=1)
    action = make_action(september, organisations=[ccem])
    response = coordinator_client.post(
        reverse("admin:meetings_actionitem_change", args=[action.pk]),
        action_item_form(action, agenda_item=november.agenda_items.get().pk),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["agenda_item"] == ["Choisissez un point de l'ordre du jour de cette réunion."]
    action.refresh_from_db()
    assert action.agenda_item == september.agenda_items.get()


def test_agenda_item_page_keeps_an_item_with_action_items_in_its_meeting(
    coordinator_client, make_meeting, make_action, ccem
):
    september = make_meeting(items=1)
    november = make_meeting(paris(2014, 11, 7, 10))
    item = september.agenda_items.get()
    make_action(september, organisations=[ccem], agenda_item=item)
    response = coordinator_client.post(
        reverse("admin:meetings_agendaitem_change", args=[item.pk]),
        {
            "meeting": november.pk,
            "position": "1",
            "title_fr": "Point 1",
            "title_en": "",
            "minutes_fr": "",
            "minutes_en": "",
            "decisions_fr": "",
            "decisions_en": "",
        },
    )
    assert response.status_code == 200
    assert "il ne peut pas passer à une autre réunion" in " ".join(
        response.context["adminform"].form.errors["meeting"]
    )
    item.refresh_from_db()
    assert item.meeting == september
