"""The newsletter's pages: subscribing, confirming, unsubscribing."""

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from news import newsletter
from news.models import Subscriber
from tests.dates import paris

pytestmark = pytest.mark.django_db


def url(name, language="fr", *args):
    with translation.override(language):
        return reverse(f"news:{name}", args=args or None)


def test_the_newsletter_pages_have_their_address_in_each_language():
    assert url("subscribe") == "/fr/lettre/"
    assert url("subscribe", "en") == "/en/newsletter/"
    assert url("unsubscribe", "fr", "abc") == "/fr/lettre/desinscription/abc/"


def test_subscribing_from_the_form(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("subscribe"), {"email": "lecteur@example.org", "language": "en"}, follow=True
        )
    assert "nous vous avons envoyé un e-mail" in response.content.decode()
    assert Subscriber.objects.get().language == "en"
    assert len(mail.outbox) == 1


def test_the_form_explains_a_bad_address_in_the_visitors_language(client):
    for language, message in [
        ("fr", "Saisissez une adresse de courriel valide."),
        ("en", "Enter a valid email address."),
    ]:
        response = client.post(
            url("subscribe", language), {"email": "pas-une-adresse", "language": "fr"}
        )
        page = response.content.decode()
        assert message in page
        assert 'value="pas-une-adresse"' in page
    assert not Subscriber.objects.exists()


def test_a_robot_filling_the_honeypot_is_not_subscribed(client):
    response = client.post(
        url("subscribe"), {"email": "bot@example.org", "language": "fr", "website": "x"}
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_the_confirmation_page_confirms_by_its_button(client):
    subscriber = newsletter.subscriber_subscribe(email="lecteur@example.org", language="fr")
    token = newsletter.confirmation_token(subscriber)
    page = client.get(url("subscription-confirm", "fr", token)).content.decode()
    assert "Confirmer mon abonnement" in page
    subscriber.refresh_from_db()
    assert not subscriber.is_confirmed  # following the link alone (a mail scanner) confirms nothing
    response = client.post(url("subscription-confirm", "fr", token))
    assert "Votre abonnement est confirmé" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_an_expired_link_says_so_and_confirms_nothing(client, settings):
    settings.NEWSLETTER_CONFIRMATION_HOURS = 72
    with time_machine.travel(paris(2014, 10, 1, 9), tick=False):
        subscriber = newsletter.subscriber_subscribe(email="lecteur@example.org", language="fr")
        token = newsletter.confirmation_token(subscriber)
    with time_machine.travel(paris(2014, 10, 5, 9), tick=False):
        for method in (client.get, client.post):
            assert (
                "Ce lien a expiré"
                in method(url("subscription-confirm", "fr", token)).content.decode()
            )
    subscriber.refresh_from_db()
    assert not subscriber.is_confirmed


def test_a_forged_link_is_invalid(client):
    response = client.post(url("subscription-confirm", "en", "forged:token"))
    assert "This link is not valid" in response.content.decode()


def test_one_click_unsubscribe_works_without_a_csrf_token(db):
    subscriber = Subscriber.objects.create(
        email="lecteur@example.org", language="fr", confirmed_at=timezone.now()
    )
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        url("unsubscribe", "fr", subscriber.token),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_the_unsubscribe_link_shows_a_button_and_deletes_nothing_by_itself(client):
    subscriber = Subscriber.objects.create(
        email="lecteur@example.org", language="fr", confirmed_at=timezone.now()
    )
    page = client.get(url("unsubscribe", "fr", subscriber.token)).content.decode()
    assert "Se désabonner" in page
    assert Subscriber.objects.exists()
    page = client.post(url("unsubscribe", "fr", subscriber.token)).content.decode()
    assert "Vous êtes désabonné" in page
    assert not Subscriber.objects.exists()


def test_an_unknown_key_says_there_is_nothing_to_do(client):
    page = client.get(url("unsubscribe", "fr", "unknown")).content.decode()
    assert "Cette adresse n'est pas (ou plus) abonnée" in page


def test_token_pages_are_never_cached(client):
    subscriber = Subscriber.objects.create(email="lecteur@example.org", language="fr")
    for name, token in [("unsubscribe", subscriber.token), ("subscription-confirm", "x")]:
        response = client.get(url(name, "fr", token))
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
