"""The newsletter: subscriptions with double opt-in, and sending that survives a crash.

Subscribing keeps the address unconfirmed and mails a signed link that expires
(NEWSLETTER_CONFIRMATION_HOURS); only confirmed addresses receive letters. Every letter carries
a link to unsubscribe and the List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058), so
that mail programs offer a one-click button; unsubscribing deletes the address.

Sending creates one NewsletterDelivery per confirmed subscriber, then sends them one by one:
each is claimed before its message goes and marked sent after, each step committed on its
own. If the process dies, the next run (`manage.py send_newsletters`, or « resume » in the
admin) sends the remaining ones; the one being sent at the time of the crash is marked
interrupted and never sent again: nobody receives a letter twice.
"""

import hashlib
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from collectif.permissions import is_coordinator
from collectif.tasks import queue_mail

from .models import NewsItem, Newsletter, NewsletterDelivery, Subscriber

CONFIRM_SALT = "news.subscriber.confirm"
# A new confirmation mail to the same address waits this long: the form cannot be used to
# flood someone's mailbox.
RESEND_AFTER = timedelta(minutes=10)
# A delivery claimed longer ago than this, and never marked, was being sent when its process
# died: it is marked interrupted (and not sent again).
CLAIM_EXPIRES_AFTER = timedelta(minutes=10)

Delivery = NewsletterDelivery.Status


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def absolute(path):
    return f"{settings.SITE_URL}{path}"


# --- Subscribers --------------------------------------------------------------------------------


def confirmation_max_age():
    return timedelta(hours=settings.NEWSLETTER_CONFIRMATION_HOURS)


def _fingerprint(subscriber):
    # Binds a link to this subscription: an address that unsubscribed and subscribed again
    # gets a new token, and its old links stop working.
    return hashlib.sha256(subscriber.token.encode()).hexdigest()[:16]


def confirmation_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "f": _fingerprint(subscriber)}, salt=CONFIRM_SALT)


def confirmation_url(subscriber):
    with translation.override(subscriber.language):
        return absolute(reverse("news:subscription-confirm", args=[confirmation_token(subscriber)]))


def unsubscribe_url(subscriber):
    with translation.override(subscriber.language):
        return absolute(reverse("news:unsubscribe", args=[subscriber.token]))


@transaction.atomic
def subscriber_subscribe(*, email, language):
    """Record the wish to receive the newsletter and mail the confirmation link. The answer is
    the same whether the address is new, waiting or confirmed: the form tells nobody who
    subscribes."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language: {language}")
    email = email.strip().lower()
    now = timezone.now()
    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
        email=email, defaults={"language": language}
    )
    if subscriber.is_confirmed:
        return subscriber
    subscriber.language = language
    recently = (
        subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < RESEND_AFTER
    )
    if not recently:
        subscriber.confirmation_sent_at = now
        transaction.on_commit(lambda: _send_confirmation(subscriber))
    subscriber.save()
    return subscriber


def _send_confirmation(subscriber):
    with translation.override(subscriber.language):
        context = {
            "confirm_url": confirmation_url(subscriber),
            "hours": settings.NEWSLETTER_CONFIRMATION_HOURS,
            "site_url": settings.SITE_URL,
        }
        body = render_to_string("news/email/confirm_subscription.txt", context)
        subject = gettext("Confirm your subscription to the newsletter")
    queue_mail(EmailMessage(subject=subject, body=body, to=[subscriber.email]))


def check_confirmation(*, token, lock=False):
    """The subscriber of a signed, unexpired confirmation link; raise LinkExpired or
    LinkInvalid."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=confirmation_max_age().total_seconds()
        )
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    subscribers = Subscriber.objects.select_for_update() if lock else Subscriber.objects.all()
    subscriber = subscribers.filter(pk=data.get("s")).first()
    if subscriber is None or _fingerprint(subscriber) != data.get("f"):
        raise LinkInvalid
    return subscriber


