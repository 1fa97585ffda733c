from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from meetings import services
from meetings.reminders import action_item_reminders

pytestmark = pytest.mark.django_db

TODAY = date(2014, 10, 20)


@pytest.fixture
def items(make_meeting, make_action, ccem, hors_la_rue, representative):
    meeting = make_meeting(items=1)
    return {
        "overdue": make_action(
            meeting, organisations=[ccem], due_on=date(2014, 10, 18), text="Adapter le communiqué."
        ),
        "soon": make_action(
            meeting,
            organisations=[ccem, hors_la_rue],
            due_on=date(2014, 10, 23),
            text="Préparer la rencontre du 23 octobre.",
        ),
        "later": make_action(
            meeting,
            organisations=[ccem],
            due_on=date(2014, 11, 7),
            text="Contribuer sur la traite des mineurs.",
        ),
    }


def test_one_digest_per_organisation_contact(items):
    lines = action_item_reminders(today=TODAY)
    assert lines == ["action items: Comité contre l'esclavage moderne (2 item(s))"]
    recipients = sorted(message.to[0] for message in mail.outbox)
    # The CCEM's public contact and its representative; Hors la Rue has no address.
    assert recipients == ["contact@ccem.example.org", "rep@ccem.example.org"]
    body = mail.outbox[0].body
    assert "Adapter le communiqué." in body
    assert "Préparer la rencontre du 23 octobre." in body
    assert "Contribuer sur la traite des mineurs." not in body  # due in 18 days


def test_each_reminder_goes_once(items):
    action_item_reminders(today=TODAY)
    mail.outbox.clear()
    assert action_item_reminders(today=TODAY) == []
    assert action_item_reminders(today=date(2014, 10, 22)) == []
    assert mail.outbox == []


def test_an_item_due_soon_is_reminded_again_once_overdue(items):
    action_item_reminders(today=TODAY)
    mail.outbox.clear()
    action_item_reminders(today=date(2014, 10, 24))
    bodies = [message.body for message in mail.outbox]
    assert bodies
    assert all("Préparer la rencontre du 23 octobre." in body for body in bodies)
    assert all("Adapter le communiqué." not in body for body in bodies)


def test_closed_items_are_not_reminded(items, representative):
    for action in items.values():
        services.action_item_close(item=action, by=representative)
    assert action_item_reminders(today=TODAY) == []
    assert mail.outbox == []


def test_digest_in_the_representatives_language(items, representative):
    services.reader_set_language(user=representative, language="en")
    action_item_reminders(today=TODAY)
    english = next(m for m in mail.outbox if m.to == ["rep@ccem.example.org"])
    assert "Action items to follow up" in english.subject
    french = next(m for m in mail.outbox if m.to == ["contact@ccem.example.org"])
    assert "Actions à suivre" in french.subject


def test_coordination_items_go_to_the_coordinators(make_meeting, make_action, coordinator):
    make_action(make_meeting(items=1), for_coordination=True, due_on=date(2014, 10, 21))
    lines = action_item_reminders(today=TODAY)
    assert lines == ["action items: coordination (1 item(s))"]
    assert "coordinator@example.org" in mail.outbox[0].to or any(
        "coordinator@example.org" in m.to for m in mail.outbox
    )


def test_send_reminders_command_runs_them(items, capsys, settings):
    import time_machine

    with time_machine.travel(date(2014, 10, 20), tick=False):
        call_command("send_reminders")
    assert "action items: " in capsys.readouterr().out
