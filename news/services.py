"""Everything that changes a news item: members propose, coordinators publish.

    draft ──submit──▶ submitted ──publish──▶ published ──unpublish──▶ draft
      ▲                  │
      │               return (with a reason)
      │                  ▼
      └──(edited)──── returned ──submit (again)──▶ submitted …

Submitting, returning and publishing mail the people concerned (notify=False for the demo).
A representative creates initiatives for an organisation it represents, edits them while they
are drafts or returned, and submits them; coordinators edit anything, publish, return with a
reason and unpublish. The collective's own news (no proposer) goes from draft to published.
Every change of status is kept as a NewsItemTransition: from, to, who, when, why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from collectif import locking
from collectif.permissions import coordination_recipients, is_coordinator
from collectif.tasks import queue_mail
from members.capabilities import Capability
from members.models import Organisation

from .models import NewsItem, NewsItemTransition

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django_stubs_ext import StrPromise

    from collectif.models import Theme

Status = NewsItem.Status

# Fields a representative may write; coordinators write the same in the admin.
CONTENT_FIELDS = {
    f"{name}_{code}"
    for name in ("title", "summary", "body", "image_alt", "link", "link_label")
    for code in ("fr", "en")
} | {"kind", "event_start", "event_end", "event_place", "image"}
# The source text: every item has them, whatever its other languages.
REQUIRED_FRENCH = ("title_fr", "summary_fr")


# --- Who may do what --------------------------------------------------------------------------


def represents(user: User | AnonymousUser, organisation: Organisation | None) -> bool:
    return (
        organisation is not None
        and user.is_authenticated
        and Organisation.objects.represented_by(user).filter(pk=organisation.pk).exists()
    )


def can_edit(user: User | AnonymousUser, item: NewsItem) -> bool:
    """Coordinators always; the proposer's representatives while it is a draft or returned."""
    if is_coordinator(user):
        return True
    return item.editable_by_proposer and represents(user, item.proposer)


def _require_edit(user: User | AnonymousUser, item: NewsItem) -> None:
    if is_coordinator(user):
        return
    if not represents(user, item.proposer):
        raise PermissionDenied(_("Only the representatives of its proposer may change this item."))
    if not item.editable_by_proposer:
        raise PermissionDenied(
            _("This item is %(status)s: only the coordinators can change it now.")
            % {"status": item.get_status_display()}
        )


def _require_coordinator(user: User | AnonymousUser) -> None:
    if not is_coordinator(user):
        raise PermissionDenied(_("Only the coordinators may do this."))


def _require_status(item: NewsItem, *allowed: str) -> None:
    if item.status not in allowed:
        raise ValidationError(
            _("This item is %(status)s: this change is not possible from there."),
            code="wrong_status",
            params={"status": item.get_status_display()},
        )


# --- Saving -----------------------------------------------------------------------------------


def _unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:100].strip("-") or "actualite"
    slug, number = base, 1
    others = NewsItem.objects.exclude(pk=exclude_pk) if exclude_pk else NewsItem.objects.all()
    while others.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _validate(item: NewsItem) -> None:
    if item.event_end and not item.event_start:
        raise ValidationError(
            {"event_start": _("An event that ends must start: give its start too.")}
        )
    if item.event_end and item.event_start and item.event_end < item.event_start:
        raise ValidationError({"event_end": _("The event cannot end before it starts.")})
    if item.event_place and not item.event_start:
        raise ValidationError({"event_start": _("Give the date of the event at this place.")})


def _save(item: NewsItem, *, by: User) -> NewsItem:
    """Save with the history's author (the translations' dates follow by themselves)."""
    _validate(item)
    item._history_user = by
    item.save()
    return item


def _transition(item: NewsItem, *, to_status: str, by: User, reason: str = "") -> None:
    NewsItemTransition.objects.create(
        item=item, from_status=item.status, to_status=to_status, by=by, reason=reason
    )
    item.status = to_status


# --- Writing ----------------------------------------------------------------------------------


