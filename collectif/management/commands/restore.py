from django.core.management.base import BaseCommand, CommandError

from collectif.backup import BackupError, backup_restore
from collectif.page_cache import invalidate_pages


class Command(BaseCommand):
    help = "Replace the database and the media files by those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument("--no-input", action="store_false", dest="interactive")

    def handle(self, *args, archive, interactive=True, **options):
        if interactive:
            answer = input("This replaces the whole database and every media file. Type 'yes': ")
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            backup_restore(archive=archive)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        invalidate_pages()
        self.stdout.write(self.style.SUCCESS(f"Restored from {archive}"))
