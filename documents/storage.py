"""Where the collective's own documents are kept: outside MEDIA_ROOT, so that the web server
never serves them directly and members-only files go through the permission check of the
download view."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    # Read the setting at each use, so that tests (and deployments) can move it.
    @property
    def base_location(self):
        return Path(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return str(self.base_location.resolve())

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage
