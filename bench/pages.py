"""The page kinds the benchmark loads, with a representative URL of each in the dataset."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.urls import reverse
from django.utils import translation


def targets():
    from documents.models import LegalResource
    from members.models import Organisation

    organisation = Organisation.objects.order_by("pk")[100]
    text = LegalResource.objects.order_by("pk")[5000]
    member = get_user_model().objects.get(username="bench-member")
    with translation.override("fr"):
        return [
            {"name": "fixed-string view", "path": "/bench/fixed", "django": False},
            {
                "name": "static file (whitenoise)",
                "path": staticfiles_storage.url("css/main.css"),
                "django": False,
            },
            {"name": "home", "path": reverse("collectif:home"), "public": True},
            {"name": "directory", "path": reverse("members:directory"), "public": True},
            {"name": "organisation", "path": organisation.get_absolute_url(), "public": True},
            {"name": "library list", "path": reverse("documents:library"), "public": True},
            {
                "name": "library search",
                "path": reverse("documents:library") + "?q=traite+des+mineurs",
                "public": True,
            },
            {"name": "library detail", "path": text.get_absolute_url(), "public": True},
            {"name": "news", "path": reverse("news:item-list"), "public": True},
            {"name": "events", "path": reverse("meetings:event-list"), "public": True},
            {
                "name": "member portal (logged in)",
                "path": reverse("portal:dashboard"),
                "user": member,
            },
        ]


def session_cookie(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