@transaction.atomic
def subscriber_confirm(*, token):
    """Confirm the address of a signed, unexpired link; raise LinkExpired or LinkInvalid."""
    subscriber = check_confirmation(token=token, lock=True)
    if not subscriber.is_confirmed:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, token):
    """Delete the subscription of this unsubscribe key; return whether there was one."""
    deleted, _rows = Subscriber.objects.filter(token=token).delete()
    return bool(deleted)


@transaction.atomic
def subscriber_purge_unconfirmed(*, now=None):
    """Forget the addresses never confirmed before their link expired."""
    now = now or timezone.now()
    deleted, _rows = Subscriber.objects.unconfirmed_since(now - confirmation_max_age()).delete()
    return deleted


# --- Composing ----------------------------------------------------------------------------------


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied(_("Only the coordinators may do this."))


@transaction.atomic
def newsletter_compose(*, month, by, title_fr, title_en="", introduction_fr="", introduction_en=""):
    """A draft letter holding the news published during `month`."""
    _require_coordinator(by)
    newsletter = Newsletter.objects.create(
        month=month.replace(day=1),
        title_fr=title_fr,
        title_en=title_en,
        introduction_fr=introduction_fr,
        introduction_en=introduction_en,
        created_by=by,
    )
    newsletter.items.set(NewsItem.objects.published().of_month(month))
    return newsletter


def newsletter_items(newsletter):
    return list(newsletter.items.published().for_list().newest_first())


@dataclass(frozen=True)
class RenderedLetter:
    subject: str
    text: str
    html: str  # the whole document, for mail programs
    body_html: str  # its body only, for the preview in the admin


def newsletter_render(newsletter, *, language, items, unsubscribe=None):
    """The letter in `language`. `unsubscribe` is the reader's unsubscribe address (None for
    a preview or a test)."""
    with translation.override(language):
        context = {
            "newsletter": newsletter,
            "items": [(item, absolute(item.get_absolute_url())) for item in items],
            "unsubscribe_url": unsubscribe,
            "subscribe_url": absolute(reverse("news:subscribe")),
            "news_url": absolute(reverse("news:item-list")),
            "site_url": settings.SITE_URL,
            "language": language,
        }
        subject = (
            newsletter.title_en if language == "en" and newsletter.title_en else newsletter.title_fr
        )
        return RenderedLetter(
            subject=subject,
            text=render_to_string("news/email/newsletter.txt", context),
            html=render_to_string("news/email/newsletter.html", context),
            body_html=render_to_string("news/email/_newsletter_body.html", context),
        )


def _message(newsletter, *, to, language, items, unsubscribe, connection):
    letter = newsletter_render(newsletter, language=language, items=items, unsubscribe=unsubscribe)
    headers = {}
    if unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(
        subject=letter.subject, body=letter.text, to=[to], headers=headers, connection=connection
    )
    message.attach_alternative(letter.html, "text/html")
    return message


def newsletter_send_test(*, newsletter, by):
    """Send the letter, in every language, to the coordinator `by` only."""
    _require_coordinator(by)
    if not by.email:
        raise ValidationError(_("Your account has no e-mail address to send the test to."))
    items = newsletter_items(newsletter)
    connection = get_connection()
    languages = [code for code, _name in settings.LANGUAGES]
    for language in languages:
        _message(
            newsletter,
            to=by.email,
            language=language,
            items=items,
            unsubscribe=None,
            connection=connection,
        ).send()
    return languages


# --- Sending ------------------------------------------------------------------------------------


@transaction.atomic
def newsletter_start_sending(*, newsletter, by):
    """Freeze the list of recipients (every confirmed subscriber now) and mark the letter as
    being sent. The messages go with newsletter_send_pending()."""
    _require_coordinator(by)
    newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    if newsletter.status != Newsletter.Status.DRAFT:
        raise ValidationError(_("This letter has already been sent, or is being sent."))
    if not newsletter.items.published().exists():
        raise ValidationError(_("The letter has no published news item: there is nothing to send."))
    NewsletterDelivery.objects.bulk_create(
        [
            NewsletterDelivery(
                newsletter=newsletter, subscriber=subscriber, language=subscriber.language
            )
            for subscriber in Subscriber.objects.confirmed().order_by("pk")
        ],
        ignore_conflicts=True,
    )
    newsletter.status = Newsletter.Status.SENDING
    newsletter.sending_started_at = timezone.now()
    newsletter.save(update_fields=["status", "sending_started_at"])
    return newsletter


