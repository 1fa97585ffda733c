"""Limits on what makes the site send mail, per client and per recipient.

Each limit counts hits in the shared cache over a fixed window that starts at the first hit
(Redis in production, so that every worker counts together). A refused request gets its form
back with status 429, the reason in the visitor's language and `Retry-After`
(`refused_response`); nothing typed is lost.

Recipients are counted by mailbox: `victim+1@example.org` and `Victim+2@example.org` are the
same person's inbox, and one limit covers them all."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Limit:
    scope: str
    setting: str  # the name of the setting holding (count, seconds)

    @property
    def count(self):
        return getattr(settings, self.setting)[0]

    @property
    def seconds(self):
        return getattr(settings, self.setting)[1]


NEWSLETTER_PER_CLIENT = Limit("newsletter-client", "THROTTLE_NEWSLETTER_PER_CLIENT")
PASSWORD_RESET_PER_CLIENT = Limit("reset-client", "THROTTLE_PASSWORD_RESET_PER_CLIENT")
MAIL_PER_RECIPIENT = Limit("recipient", "THROTTLE_MAIL_PER_RECIPIENT")
CONTACT_FOR_EVERYONE = Limit("contact-all", "THROTTLE_CONTACT_FOR_EVERYONE")
# Counted from the messages kept (collectif.services.ContactRateLimited).
CONTACT_PER_CLIENT = Limit("contact-client", "THROTTLE_CONTACT_PER_CLIENT")


class Throttled(Exception):
    message = _(
        "Too many requests of this kind have come in a short time. Please try again later: "
        "what you typed is still in the form below."
    )

    def __init__(self, limit):
        super().__init__(limit.scope)
        self.limit = limit


def mailbox(address):
    """The inbox an address reaches: case folded, sub-address (`+tag`) dropped."""
    local, _at, domain = address.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def _key(limit, key):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()[:32]
    return f"throttle:{limit.scope}:{digest}"


def hit(limit, key=""):
    """Count one hit; raise Throttled once the window holds more than the limit."""
    cache_key = _key(limit, key)
    if cache.add(cache_key, 1, timeout=limit.seconds):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout=limit.seconds)
            count = 1
    if count > limit.count:
        raise Throttled(limit)


def refused_response(view, form, error):
    """The form again, its data kept, with the reason: status 429 and Retry-After."""
    form.add_error(None, error.message)
    response = view.form_invalid(form)
    response.status_code = 429
    response["Retry-After"] = str(error.limit.seconds)
    return response


def reached(limit, key=""):
    """Whether the window already holds the limit's count (checked before trying again)."""
    return (cache.get(_key(limit, key)) or 0) >= limit.count


def reset(limit, key=""):
    cache.delete(_key(limit, key))
