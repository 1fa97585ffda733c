"""The page kinds the benchmark loads, with a representative URL of each in the dataset."""

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.urls import reverse
from django.utils import translation


def targets():
    with translation.override("fr"):
        pages = [
            {"name": "fixed-string view", "path": "/bench/fixed", "django": False},
            {
                "name": "static file (whitenoise)",
                "path": staticfiles_storage.url("css/main.css"),
                "django": False,
            },
            {"name": "home", "path": reverse("collectif:home"), "public": True},
            {"name": "about", "path": reverse("collectif:about"), "public": True},
        ]
    return pages


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
