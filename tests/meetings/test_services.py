from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from meetings import services
from meetings.models import ActionItem, Delegation, Meeting, MinutesSending
from tests.dates import paris

pytestmark = pytest.mark.django_db


def test_a_member_is_sent_in_a_delegation(make_meeting, ccem):
    meeting = make_meeting(kind=Meeting.Kind.INSTITUTION)
    services.delegation_add(meeting=meeting, organisation=ccem)
    assert list(meeting.delegations.values_list("organisation__slug", flat=True)) == ["ccem"]


@pytest.mark.parametrize(
    ("language", "words"), [("fr", "pas mandatée pour représenter"), ("en", "not mandated")]
)
def test_observer_cannot_be_sent_in_a_delegation(make_meeting, sos_esclaves, language, words):
    meeting = make_meeting(kind=Meeting.Kind.INSTITUTION)
    with translation.override(language), pytest.raises(ValidationError) as refused:
        services.delegation_add(meeting=meeting, organisation=sos_esclaves)
    with translation.override(language):
        assert words in str(refused.value.messages[0])
    assert not Delegation.objects.exists()


def test_representative_marks_its_organisations_item_done(
    make_meeting, make_action, ccem, representative
):
    action = make_action(make_meeting(), organisations=[ccem])
    services.action_item_close(item=action, by=representative, comment="Envoyé le 3 octobre.")
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE
    assert action.done_on == timezone.localdate() or action.done_on is not None
    assert action.closed_by == representative
    assert action.comment == "Envoyé le 3 octobre."


def test_representative_cannot_close_another_organisations_item(
    make_meeting, make_action, hors_la_rue, representative
):
    action = make_action(make_meeting(), organisations=[hors_la_rue])
    with pytest.raises(PermissionDenied):
        services.action_item_close(item=action, by=representative)
    action.refresh_from_db()
    assert action.is_open


def test_representative_cannot_close_an_item_asked_of_every_member(
    make_meeting, make_action, representative
):
    action = make_action(make_meeting(), for_every_member=True)
    with pytest.raises(PermissionDenied):
        services.action_item_close(item=action, by=representative)


def test_only_the_coordination_drops_and_reopens(
    make_meeting, make_action, ccem, representative, coordinator
):
    action = make_action(make_meeting(), organisations=[ccem])
    with pytest.raises(PermissionDenied):
        services.action_item_close(item=action, by=representative, status=ActionItem.Status.DROPPED)
    services.action_item_close(item=action, by=coordinator, status=ActionItem.Status.DROPPED)
    assert action.status == ActionItem.Status.DROPPED
    with pytest.raises(PermissionDenied):
        services.action_item_reopen(item=action, by=representative)
    services.action_item_reopen(item=action, by=coordinator)
    action.refresh_from_db()
    assert action.is_open
    assert action.done_on is None


def test_a_closed_item_is_not_closed_twice(make_meeting, make_action, ccem, representative):
    action = make_action(make_meeting(), organisations=[ccem])
    services.action_item_close(item=action, by=representative, on=date(2014, 10, 3))
    with pytest.raises(ValidationError):
        services.action_item_close(item=action, by=representative, on=date(2014, 10, 9))
    action.refresh_from_db()
    assert action.done_on == date(2014, 10, 3)


def test_saving_an_item_whole_closes_and_reopens_it_by_the_rules(
    make_meeting, make_action, ccem, representative, coordinator
):
    """The admin's path: the status comes with the rest of the item."""
    meeting = make_meeting()
    action = make_action(meeting, organisations=[ccem])
    version = Meeting.objects.get().version
    action.status, action.text_fr = ActionItem.Status.DONE, "Transmis."
    services.action_item_save(item=action, by=coordinator)
    action.refresh_from_db()
    assert (action.status, action.text_fr) == ("done", "Transmis.")
    assert (action.closed_by, action.done_on) == (coordinator, timezone.localdate())
    assert Meeting.objects.get().version > version
    action.done_on = date(2014, 10, 3)
    services.action_item_save(item=action, by=representative)  # still done: nothing to rule
    action.refresh_from_db()
    assert (action.closed_by, action.done_on) == (coordinator, date(2014, 10, 3))
    action.status = ActionItem.Status.OPEN
    with pytest.raises(PermissionDenied):
        services.action_item_save(item=action, by=representative)
    services.action_item_save(item=action, by=coordinator)
    action.refresh_from_db()
    assert (action.status, action.closed_by, action.done_on) == ("open", None, None)


def test_saving_an_item_whole_drops_it_only_for_the_coordination(
    make_meeting, make_action, ccem, representative
):
    action = make_action(make_meeting(), organisations=[ccem])
    action.status = ActionItem.Status.DROPPED
    with pytest.raises(PermissionDenied):
        services.action_item_save(item=action, by=representative)
    action.refresh_from_db()
    assert action.is_open


def test_a_new_item_saved_closed_records_who_closed_it(make_meeting, coordinator):
    meeting = make_meeting(items=1)
    action = ActionItem(
        meeting=meeting,
        agenda_item=meeting.agenda_items.get(),
        text_fr="Déjà fait.",
        for_coordination=True,
        status=ActionItem.Status.DONE,
        done_on=date(2014, 9, 29),
    )
    services.action_item_save(item=action, by=coordinator)
    action.refresh_from_db()
    assert (action.closed_by, action.done_on) == (coordinator, date(2014, 9, 29))


