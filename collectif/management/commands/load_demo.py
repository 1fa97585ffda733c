from django.core.management.base import BaseCommand
from django.db import transaction

from collectif import registry
from collectif.page_cache import invalidate_pages


class Command(BaseCommand):
    help = "Load the demo content built from the minutes of 29 September 2014 (idempotent)."

    def handle(self, *args, **options):
        lines = []
        with transaction.atomic():
            # Each app registers its loader (idempotent, returning lines worth printing), after
            # those whose content it uses.
            for load in registry.demo_loaders:
                lines += load() or []
        invalidate_pages()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("Demo accounts (user / password):")
        for line in lines:
            self.stdout.write(f"  {line}")
