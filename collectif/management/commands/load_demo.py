from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from collectif import registry
from collectif.page_cache import invalidate_pages


def _day(value):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today: {value!r} is not a date (YYYY-MM-DD).") from error


class Command(BaseCommand):
    help = (
        "Load the demo content: the collective's history from the minutes of 29 September 2014, "
        "and its present around today (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=_day,
            help="The day the demo's present is built around (YYYY-MM-DD; default: today).",
        )

    def handle(self, *args, **options):
        today = options["today"] or timezone.localdate()
        lines = []
        with transaction.atomic():
            # Each app registers its loader (idempotent, returning lines worth printing), after
            # those whose content it uses; all of them build the same present.
            for load in registry.demo_loaders:
                lines += load(today=today) or []
        invalidate_pages()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded (as of {today.isoformat()})."))
        self.stdout.write("Demo accounts (user / password):")
        for line in lines:
            self.stdout.write(f"  {line}")
