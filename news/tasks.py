"""The newsletter's sending, run by a worker."""

from django.conf import settings
from django_tasks import task

from . import newsletter as mailing
from .models import Newsletter, NewsletterDelivery


@task()
def send_newsletter_task(*, newsletter_id):
    """Send what remains of this letter, batch after batch. Several such tasks may run at once
    (the letter sent again from the admin, the cron's resume): each delivery is claimed before
    its message goes, so none goes twice."""
    newsletter = Newsletter.objects.filter(
        pk=newsletter_id, status=Newsletter.Status.SENDING
    ).first()
    if newsletter is None:
        return 0
    pending = NewsletterDelivery.objects.filter(
        newsletter=newsletter, status=NewsletterDelivery.Status.PENDING
    )
    total = 0
    while pending.exists():
        total += mailing.newsletter_send_pending(
            newsletter=newsletter, limit=settings.NEWSLETTER_BATCH_SIZE
        )
    return total