def _require_french(values: Mapping[str, Any]) -> None:
    """Refuse an item without its French title or summary, on the field that is missing (the
    member area shows the error beside it)."""
    required = forms.Field.default_error_messages["required"]
    missing = {
        name: ValidationError(required, code="required")
        for name in REQUIRED_FRENCH
        if not values.get(name)
    }
    if missing:
        raise ValidationError(missing)


@transaction.atomic
def news_item_create(
    *,
    by: User,
    proposer: Organisation | None = None,
    themes: Iterable[Theme] = (),
    organisations: Iterable[Organisation] = (),
    status: str = Status.DRAFT,
    **fields: Any,
) -> NewsItem:
    """A new item, as a draft. With a proposer (an organisation `by` represents), it is that
    member's initiative; without, the collective's own news (coordinators only)."""
    unknown = set(fields) - CONTENT_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if proposer is None:
        _require_coordinator(by)
    elif not is_coordinator(by):
        if not represents(by, proposer):
            raise PermissionDenied(_("You may propose initiatives only for your organisation."))
        if not proposer.can(Capability.TAKE_PART):
            raise PermissionDenied(proposer.refusal_reason(Capability.TAKE_PART))
        if fields.get("kind") not in NewsItem.INITIATIVE_KINDS:
            raise ValidationError(
                {"kind": _("Members propose initiatives, not the collective's news.")}
            )
    _require_french(fields)
    item = NewsItem(proposer=proposer, created_by=by, status=Status.DRAFT, **fields)
    item.slug = _unique_slug(fields["title_fr"])
    _save(item, by=by)
    NewsItemTransition.objects.create(item=item, from_status="", to_status=Status.DRAFT, by=by)
    item.themes.set(themes)
    item.organisations.set({*organisations, *([proposer] if proposer else [])})
    return item


@transaction.atomic
def news_item_update(
    *,
    item: NewsItem,
    by: User,
    themes: Iterable[Theme] | None = None,
    organisations: Iterable[Organisation] | None = None,
    version: int | None = None,
    **fields: Any,
) -> NewsItem:
    """Change the content of an item: its proposer's representatives while it is a draft or
    returned, coordinators always (a published item changes only through them). With
    `version` (the one the form was loaded with), refused with locking.StaleRecord if someone
    else changed the item since."""
    _require_edit(by, item)
    unknown = set(fields) - CONTENT_FIELDS
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if not is_coordinator(by) and fields.get("kind", item.kind) not in NewsItem.INITIATIVE_KINDS:
        raise ValidationError(
            {"kind": _("Members propose initiatives, not the collective's news.")}
        )
    if version is not None:
        locking.claim(item, version)
    for name, value in fields.items():
        setattr(item, name, value)
    _require_french({name: getattr(item, name) for name in REQUIRED_FRENCH})
    _save(item, by=by)
    if themes is not None:
        item.themes.set(themes)
    if organisations is not None:
        item.organisations.set({*organisations, *([item.proposer] if item.proposer else [])})
    return item


@transaction.atomic
def news_item_admin_save(*, item: NewsItem, by: User, created: bool) -> NewsItem:
    """Save an item edited in the admin (coordinators only), recording its creation as the
    first step of its story. Its status changes through the review page, never the form."""
    _require_coordinator(by)
    if created:
        item.created_by = by
        item.status = Status.DRAFT
    _save(item, by=by)
    if created:
        NewsItemTransition.objects.create(item=item, from_status="", to_status=Status.DRAFT, by=by)
    return item


@transaction.atomic
def news_item_include_proposer(*, item: NewsItem) -> None:
    """The proposer is always among the organisations behind its initiative."""
    if item.proposer_id:
        item.organisations.add(item.proposer_id)


@transaction.atomic
def news_submit(*, item: NewsItem, by: User, notify: bool = True) -> NewsItem:
    """The proposer asks the coordinators to publish its initiative (again, once returned)."""
    _require_edit(by, item)
    if item.proposer is None:
        raise ValidationError(
            _("The collective's own news is published directly, not submitted."),
            code="no_proposer",
        )
    _require_status(item, Status.DRAFT, Status.RETURNED)
    _transition(item, to_status=Status.SUBMITTED, by=by)
    _save(item, by=by)
    if notify:
        transaction.on_commit(lambda: _notify_coordinators(item))
    return item


