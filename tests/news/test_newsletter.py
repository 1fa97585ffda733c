"""The newsletter: double opt-in, expiry, unsubscribing, and sending that survives a crash."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from news import newsletter
from news.models import NewsItem, Newsletter, NewsletterDelivery, Subscriber
from tests.dates import paris

pytestmark = pytest.mark.django_db
Delivery = NewsletterDelivery.Status


def subscribe(email="lecteur@example.org", language="fr", capture=None):
    return newsletter.subscriber_subscribe(email=email, language=language)


def confirmation_link(message):
    return next(line for line in message.body.splitlines() if "/confirm" in line)


def token_of(link):
    return link.rstrip("/").rsplit("/", 1)[1]


@pytest.fixture
def confirmed(db):
    def make(count, language="fr"):
        start = Subscriber.objects.count()
        return [
            Subscriber.objects.create(
                email=f"reader{start + n}@example.org",
                language=language,
                confirmed_at=timezone.now(),
            )
            for n in range(count)
        ]

    return make


@pytest.fixture
def letter(make_item, coordinator):
    make_item(NewsItem.Status.PUBLISHED, when=paris(2014, 10, 18, 9), title_fr="Lancement du site")
    return newsletter.newsletter_compose(
        month=date(2014, 10, 1),
        by=coordinator,
        title_fr="Lettre d'octobre",
        title_en="October letter",
    )


# --- Subscribing --------------------------------------------------------------------------------


def test_subscribing_mails_a_confirmation_link_in_the_chosen_language(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = subscribe("Reader@Example.org ", "en")
    assert subscriber.email == "reader@example.org"
    assert not subscriber.is_confirmed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@example.org"]
    assert message.subject == "Confirm your subscription to the newsletter"
    assert "/en/newsletter/confirm/" in confirmation_link(message)


def test_the_confirmation_link_confirms_the_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = subscribe()
    token = token_of(confirmation_link(mail.outbox[0]))
    newsletter.subscriber_confirm(token=token)
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_the_confirmation_link_expires(settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_CONFIRMATION_HOURS = 72
    with time_machine.travel(paris(2014, 10, 1, 9), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            subscriber = subscribe()
        token = token_of(confirmation_link(mail.outbox[0]))
    with time_machine.travel(paris(2014, 10, 4, 8, 59), tick=False):
        assert newsletter.check_confirmation(token=token) == subscriber
    with (
        time_machine.travel(paris(2014, 10, 4, 9, 1), tick=False),
        pytest.raises(newsletter.LinkExpired),
    ):
        newsletter.subscriber_confirm(token=token)
    subscriber.refresh_from_db()
    assert not subscriber.is_confirmed


def test_a_tampered_link_is_invalid():
    subscriber = subscribe()
    token = newsletter.confirmation_token(subscriber)
    with pytest.raises(newsletter.LinkInvalid):
        newsletter.subscriber_confirm(token=token[:-2] + "xx")


def test_an_old_link_dies_with_its_subscription():
    subscriber = subscribe()
    token = newsletter.confirmation_token(subscriber)
    newsletter.subscriber_unsubscribe(token=subscriber.token)
    subscribe()
    with pytest.raises(newsletter.LinkInvalid):
        newsletter.subscriber_confirm(token=token)


def test_subscribing_twice_soon_sends_one_mail_and_a_confirmed_address_gets_none(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe()
        subscribe()
    assert len(mail.outbox) == 1
    Subscriber.objects.update(confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(language="en")
    assert len(mail.outbox) == 1
    assert Subscriber.objects.get().language == "fr"


def test_unconfirmed_addresses_are_forgotten_once_their_link_expired(settings):
    settings.NEWSLETTER_CONFIRMATION_HOURS = 72
    with time_machine.travel(paris(2014, 10, 1, 9), tick=False):
        subscribe("old@example.org")
        Subscriber.objects.create(
            email="kept@example.org", language="fr", confirmed_at=timezone.now()
        )
    with time_machine.travel(paris(2014, 10, 5, 9), tick=False):
        subscribe("new@example.org")
        assert newsletter.subscriber_purge_unconfirmed() == 1
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "kept@example.org",
        "new@example.org",
    }


def test_unsubscribing_deletes_the_address(confirmed):
    (subscriber,) = confirmed(1)
    assert newsletter.subscriber_unsubscribe(token=subscriber.token)
    assert not Subscriber.objects.exists()
    assert not newsletter.subscriber_unsubscribe(token=subscriber.token)


# --- Composing and testing --------------------------------------------------------------------


def test_a_letter_holds_the_news_published_during_its_month(make_item, coordinator):
    october = make_item(
        NewsItem.Status.PUBLISHED, when=paris(2014, 10, 31, 23), title_fr="Fin octobre"
    )
    make_item(NewsItem.Status.PUBLISHED, when=paris(2014, 11, 1, 0, 30), title_fr="Novembre")
    make_item(NewsItem.Status.DRAFT, title_fr="Brouillon")
    letter = newsletter.newsletter_compose(
        month=date(2014, 10, 20), by=coordinator, title_fr="Octobre"
    )
    assert letter.month == date(2014, 10, 1)
    assert list(letter.items.all()) == [october]


def test_only_coordinators_compose(representative):
    with pytest.raises(PermissionDenied):
        newsletter.newsletter_compose(month=date(2014, 10, 1), by=representative, title_fr="Non")


def test_the_test_goes_to_the_coordinator_only_in_each_language(letter, coordinator, confirmed):
    confirmed(3)
    newsletter.newsletter_send_test(newsletter=letter, by=coordinator)
    assert [m.to for m in mail.outbox] == [[coordinator.email], [coordinator.email]]
    assert [m.subject for m in mail.outbox] == ["Lettre d'octobre", "October letter"]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    assert not NewsletterDelivery.objects.exists()


# --- Sending ----------------------------------------------------------------------------------


def test_every_message_has_an_unsubscribe_link_and_the_one_click_headers(
    letter, coordinator, confirmed, settings
):
    (subscriber,) = confirmed(1, language="en")
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    newsletter.newsletter_send_pending(newsletter=letter)
    message = mail.outbox[0]
    url = f"{settings.SITE_URL}/en/newsletter/unsubscribe/{subscriber.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert url in html
    assert message.subject == "October letter"
    assert "/en/news/" in message.body


def test_sending_writes_once_to_each_confirmed_subscriber_in_its_language(
    letter, coordinator, confirmed
):
    confirmed(3, "fr")
    confirmed(2, "en")
    Subscriber.objects.create(email="waiting@example.org", language="fr")
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    assert newsletter.newsletter_send_pending(newsletter=letter) == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Subscriber.objects.confirmed().values_list("email", flat=True)
    )
    assert (
        sorted(m.subject for m in mail.outbox) == ["Lettre d'octobre"] * 3 + ["October letter"] * 2
    )
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENT
    assert letter.sent_at is not None


def test_a_letter_is_sent_only_once(letter, coordinator, confirmed):
    confirmed(1)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    with pytest.raises(ValidationError):
        newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)


def test_a_letter_without_published_news_is_not_sent(coordinator, confirmed):
    confirmed(1)
    empty = newsletter.newsletter_compose(month=date(2014, 10, 1), by=coordinator, title_fr="Vide")
    with pytest.raises(ValidationError):
        newsletter.newsletter_start_sending(newsletter=empty, by=coordinator)


class Crash(Exception):
    """The process dies (a signal, the server restarting): nothing catches it."""


class CrashingBackend(EmailBackend):
    """Delivers `limit` messages, then the process « dies » while sending the next one."""

    limit = None

    def send_messages(self, messages):
        if CrashingBackend.limit is not None and len(mail.outbox) >= CrashingBackend.limit:
            raise Crash
        return super().send_messages(messages)


def test_sending_resumes_after_a_crash_without_writing_to_anyone_twice(
    letter, coordinator, confirmed, settings
):
    confirmed(10)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    settings.EMAIL_BACKEND = "tests.news.test_newsletter.CrashingBackend"
    CrashingBackend.limit = 4
    with pytest.raises(Crash):
        newsletter.newsletter_send_pending(newsletter=letter)
    assert len(mail.outbox) == 4
    counts = newsletter.delivery_counts(letter)
    assert (counts[Delivery.SENT], counts[Delivery.SENDING], counts[Delivery.PENDING]) == (4, 1, 5)

    # The process restarts: the one it was sending when it died is not sent again.
    CrashingBackend.limit = None
    later = timezone.now() + newsletter.CLAIM_EXPIRES_AFTER + timedelta(seconds=1)
    assert newsletter.newsletter_send_pending(newsletter=letter, now=later) == 5
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 9
    counts = newsletter.delivery_counts(letter)
    assert (counts[Delivery.SENT], counts[Delivery.INTERRUPTED], counts[Delivery.PENDING]) == (
        9,
        1,
        0,
    )
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENT

    # Running again sends nothing more.
    assert newsletter.newsletter_send_pending(newsletter=letter, now=later) == 0
    assert len(mail.outbox) == 9


def test_a_crash_after_sending_before_recording_sends_nobody_twice(
    letter, coordinator, confirmed, monkeypatch
):
    confirmed(3)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    real_mark = newsletter._mark

    def mark_then_die(delivery_id, status, **fields):
        if status == Delivery.SENT and len(mail.outbox) == 2:
            raise Crash  # the second message went, its record did not
        return real_mark(delivery_id, status, **fields)

    monkeypatch.setattr(newsletter, "_mark", mark_then_die)
    with pytest.raises(Crash):
        newsletter.newsletter_send_pending(newsletter=letter)
    monkeypatch.setattr(newsletter, "_mark", real_mark)
    later = timezone.now() + newsletter.CLAIM_EXPIRES_AFTER + timedelta(seconds=1)
    newsletter.newsletter_send_pending(newsletter=letter, now=later)
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 3


def test_a_recent_claim_is_left_to_the_process_that_holds_it(letter, coordinator, confirmed):
    confirmed(2)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    first = NewsletterDelivery.objects.order_by("pk").first()
    NewsletterDelivery.objects.filter(pk=first.pk).update(
        status=Delivery.SENDING, attempted_at=timezone.now()
    )
    assert newsletter.newsletter_send_pending(newsletter=letter) == 1
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENDING  # not finished while one is in flight


def test_someone_who_unsubscribed_during_the_sending_is_skipped(letter, coordinator, confirmed):
    leaving, staying = confirmed(2)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    newsletter.subscriber_unsubscribe(token=leaving.token)
    assert newsletter.newsletter_send_pending(newsletter=letter) == 1
    assert [m.to for m in mail.outbox] == [[staying.email]]
    counts = newsletter.delivery_counts(letter)
    assert (counts[Delivery.SENT], counts[Delivery.SKIPPED]) == (1, 1)


def test_a_refused_message_is_recorded_as_failed_and_the_others_go(
    letter, coordinator, confirmed, settings
):
    confirmed(3)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    settings.EMAIL_BACKEND = "tests.news.test_newsletter.RefusingBackend"
    assert newsletter.newsletter_send_pending(newsletter=letter) == 2
    failed = NewsletterDelivery.objects.get(status=Delivery.FAILED)
    assert "refused" in failed.error


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        import smtplib

        if messages[0].to[0] == "reader1@example.org":
            raise smtplib.SMTPRecipientsRefused({"reader1@example.org": (550, b"refused")})
        return super().send_messages(messages)


def test_sending_in_batches(letter, coordinator, confirmed):
    confirmed(5)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    assert newsletter.newsletter_send_pending(newsletter=letter, limit=2) == 2
    assert newsletter.newsletters_resume() == [f"{letter}: 3 sent"]
    assert len(mail.outbox) == 5


def test_the_progress_of_several_letters_in_one_query(
    letter, coordinator, confirmed, django_assert_num_queries
):
    confirmed(4)
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    newsletter.newsletter_send_pending(newsletter=letter, limit=3)
    with django_assert_num_queries(1):
        progress = newsletter.progress([letter])
    assert progress[letter.pk] == {"total": 4, Delivery.SENT: 3, Delivery.PENDING: 1}


def test_the_cron_command_resumes_letters_and_forgets_stale_subscriptions(
    letter, coordinator, confirmed, settings
):
    from io import StringIO

    from django.core.management import call_command

    settings.NEWSLETTER_CONFIRMATION_HOURS = 72
    confirmed(3)
    with time_machine.travel(timezone.now() - timedelta(days=5)):
        subscribe("stale@example.org")
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    out = StringIO()
    call_command("send_newsletters", stdout=out)
    assert f"{letter}: sending queued" in out.getvalue()
    assert "1 unconfirmed subscription(s) forgotten" in out.getvalue()
    assert len(mail.outbox) == 3
    assert not Subscriber.objects.filter(email="stale@example.org").exists()
