from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class SameOriginS3Storage(S3Storage):
    """Media on S3-compatible storage, linked under our own MEDIA_URL.

    Pages load nothing from another host (see CONTENT_SECURITY_POLICY), so the proxy in front of
    the site forwards /media/ to the bucket instead of pages linking to the bucket itself."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name))
