from django.core.management.base import BaseCommand

from news import newsletter


class Command(BaseCommand):
    help = (
        "Send what remains of the newsletters being sent (after « send » in the admin, or a "
        "crash), and forget the subscriptions never confirmed in time. Run it every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many per letter.")

    def handle(self, *args, limit=None, **options):
        for line in newsletter.newsletters_resume(limit=limit):
            self.stdout.write(line)
        forgotten = newsletter.subscriber_purge_unconfirmed()
        if forgotten:
            self.stdout.write(f"{forgotten} unconfirmed subscription(s) forgotten")
