from django.core.management.base import BaseCommand

from news import newsletter
from news.models import Newsletter
from news.tasks import send_newsletter_task


class Command(BaseCommand):
    help = (
        "Have a worker send what remains of the newsletters being sent (after a crash of the "
        "worker that sent them), and forget the subscriptions never confirmed in time. Run it "
        "every few minutes."
    )

    def handle(self, *args, **options):
        sending = Newsletter.objects.filter(status=Newsletter.Status.SENDING).order_by("pk")
        for letter in sending:
            send_newsletter_task.enqueue(newsletter_id=letter.pk)
            self.stdout.write(f"{letter}: sending queued")
        forgotten = newsletter.subscriber_purge_unconfirmed()
        if forgotten:
            self.stdout.write(f"{forgotten} unconfirmed subscription(s) forgotten")
