"""No mail bombing: sign-ups, password resets and contact messages limited per client and per
recipient's inbox, answered with the form again, status 429, in the visitor's language."""

import pytest
from django.core import mail

from news.models import Subscriber

pytestmark = pytest.mark.django_db


def subscribe(client, email, lang="fr", **extra):
    path = "/fr/lettre/" if lang == "fr" else "/en/newsletter/"
    return client.post(path, {"email": email, "language": lang, "website": ""}, **extra)


def test_one_client_subscribing_many_addresses_is_stopped(
    client, django_capture_on_commit_callbacks
):
    """The finding: 20 `victim+N@` addresses and 20 others in seconds gave 41 mails."""
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [subscribe(client, f"victim+{n}@example.org").status_code for n in range(20)]
        statuses += [subscribe(client, f"other{n}@example.org").status_code for n in range(21)]
    assert statuses.count(302) == 3  # the victim's inbox: three confirmations, then no more
    assert set(statuses[3:]) == {429}  # the client is over its own limit as well
    assert len(mail.outbox) == 3
    assert {message.to[0].split("+")[0] for message in mail.outbox} == {"victim"}


def test_one_inbox_is_protected_from_many_clients(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            subscribe(client, f"Victim+{n}@example.org", REMOTE_ADDR=f"198.51.100.{n}").status_code
            for n in range(1, 11)
        ]
    assert statuses.count(302) == 3
    assert len(mail.outbox) == 3


def test_the_refusal_is_the_form_again_in_the_visitors_language(client, settings):
    settings.THROTTLE_NEWSLETTER_PER_CLIENT = (1, 3600)
    assert subscribe(client, "a@example.org", "en").status_code == 302
    refused = subscribe(client, "kept@example.org", "en")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert "Too many requests of this kind" in html
    assert 'value="kept@example.org"' in html  # nothing typed is lost
    french = subscribe(client, "kept@example.org", "fr")
    assert french.status_code == 429
    assert "Trop de demandes de ce type" in french.content.decode()
    assert not Subscriber.objects.filter(email="kept@example.org").exists()


def reset(client, email, **extra):
    return client.post("/fr/espace-membre/mot-de-passe-oublie/", {"email": email}, **extra)


def test_ten_resets_for_one_address_send_three_mails(
    client, representative, django_capture_on_commit_callbacks
):
    """The finding: ten password resets for one address sent ten mails."""
    statuses = [
        reset(client, representative.email, REMOTE_ADDR=f"203.0.113.{n}").status_code
        for n in range(1, 11)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert set(statuses[3:]) == {429}
    assert len(mail.outbox) == 3


def test_one_client_asking_resets_for_many_addresses_is_stopped(client, representative):
    statuses = [reset(client, f"someone{n}@example.org").status_code for n in range(10)]
    assert statuses[:5] == [302] * 5
    assert set(statuses[5:]) == {429}
    # The limit says nothing about which addresses have an account.
    assert reset(client, representative.email).status_code == 429


CONTACT = {
    "name": "Jeanne Martin",
    "email": "jeanne@example.org",
    "organisation": "",
    "subject": "Une question",
    "message": "Bonjour, une question sur le Collectif.",
    "website": "",
}


def test_a_contact_flood_from_many_addresses_stays_bounded(client, settings):
    settings.THROTTLE_CONTACT_FOR_EVERYONE = (10, 3600)
    statuses = [
        client.post("/fr/contact/", CONTACT, REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(1, 16)
    ]
    assert statuses.count(302) == 10
    assert set(statuses[10:]) == {429}
    assert len(mail.outbox) <= 10
