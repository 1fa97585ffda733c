from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Model
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import proxies, throttle, translation_status
from .models import ContactMessage
from .tasks import queue_mail

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

_M = TypeVar("_M", bound=Model)


class ContactRateLimited(throttle.Throttled):
    """Counted from the kept messages (not the cache), so that it holds across cache loss."""

    message = _(
        "You have sent several messages in the last hour. Please try again later; "
        "your message has not been lost, it is still in the form below."
    )

    def __init__(self) -> None:
        super().__init__(throttle.CONTACT_PER_CLIENT)


def client_address(request: HttpRequest) -> str:
    """The client's address behind the trusted proxies (collectif/proxies.py)."""
    return proxies.client_address(request)


def sender_fingerprint(address: str) -> str:
    """A keyed hash: enough to count a sender's messages without keeping its address."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def contact_message_submit(
    *,
    name: str,
    email: str,
    subject: str,
    message: str,
    organisation: str = "",
    language: str,
    sender_address: str,
) -> ContactMessage:
    """Keep the message, then mail it to the coordination (reply goes to the sender)."""
    fingerprint = sender_fingerprint(sender_address)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    recent = ContactMessage.objects.filter(sender_hash=fingerprint, created_at__gte=an_hour_ago)
    if recent.count() >= throttle.CONTACT_PER_CLIENT.count:
        raise ContactRateLimited
    contact = ContactMessage.objects.create(
        name=name,
        email=email,
        organisation=organisation,
        subject=subject,
        message=message,
        language=language,
        sender_hash=fingerprint,
    )
    # The coordination reads French, whatever the visitor's language.
    with translation.override("fr"):
        body = render_to_string("collectif/email/contact_message.txt", {"contact": contact})
    mail = EmailMessage(
        subject=f"[contrelatraite] {subject}",
        body=body,
        to=[settings.COORDINATION_EMAIL],
        reply_to=[email],
    )
    transaction.on_commit(lambda: queue_mail(mail))
    return contact


@transaction.atomic
def translation_submit(
    *,
    instance: _M,
    texts: Mapping[str, str],
    confirmed: Iterable[str] = (),
    language: str = "en",
    by: User | None = None,
) -> _M:
    """Save translations of a record's texts: `texts` maps field names to their new text in
    `language`; `confirmed` names the fields whose translation, unchanged, was checked to still
    match the source. Both count as translated now."""

    allowed = set(translation_status.tracked_fields(type(instance)))
    unknown = (set(texts) | set(confirmed)) - allowed
    if unknown:
        raise ValueError(f"Not translated fields of {type(instance).__name__}: {sorted(unknown)}")
    for name, text in texts.items():
        setattr(instance, build_localized_fieldname(name, language), text.strip())
    changes = translation_status.pending_changes(instance)
    if changes:
        if by is not None:
            # The author simple_history records; not every translated model declares it.
            instance._history_user = by  # type: ignore[attr-defined]
        instance.save()  # records the changes' dates
    for name in confirmed:
        if (name, language) not in changes:
            translation_status.confirm_current(instance, name, language)
    return instance
