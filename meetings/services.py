from __future__ import annotations

import logging
import secrets
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from collectif import locking
from collectif.permissions import is_coordinator
from collectif.tasks import enqueue_on_commit
from members.capabilities import Capability
from members.models import Organisation

from . import pdf, selectors
from .models import ActionItem, Delegation, Meeting, MinutesSending, ReaderSettings

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)


class ActionItemNotYours(PermissionDenied):
    message = _("Only the organisations responsible for this item, or the coordination, close it.")


def delegation_validate(*, organisation: Organisation) -> None:
    """An organisation is sent only if the single rule lets it represent the collective."""
    reason = organisation.refusal_reason(Capability.REPRESENT)
    if reason:
        raise ValidationError(reason, code="cannot_represent")


@transaction.atomic
def delegation_add(*, meeting: Meeting, organisation: Organisation) -> Delegation:
    delegation_validate(organisation=organisation)
    delegation, created = Delegation.objects.get_or_create(
        meeting=meeting, organisation=organisation
    )
    if created:
        locking.bump(Meeting, meeting.pk)
    return delegation


def may_close(*, item: ActionItem, user: User) -> bool:
    if is_coordinator(user):
        return True
    if item.pk is None or (item.for_every_member and not item.organisations.exists()):
        return False
    return item.organisations.filter(pk__in=Organisation.objects.represented_by(user)).exists()


def _check_may_close(*, item: ActionItem, by: User, status: str) -> None:
    if status not in (ActionItem.Status.DONE, ActionItem.Status.DROPPED):
        raise ValueError(status)
    if not may_close(item=item, user=by):
        raise ActionItemNotYours(ActionItemNotYours.message)
    if status == ActionItem.Status.DROPPED and not is_coordinator(by):
        raise PermissionDenied(_("Only the coordination drops an action item."))


def _check_may_reopen(*, by: User) -> None:
    if not is_coordinator(by):
        raise PermissionDenied(_("Only the coordination reopens an action item."))


def _mark_closed(item: ActionItem, *, status: str, by: User, on: date | None = None) -> None:
    item.status = status
    item.done_on = on or timezone.localdate()
    item.closed_by = by


def _mark_open(item: ActionItem) -> None:
    item.status = ActionItem.Status.OPEN
    item.done_on = None
    item.closed_by = None


@transaction.atomic
def action_item_close(
    *,
    item: ActionItem,
    by: User,
    status: str = ActionItem.Status.DONE,
    comment: str = "",
    on: date | None = None,
) -> ActionItem:
    """Mark an item done (or dropped, for coordinators), with the date and a comment."""
    _check_may_close(item=item, by=by, status=status)
    if not item.is_open:
        raise ValidationError(_("This action item is already closed."), code="closed")
    _mark_closed(item, status=status, by=by, on=on)
    if comment:
        item.comment = comment
    item.save(update_fields=["status", "done_on", "closed_by", "comment"])
    # A coordinator with the meeting's page open must not put the item back as it was.
    locking.bump(Meeting, item.meeting_id)
    return item


@transaction.atomic
def action_item_reopen(*, item: ActionItem, by: User) -> ActionItem:
    _check_may_reopen(by=by)
    _mark_open(item)
    item.save(update_fields=["status", "done_on", "closed_by"])
    locking.bump(Meeting, item.meeting_id)
    return item


@transaction.atomic
def action_item_save(*, item: ActionItem, by: User) -> ActionItem:
    """Save an action item edited whole (the admin's forms, whose status field may close or
    reopen it): a change of status follows the rules of action_item_close and
    action_item_reopen, so that who closed it is recorded, and reopening clears it. The
    date it was closed on may be given (`item.done_on`), else it is today."""
    stored = (
        None
        if item._state.adding
        else ActionItem._base_manager.filter(pk=item.pk).values_list("status", flat=True).first()
    )
    if item.status == ActionItem.Status.OPEN:
        if stored not in (None, ActionItem.Status.OPEN):
            _check_may_reopen(by=by)
        _mark_open(item)
    elif item.status != stored:
        _check_may_close(item=item, by=by, status=item.status)
        _mark_closed(item, status=item.status, by=by, on=item.done_on)
    elif item.done_on is None:
        item.done_on = timezone.localdate()
    item.save()
    locking.bump(Meeting, item.meeting_id)
    return item


@transaction.atomic
def meeting_approve_minutes(
    *, meeting: Meeting, on: date, at_meeting: Meeting | None = None
) -> Meeting:
    if at_meeting is not None and at_meeting.start <= meeting.start:
        raise ValidationError(
            _("Minutes are approved at a later meeting than the one they record."), code="order"
        )
    meeting.minutes_approved_on = on
    meeting.minutes_approved_at = at_meeting
    meeting.save(update_fields=["minutes_approved_on", "minutes_approved_at", "updated_at"])
    return meeting


