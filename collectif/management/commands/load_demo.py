from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from collectif.page_cache import invalidate_pages

# Each app contributes its demo content, in dependency order. A module's load() is idempotent
# and returns lines worth printing (accounts created, what was loaded).
# (The minutes of meetings.demo link documents of documents.demo as their annexes.)
DEMO_MODULES = [
    "collectif.demo",
    "members.demo",
    "documents.demo",
    "meetings.demo",
    "news.demo",
]


class Command(BaseCommand):
    help = "Load the demo content built from the minutes of 29 September 2014 (idempotent)."

    def handle(self, *args, **options):
        lines = []
        with transaction.atomic():
            for module_path in DEMO_MODULES:
                lines += import_module(module_path).load() or []
        invalidate_pages()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("Demo accounts (user / password):")
        for line in lines:
            self.stdout.write(f"  {line}")
