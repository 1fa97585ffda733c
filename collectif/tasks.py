"""Mail and slow work as tasks of Django's Tasks framework (`django_tasks`, the backport of
Django 6's `django.tasks`: moving to Django 6 changes the import only).

No request waits for a mail server: `queue_mail()` turns a built message into a task whose
arguments are plain JSON, and a worker sends it (`manage.py db_worker` with the database
back-end, `manage.py rqworker` with RQ; settings TASKS_BACKEND). The framework has no retries:
`retrying` adds them, each new attempt a new task that waits twice as long as the one before.
"""

import base64
import functools
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)


def retrying(*, max_attempts=None, **task_options):
    """Like `@task`, with retries: when the function raises, the same task is enqueued again
    (same arguments, `attempt` one more) to run after TASK_RETRY_SECONDS × 2^(attempt - 1);
    the last attempt's failure is recorded as the task's failure, which coordinators see in
    the admin. A back-end that cannot defer (the immediate one) fails at once."""

    def decorate(func):
        @functools.wraps(func)
        def run(*args, attempt=1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception:
                limit = max_attempts or settings.TASK_MAX_ATTEMPTS
                if attempt >= limit or not the_task.get_backend().supports_defer:
                    raise
                delay = settings.TASK_RETRY_SECONDS * 2 ** (attempt - 1)
                retry = the_task.using(run_after=timezone.now() + timedelta(seconds=delay))
                result = retry.enqueue(*args, attempt=attempt + 1, **kwargs)
                logger.warning(
                    "Task %s failed (attempt %s of %s); again in %s s as %s",
                    the_task.name,
                    attempt,
                    limit,
                    delay,
                    result.id,
                    exc_info=True,
                )
                return {"failed_attempt": attempt, "retry": str(result.id), "after": delay}

        the_task = task(**task_options)(run)
        return the_task

    return decorate


def _serialised(message):
    html = [
        content
        for content, mimetype in getattr(message, "alternatives", [])
        if mimetype == "text/html"
    ]
    attachments = []
    for filename, content, mimetype in message.attachments:
        data = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(data).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "from_email": message.from_email,
        "headers": dict(message.extra_headers),
        "html": html[0] if html else None,
        "attachments": attachments,
    }


def enqueue_on_commit(the_task, **kwargs):
    """Enqueue as part of the current transaction: a rolled-back change queues nothing, and
    no worker looks for rows not committed yet. The database back-end writes the task in the
    transaction itself, and the immediate one runs it at once (as the request did before);
    another (RQ) is given the task once the transaction commits (then None is returned)."""
    backend = the_task.get_backend()
    if isinstance(backend, DatabaseBackend | ImmediateBackend):
        return the_task.enqueue(**kwargs)
    transaction.on_commit(lambda: the_task.enqueue(**kwargs))
    return None


def queue_mail(message):
    """Have a worker send this EmailMessage (its task's arguments hold the whole message)."""
    return enqueue_on_commit(send_mail_task, **_serialised(message))


@retrying()
def send_mail_task(
    *,
    subject,
    body,
    to,
    cc=(),
    bcc=(),
    reply_to=(),
    from_email=None,
    headers=None,
    html=None,
    attachments=(),
):
    """Send one message; its arguments are what `queue_mail()` took from an EmailMessage."""
    message_class = EmailMultiAlternatives if html else EmailMessage
    message = message_class(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        headers=headers or {},
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, data, mimetype in attachments:
        message.attach(filename, base64.b64decode(data), mimetype)
    message.send(fail_silently=False)
    return {"to": len(to) + len(cc) + len(bcc)}
