"""WSGI entry point, served by gunicorn: `gunicorn collectif.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collectif.settings.base")

application = get_wsgi_application()
