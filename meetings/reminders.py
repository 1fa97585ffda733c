"""Action-item reminders for `manage.py send_reminders` (registered in meetings/contributions.py).

Each open item owned by an organisation is recalled to that organisation twice at most: once
when it falls due within a week, once when it is overdue (and again only if its due date
moves). The items an organisation has to be reminded of go in one digest per contact (its
public contact and each representative, each in its own language), not one mail per item.
Items for the coordination go in one digest to the coordinators. Items asked of every member
are followed by the coordination and are not sent to every organisation."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from collectif.collation import collated
from collectif.models import ReminderSent
from collectif.permissions import coordination_recipients
from collectif.tasks import queue_mail
from members.models import Organisation

from .models import ActionItem, ReaderSettings

DUE_SOON_DAYS = 7
DUE_SOON = "action-item-due-soon"
OVERDUE = "action-item-overdue"


def _kind(kind, owner_key):
    return f"{kind}/{owner_key}"


def _pending(items, *, owner_key, today):
    """(kind, item) pairs not reminded yet to this owner."""
    content_type = ContentType.objects.get_for_model(ActionItem)
    kinds = [_kind(DUE_SOON, owner_key), _kind(OVERDUE, owner_key)]
    sent = set(
        ReminderSent.objects.filter(
            content_type=content_type, kind__in=kinds, object_id__in=[i.pk for i in items]
        ).values_list("kind", "object_id", "due_on")
    )
    pending = []
    for item in items:
        kind = OVERDUE if item.due_on < today else DUE_SOON
        if (_kind(kind, owner_key), item.pk, item.due_on) not in sent:
            pending.append((kind, item))
    return pending


def _recipients(organisation):
    """(address, language) of each contact of an organisation, each address once."""
    found = {}
    if organisation.contact_email:
        found[organisation.contact_email.lower()] = (organisation.contact_email, "fr")
    for user in organisation.representatives.all():
        if user.is_active and user.email and user.email.lower() not in found:
            found[user.email.lower()] = (user.email, ReaderSettings.mail_language(user))
    return list(found.values())


def _digest(*, address, language, owner_name, pending, today):
    with translation.override(language):
        context = {
            "owner": owner_name,
            "overdue": [item for kind, item in pending if kind == OVERDUE],
            "due_soon": [item for kind, item in pending if kind == DUE_SOON],
            "today": today,
            "url": settings.SITE_URL + reverse("meetings-portal:action-items"),
        }
        subject = gettext("Action items to follow up: %(owner)s") % {"owner": owner_name}
        body = render_to_string("meetings/email/action_items_digest.txt", context)
    return EmailMessage(subject=f"[contrelatraite] {subject}", body=body, to=[address])


def _send_digest(*, owner_key, owner_name, recipients, pending, today):
    content_type = ContentType.objects.get_for_model(ActionItem)
    with transaction.atomic():
        # Recorded with the mails' tasks: queued once, retried by the tasks if a mail fails.
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(
                    kind=_kind(kind, owner_key),
                    content_type=content_type,
                    object_id=item.pk,
                    due_on=item.due_on,
                    recipients=", ".join(address for address, _language in recipients),
                )
                for kind, item in pending
            ]
        )
        for address, language in recipients:
            queue_mail(
                _digest(
                    address=address,
                    language=language,
                    owner_name=owner_name,
                    pending=pending,
                    today=today,
                )
            )


def action_item_reminders(*, today):
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    items = list(
        ActionItem.objects.open()
        .filter(due_on__lte=horizon)
        .select_related("meeting", "agenda_item")
        .prefetch_related("organisations")
        .order_by("due_on", "pk")
    )
    lines = []
    by_organisation = {}
    for item in items:
        for organisation in item.organisations.all():
            by_organisation.setdefault(organisation.pk, []).append(item)
    organisations = Organisation.objects.filter(pk__in=by_organisation).prefetch_related(
        "representatives__meeting_settings"
    )
    for organisation in organisations.order_by(collated("name"), "pk"):
        owner_key = f"organisation-{organisation.pk}"
        pending = _pending(by_organisation[organisation.pk], owner_key=owner_key, today=today)
        recipients = _recipients(organisation)
        if not pending or not recipients:
            continue
        _send_digest(
            owner_key=owner_key,
            owner_name=str(organisation),
            recipients=recipients,
            pending=pending,
            today=today,
        )
        lines.append(f"action items: {organisation} ({len(pending)} item(s))")
    coordination_items = [item for item in items if item.for_coordination]
    pending = _pending(coordination_items, owner_key="coordination", today=today)
    if pending:
        recipients = [
            (address, settings.ADMIN_LANGUAGE_CODE) for address in coordination_recipients()
        ]
        with translation.override(settings.ADMIN_LANGUAGE_CODE):
            owner_name = gettext("the coordination")
        _send_digest(
            owner_key="coordination",
            owner_name=owner_name,
            recipients=recipients,
            pending=pending,
            today=today,
        )
        lines.append(f"action items: coordination ({len(pending)} item(s))")
    return lines
