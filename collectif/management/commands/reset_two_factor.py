"""Turn off a person's two-factor authentication (a lost phone and lost recovery codes)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from collectif import second_factor


class Command(BaseCommand):
    help = (
        "Remove a person's two-factor devices: staff then enrol again at their next login; "
        "the person's sessions stay open only if already verified."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        second_factor.remove_devices(user)
        self.stdout.write(f"Two-factor authentication removed for {username}.")
