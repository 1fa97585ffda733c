from django.core.management.base import BaseCommand
from django.utils import timezone

from collectif import reminders


class Command(BaseCommand):
    help = (
        "Send the reminders that are due (those every app registers in its contributions.py: "
        "admission votes, action items…). Each goes once, however often this runs: run it "
        "daily from cron, e.g. `15 7 * * * cd /srv/contrelatraite && .venv/bin/python manage.py "
        "send_reminders`."
    )

    def handle(self, *args, **options):
        lines = reminders.run_all(today=timezone.localdate())
        for line in lines:
            self.stdout.write(f"sent: {line}")
        self.stdout.write(self.style.SUCCESS(f"{len(lines)} reminder(s) sent."))