@transaction.atomic
def news_return(
    *,
    item: NewsItem,
    by: User,
    reason: str | None,
    notify: bool = True,
    version: int | None = None,
) -> NewsItem:
    """Send a submitted initiative back to its proposer, saying what to change. With
    `version` (the one the review page showed), refused like news_item_update if the item
    changed since: the decision was made on what was shown."""
    _require_coordinator(by)
    _require_status(item, Status.SUBMITTED)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Say what the proposer should change: it sees this reason.")}
        )
    if version is not None:
        locking.claim(item, version)
    _transition(item, to_status=Status.RETURNED, by=by, reason=reason)
    _save(item, by=by)
    if notify:
        transaction.on_commit(lambda: _notify_proposer(item, RETURNED_MAIL))
    return item


@transaction.atomic
def news_publish(
    *,
    item: NewsItem,
    by: User,
    when: datetime | None = None,
    notify: bool = True,
    version: int | None = None,
) -> NewsItem:
    """Publish a submitted initiative, or the collective's own news from its draft. With
    `version`, refused like news_return if the item changed since the review page showed it."""
    _require_coordinator(by)
    if item.proposer is None:
        _require_status(item, Status.DRAFT, Status.SUBMITTED)
    else:
        # A member's draft is not offered yet; a returned one waits for its corrections.
        _require_status(item, Status.SUBMITTED)
    if version is not None:
        locking.claim(item, version)
    _transition(item, to_status=Status.PUBLISHED, by=by)
    item.published_at = when or item.published_at or timezone.now()
    _save(item, by=by)
    if notify and item.proposer is not None:
        transaction.on_commit(lambda: _notify_proposer(item, PUBLISHED_MAIL))
    return item


@transaction.atomic
def news_unpublish(
    *, item: NewsItem, by: User, reason: str | None, version: int | None = None
) -> NewsItem:
    """Take a published item off the site (back to a draft), saying why. With `version`,
    refused like news_return if the item changed since the review page showed it."""
    _require_coordinator(by)
    _require_status(item, Status.PUBLISHED)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the item is taken off the site.")})
    if version is not None:
        locking.claim(item, version)
    _transition(item, to_status=Status.DRAFT, by=by, reason=reason)
    _save(item, by=by)
    return item


# --- Notifications ----------------------------------------------------------------------------


def _notify_coordinators(item: NewsItem) -> None:
    with translation.override(settings.ADMIN_LANGUAGE_CODE):
        subject = gettext("Initiative to review: %(title)s") % {"title": item.title_fr}
        body = render_to_string(
            "news/email/submitted.txt", {"item": item, "site_url": settings.SITE_URL}
        )
    queue_mail(
        EmailMessage(subject=f"[contrelatraite] {subject}", body=body, to=coordination_recipients())
    )


RETURNED_MAIL = ("news/email/returned.txt", _("Your initiative is returned to you: %(title)s"))
PUBLISHED_MAIL = ("news/email/published.txt", _("Your initiative is published: %(title)s"))


def _notify_proposer(item: NewsItem, mail: tuple[str, StrPromise]) -> None:
    template, subject = mail
    recipients = list(
        # Only initiatives, which have a proposer, are returned or published with a mail.
        item.proposer.representatives.filter(is_active=True)  # type: ignore[union-attr]
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    # The member area speaks French first; representatives read both languages.
    with translation.override(settings.LANGUAGE_CODE):
        reason = item.transitions.order_by("-at", "-pk").values_list("reason", flat=True).first()
        body = render_to_string(
            template, {"item": item, "reason": reason, "site_url": settings.SITE_URL}
        )
        subject = str(subject) % {"title": item.title_fr}
    queue_mail(EmailMessage(subject=f"[contrelatraite] {subject}", body=body, to=recipients))