def test_saving_an_item_with_another_meetings_agenda_item_is_refused(
    make_meeting, make_action, ccem, coordinator
):
    september = make_meeting(items=1)
    november = make_meeting(paris(2014, 11, 7, 10), items=1)
    action = make_action(september, organisations=[ccem])
    action.agenda_item = november.agenda_items.get()
    action.status = ActionItem.Status.DONE
    with pytest.raises(ValidationError) as error:
        services.action_item_save(item=action, by=coordinator)
    assert list(error.value.error_dict) == ["agenda_item"]
    action.refresh_from_db()
    assert (action.agenda_item, action.status) == (september.agenda_items.get(), "open")


def test_duplicate_for_next_plenary_copies_the_structure_not_the_minutes(make_meeting):
    september = make_meeting(
        paris(2014, 9, 29, 10),
        end=paris(2014, 9, 29, 12, 30),
        items=3,
        place_name="Secours Catholique",
        room="Salle 3002",
    )
    new = services.meeting_duplicate_for_next_plenary(
        meeting=september, start=paris(2014, 11, 7, 10)
    )
    assert new.end == paris(2014, 11, 7, 12, 30)
    assert (new.title_fr, new.title_en) == ("Réunion du Collectif", "Meeting of the collective")
    assert (new.place_name, new.room, new.status) == ("Secours Catholique", "Salle 3002", "planned")
    items = list(new.agenda_items.values_list("title_fr", "minutes_fr"))
    assert [title for title, _minutes in items] == ["Point 1", "Point 2", "Point 3"]
    assert not any(minutes for _title, minutes in items)


def test_duplicate_refuses_a_date_before_the_meeting(make_meeting):
    september = make_meeting(paris(2014, 9, 29, 10))
    with pytest.raises(ValidationError):
        services.meeting_duplicate_for_next_plenary(meeting=september, start=paris(2014, 9, 1, 10))
    assert Meeting.objects.count() == 1


def test_minutes_are_approved_at_a_later_meeting(make_meeting):
    september = make_meeting(paris(2014, 9, 29, 10))
    november = make_meeting(paris(2014, 11, 7, 10))
    with pytest.raises(ValidationError):
        services.meeting_approve_minutes(
            meeting=november, on=date(2014, 11, 7), at_meeting=september
        )
    services.meeting_approve_minutes(meeting=september, on=date(2014, 11, 7), at_meeting=november)
    assert not september.minutes_are_draft


def test_send_minutes_in_each_recipients_language_and_records_each(
    make_meeting,
    make_action,
    ccem,
    hors_la_rue,
    representative,
    other_representative,
    coordinator,
    django_capture_on_commit_callbacks,
):
    meeting = make_meeting(items=1)
    item = meeting.agenda_items.get()
    item.title_en = "Launch of the website"
    item.save()
    make_action(meeting, organisations=[ccem], text="Transmettre le document.")
    services.reader_set_language(user=other_representative, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        sendings = services.meeting_send_minutes(meeting=meeting, by=coordinator)
    assert len(sendings) == 2
    assert len(mail.outbox) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    french = by_address["rep@ccem.example.org"]
    english = by_address["rep@horslarue.example.org"]
    assert "Compte-rendu" in french.subject
    assert "Projet" in french.body
    assert "Minutes" in english.subject
    assert "1/ LAUNCH OF THE WEBSITE" in english.body
    html, mimetype = english.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en">' in html
    assert "Transmettre le document." in french.alternatives[0][0]
    rows = MinutesSending.objects.order_by("email")
    assert [(r.email, r.language, r.sent_by) for r in rows] == [
        ("rep@ccem.example.org", "fr", coordinator),
        ("rep@horslarue.example.org", "en", coordinator),
    ]


def test_send_minutes_without_recipient_is_refused(make_meeting, coordinator):
    with pytest.raises(ValidationError):
        services.meeting_send_minutes(meeting=make_meeting(), by=coordinator)
    assert not MinutesSending.objects.exists()


def test_renewing_the_calendar_address_replaces_the_old_one(representative):
    first = services.calendar_feed_renew(user=representative).calendar_token
    second = services.calendar_feed_renew(user=representative).calendar_token
    assert first
    assert second
    assert first != second
    assert len(second) >= 40


def test_next_plenary_default_is_five_weeks_later(make_meeting):
    meeting = make_meeting(paris(2014, 9, 29, 10))
    assert services.default_next_plenary_start(meeting) - meeting.start == timedelta(weeks=5)


def test_minutes_are_mailed_by_a_worker_once_each_even_if_run_twice(
    make_meeting,
    representative,
    other_representative,
    coordinator,
    settings,
    django_capture_on_commit_callbacks,
):
    from django_tasks_db.models import DBTaskResult

    from tests.collectif.test_tasks import DATABASE_TASKS, run_queued

    settings.TASKS = DATABASE_TASKS
    meeting = make_meeting(items=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_minutes(meeting=meeting, by=coordinator)
    assert mail.outbox == []  # the coordinator's request wrote and rendered nothing
    (task,) = DBTaskResult.objects.all()
    assert MinutesSending.objects.filter(delivered_at=None).count() == 2
    # The same task queued again (a resumed run) mails nobody a second time.
    from meetings.tasks import send_minutes_task

    send_minutes_task.enqueue(**task.args_kwargs["kwargs"])
    run_queued()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "rep@ccem.example.org",
        "rep@horslarue.example.org",
    ]
    assert not MinutesSending.objects.filter(delivered_at=None).exists()


def test_a_sending_claimed_by_a_worker_that_died_is_not_mailed_again(
    make_meeting, representative, coordinator, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    meeting = make_meeting(items=1)
    MinutesSending.objects.create(
        meeting=meeting,
        recipient=representative,
        email=representative.email,
        language="fr",
        claimed_at=timezone.now(),
    )
    sending = MinutesSending.objects.get()
    assert services.minutes_deliver(sending.pk) is False
    assert mail.outbox == []