def newsletter_send_pending(*, newsletter, limit=None, now=None):
    """Send the deliveries still to send (at most `limit`); return how many went.

    Deliberately not one transaction: each claim and each result is committed at once, so
    that what was sent stays known whatever happens to this process afterwards."""
    now = now or timezone.now()
    NewsletterDelivery.objects.filter(
        newsletter=newsletter, status=Delivery.SENDING, attempted_at__lt=now - CLAIM_EXPIRES_AFTER
    ).update(status=Delivery.INTERRUPTED, error=gettext("The sending process stopped."))
    pending = NewsletterDelivery.objects.filter(newsletter=newsletter, status=Delivery.PENDING)
    ids = list(pending.order_by("pk").values_list("pk", flat=True)[:limit])
    items = newsletter_items(newsletter) if ids else []
    connection = get_connection()
    sent = 0
    for delivery_id in ids:
        claimed = NewsletterDelivery.objects.filter(pk=delivery_id, status=Delivery.PENDING).update(
            status=Delivery.SENDING, attempted_at=timezone.now()
        )
        if not claimed:
            continue  # another process took it
        delivery = NewsletterDelivery.objects.select_related("subscriber").get(pk=delivery_id)
        subscriber = delivery.subscriber
        if subscriber is None or not subscriber.is_confirmed:
            _mark(delivery_id, Delivery.SKIPPED)
            continue
        message = _message(
            newsletter,
            to=subscriber.email,
            language=delivery.language,
            items=items,
            unsubscribe=unsubscribe_url(subscriber),
            connection=connection,
        )
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            # Refused by the mail server: not sent; shown in the admin, never retried blindly.
            _mark(delivery_id, Delivery.FAILED, error=str(error)[:300])
            continue
        _mark(delivery_id, Delivery.SENT, sent_at=timezone.now())
        sent += 1
    newsletter_finish_if_done(newsletter)
    return sent


def _mark(delivery_id, status, **fields):
    NewsletterDelivery.objects.filter(pk=delivery_id).update(status=status, **fields)


def newsletter_finish_if_done(newsletter):
    """Mark the letter sent once no delivery is left to send or being sent."""
    unfinished = NewsletterDelivery.objects.filter(
        newsletter=newsletter, status__in=[Delivery.PENDING, Delivery.SENDING]
    )
    if not unfinished.exists():
        finished = Newsletter.objects.filter(
            pk=newsletter.pk, status=Newsletter.Status.SENDING
        ).update(status=Newsletter.Status.SENT, sent_at=timezone.now())
        if finished:
            newsletter.status = Newsletter.Status.SENT


def newsletters_resume(*, limit=None):
    """Send what remains of every letter being sent (the cron job); return lines to print."""
    lines = []
    for newsletter in Newsletter.objects.filter(status=Newsletter.Status.SENDING).order_by("pk"):
        sent = newsletter_send_pending(newsletter=newsletter, limit=limit)
        lines.append(f"{newsletter}: {sent} sent")
    return lines


def progress(newsletters):
    """{newsletter pk: {status: count, "total": n}} for several letters, in one query."""
    counts = {}
    rows = (
        NewsletterDelivery.objects.filter(newsletter__in=newsletters)
        .values("newsletter", "status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        entry = counts.setdefault(row["newsletter"], {"total": 0})
        entry[row["status"]] = row["n"]
        entry["total"] += row["n"]
    return counts


def delivery_counts(newsletter):
    return NewsletterDelivery.objects.filter(newsletter=newsletter).aggregate(
        total=Count("pk"),
        **{status: Count("pk", filter=Q(status=status)) for status in Delivery.values},
    )