@transaction.atomic
def meeting_duplicate_for_next_plenary(*, meeting: Meeting, start: datetime) -> Meeting:
    """A new planned meeting with the same kind, titles, place, length and agenda headings:
    the collective's plenaries follow the same order of business from one to the next."""
    if start <= meeting.start:
        raise ValidationError(_("The next meeting must start after this one."), code="order")
    length = (meeting.end - meeting.start) if meeting.end else None
    copy_fields = ["kind", "place_name", "place_address", "room", "visibility", "signed_by"]
    copy_fields += [f"title_{code}" for code, _name in settings.LANGUAGES]
    new = Meeting.objects.create(
        **{name: getattr(meeting, name) for name in copy_fields},
        start=start,
        end=start + length if length else None,
        status=Meeting.Status.PLANNED,
    )
    for item in meeting.agenda_items.all():
        new.agenda_items.create(
            position=item.position,
            **{f"title_{code}": getattr(item, f"title_{code}") for code, _n in settings.LANGUAGES},
        )
    return new


def minutes_recipients() -> list[tuple[User, str]]:
    """Every active representative of an organisation that receives the minutes, with an
    e-mail address, each once, with the language it reads its mail in."""
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            organisations__in=Organisation.objects.with_capability(Capability.RECEIVE_MINUTES),
        )
        .exclude(email="")
        .select_related("meeting_settings")
        .distinct()
        .order_by("email")
    )
    seen, recipients = set(), []
    for user in users:
        if user.email.lower() in seen:
            continue
        seen.add(user.email.lower())
        recipients.append((user, ReaderSettings.mail_language(user)))
    return recipients


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


@transaction.atomic
def meeting_send_minutes(*, meeting: Meeting, by: User) -> list[MinutesSending]:
    """Record one sending of the minutes per representative and hand them to a worker
    (`meetings.tasks.send_minutes_task`), which writes and mails each in its reader's
    language, with the PDF. Returns the sendings."""
    recipients = minutes_recipients()
    if not recipients:
        raise ValidationError(_("No representative with an e-mail address to send to."))
    sendings = MinutesSending.objects.bulk_create(
        [
            MinutesSending(
                meeting=meeting,
                recipient=user,
                email=user.email,
                language=language,
                sent_by=by,
                minutes_were_draft=meeting.minutes_are_draft,
            )
            for user, language in recipients
        ]
    )
    ids = [sending.pk for sending in sendings]
    if None in ids:  # a database that returns no keys from bulk_create
        ids = list(
            MinutesSending.objects.filter(meeting=meeting, delivered_at=None, claimed_at=None)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    from .tasks import send_minutes_task  # the tasks import these services

    enqueue_on_commit(send_minutes_task, sending_ids=ids)
    return sendings


def minutes_deliver(sending_id: int) -> bool:
    """Write and mail one sending of the minutes, unless it was claimed already; return
    whether it went. Claimed first and marked after, each step committed on its own: a
    worker killed in between leaves it claimed and never mails it twice."""
    claimed = MinutesSending.objects.filter(pk=sending_id, claimed_at=None).update(
        claimed_at=timezone.now()
    )
    if not claimed:
        return False
    sending = MinutesSending.objects.select_related("meeting", "recipient").get(pk=sending_id)
    meeting, user = sending.meeting, sending.recipient
    if user is None or not user.is_active:
        return False
    with_pdf = pdf.available()
    if not with_pdf:
        logger.warning(
            "Minutes of meeting %s sent without their PDF (WeasyPrint missing)", meeting.pk
        )
    with translation.override(sending.language):
        minutes = selectors.minutes_for(meeting, reader=selectors.Reader.of(user))
        context = {
            "minutes": minutes,
            "meeting": meeting,
            "recipient": user,
            "url": _absolute(meeting.get_absolute_url()),
            "site_url": settings.SITE_URL,
            "pdf_attached": with_pdf,
        }
        subject = gettext("Minutes: %(meeting)s") % {"meeting": minutes.title}
        text = render_to_string("meetings/email/minutes.txt", context)
        html = render_to_string("meetings/email/minutes.html", context)
        # The same document as the member area's download, as this recipient reads it.
        attachment = (pdf.filename(meeting), pdf.render(minutes)) if with_pdf else None
    mail = EmailMultiAlternatives(
        subject=f"[contrelatraite] {subject}", body=text, to=[sending.email]
    )
    mail.attach_alternative(html, "text/html")
    if attachment:
        mail.attach(*attachment, "application/pdf")
    mail.send(fail_silently=False)
    MinutesSending.objects.filter(pk=sending_id).update(delivered_at=timezone.now())
    return True


def reader_settings(user: User) -> ReaderSettings:
    settings_row, _created = ReaderSettings.objects.get_or_create(user=user)
    return settings_row


@transaction.atomic
def reader_set_language(*, user: User, language: str) -> ReaderSettings:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown language."), code="language")
    row = reader_settings(user)
    row.language = language
    row.save(update_fields=["language"])
    return row


@transaction.atomic
def calendar_feed_renew(*, user: User) -> ReaderSettings:
    """Give the user a new secret feed address; the previous one stops working at once."""
    row = reader_settings(user)
    row.calendar_token = secrets.token_urlsafe(32)
    row.calendar_token_created_at = timezone.now()
    row.save(update_fields=["calendar_token", "calendar_token_created_at"])
    return row


def calendar_feed_url(row: ReaderSettings, language: str) -> str:
    if not row.calendar_token:
        return ""
    with translation.override(language):
        return reverse("meetings:personal-feed", kwargs={"token": row.calendar_token})


def default_next_plenary_start(meeting: Meeting) -> datetime:
    """Five weeks later at the same time: the usual rhythm of the plenaries, to be adjusted."""
    return meeting.start + timedelta(weeks=5)
