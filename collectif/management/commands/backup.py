from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from collectif.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Save the database and the media files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write the archive (default: contrelatraite-<date>.tar.gz here).",
        )

    def handle(self, *args, archive=None, **options):
        archive = archive or f"contrelatraite-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            path = backup_create(archive=archive)
        except BackupError as error:
            raise CommandError(f"Backup failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
