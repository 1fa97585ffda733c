"""Reminders: the way any app sends one only once, and the run of every app's reminders.

`manage.py send_reminders` runs, in order, the functions the apps register in
`registry.reminders` (in their contributions.py). Each is called as `function(today=date)` and
returns the lines to print, one per reminder sent. To send a reminder, call
`send_once(kind=…, subject=obj, due_on=…, send=callable)`: the reminder is recorded under
(kind, object, due date) in the same transaction as the sending, so that it goes once however
often the command runs; `send` returns the recipients' addresses.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from . import registry
from .models import ReminderSent
from .permissions import coordination_recipients
from .tasks import queue_mail


def run_all(*, today):
    lines = []
    for reminder in registry.reminders:
        lines += reminder(today=today) or []
    return lines


def already_sent(*, kind, subject, due_on):
    return ReminderSent.objects.filter(
        kind=kind,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        due_on=due_on,
    ).exists()


def send_once(*, kind, subject, due_on, send):
    """Call `send()` unless this reminder already went; return whether it was sent now."""
    if already_sent(kind=kind, subject=subject, due_on=due_on):
        return False
    try:
        with transaction.atomic():
            record = ReminderSent.objects.create(
                kind=kind,
                content_type=ContentType.objects.get_for_model(subject),
                object_id=subject.pk,
                due_on=due_on,
                recipients="",
            )
            # Recorded with its mail's task (same transaction with the database back-end):
            # queued once; a mail server down is the task's retries' business.
            record.recipients = ", ".join(send())
            record.save(update_fields=["recipients"])
    except IntegrityError:
        return False  # another run recorded it first
    return True


def mail_coordinators(*, subject, template, context):
    """Send one mail, in the admin's language, to the coordination; return its recipients."""
    recipients = coordination_recipients()
    with translation.override(settings.ADMIN_LANGUAGE_CODE):
        body = render_to_string(template, context)
        mail = EmailMessage(subject=f"[contrelatraite] {subject}", body=body, to=recipients)
    queue_mail(mail)
    return recipients
