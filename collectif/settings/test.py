"""Settings for the test suite: the base settings with a fixed key and fast, local services."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-" + "x" * 40)

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The manifest needs collectstatic; tests render templates without it.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
# Let the live server of the browser tests serve static files straight from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests change rows and read pages again at once; the page cache has its own tests.
PAGE_CACHE_SECONDS = 0
# One process, one clock: a page rendered right after a write may be kept.
CONTENT_VERSIONS_CLOCK_SKEW_MS = 0
# The test client's login() authenticates without a request, which django-axes refuses; the
# throttling tests turn it back on.
AXES_ENABLED = False
# The browser tests look at uploaded logos.
SERVE_MEDIA = True
# Most tests log staff in with force_login and go straight to the admin; the two-factor tests
# (tests/collectif/test_second_factor.py) turn the requirement on.
REQUIRE_STAFF_2FA = False
# Tasks run at once, inside the request, so that mail.outbox holds their mail; the queued
# behaviour has its own tests (tests/collectif/test_tasks.py).
TASKS = {"default": TASK_BACKENDS["immediate"]}  # noqa: F405
