from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from collectif import registry, reminders
from collectif.models import ReminderSent
from members import services


@pytest.fixture
def observer_due_2015(observer):
    assert observer.vote_due_on == date(2015, 10, 1)
    return observer


def run(day):
    mail.outbox.clear()
    return reminders.run_all(today=day)


def test_nothing_to_say_more_than_30_days_before(observer_due_2015):
    assert run(date(2015, 8, 31)) == []
    assert mail.outbox == []


def test_coordinators_are_told_30_days_before(observer_due_2015, coordinator, settings):
    lines = run(date(2015, 9, 1))
    assert lines == ["admission-vote-in-30-days: SOS Esclaves (due 2015-10-01)"]
    [message] = mail.outbox
    assert message.to == [settings.COORDINATION_EMAIL, coordinator.email]
    assert "SOS Esclaves" in message.subject
    # Coordinators work in French.
    assert "dans 30 jours" in message.body
    assert f"/admin/members/organisation/{observer_due_2015.pk}/change/" in message.body


def test_each_reminder_goes_once_however_often_the_command_runs(observer_due_2015):
    assert len(run(date(2015, 9, 1))) == 1
    assert run(date(2015, 9, 1)) == []
    assert run(date(2015, 9, 15)) == []
    assert mail.outbox == []
    assert ReminderSent.objects.count() == 1


def test_then_again_on_the_day(observer_due_2015):
    run(date(2015, 9, 1))
    lines = run(date(2015, 10, 1))
    assert lines == ["admission-vote-due: SOS Esclaves (due 2015-10-01)"]
    assert "est dû" in mail.outbox[0].body
    assert run(date(2015, 10, 2)) == []


def test_a_missed_day_is_caught_up_without_the_early_notice(observer_due_2015):
    lines = run(date(2015, 10, 5))
    assert lines == ["admission-vote-due: SOS Esclaves (due 2015-10-01)"]


def test_a_decided_vote_needs_no_reminder(observer_due_2015, make_organisation):
    make_organisation()
    services.membership_record_vote(
        organisation=observer_due_2015,
        date=date(2015, 9, 10),
        place="Réunion plénière",
        votes_for=1,
        votes_against=0,
    )
    assert run(date(2015, 10, 1)) == []


def test_an_extended_observation_is_reminded_again(observer_due_2015):
    run(date(2015, 10, 1))
    services.membership_extend_observation(
        organisation=observer_due_2015, date=date(2015, 10, 8), reason="Prolongée."
    )
    assert run(date(2016, 9, 8)) == ["admission-vote-in-30-days: SOS Esclaves (due 2016-10-08)"]


def test_inactive_coordinators_are_not_written_to(observer_due_2015, coordinator, settings):
    coordinator.is_active = False
    coordinator.save()
    run(date(2015, 10, 1))
    assert mail.outbox[0].to == [settings.COORDINATION_EMAIL]


def test_a_failed_sending_is_left_to_the_mail_task_s_retries(observer_due_2015, monkeypatch):
    """The reminder is recorded with its mail's task: a mail server down makes the task try
    again later (tests/collectif/test_tasks.py), and the next run does not queue it twice."""

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    assert len(run(date(2015, 10, 1))) == 1
    assert ReminderSent.objects.count() == 1
    monkeypatch.undo()
    assert run(date(2015, 10, 1)) == []
    assert mail.outbox == []


def test_other_apps_add_their_reminders_through_the_registry(observer_due_2015):
    calls = []

    def extra_reminder(*, today):
        calls.append(today)
        return ["extra: sent"]

    registry.reminders.add(extra_reminder, order=15)
    try:
        lines = run(date(2015, 10, 1))
    finally:
        registry.reminders.remove(extra_reminder)
    assert calls == [date(2015, 10, 1)]
    # In the registered order: the admission votes (10), this one (15), action items (20).
    assert lines == ["admission-vote-due: SOS Esclaves (due 2015-10-01)", "extra: sent"]


def test_command_prints_what_it_sent(observer_due_2015, time_machine):
    time_machine.move_to("2015-10-01 07:15")
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "sent: admission-vote-due: SOS Esclaves" in out.getvalue()
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "0 reminder(s) sent." in out.getvalue()
