"""Build the site-wide search's index for the records already saved (once after installing it,
or after writes that send no signal: bulk imports, `QuerySet.update()`)."""

from django.core.management.base import BaseCommand

from documents import site_index


class Command(BaseCommand):
    help = "Rebuild the site-wide search's index of news, organisations and meetings."

    def handle(self, *args, **options):
        for kind in site_index.KINDS:
            count = site_index.rebuild(kind)
            self.stdout.write(f"{kind}: {count}")
