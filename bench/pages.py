"""The page kinds the benchmark loads, with a representative French URL of each in the dataset.

Each page has a `kind`, which says which target it is held to (bench/run.py):
- "baseline": the fixed-string view, measured first; every ratio is relative to it;
- "static": a static file (whitenoise), measured for comparison, no target;
- "one": a public page that shows one record;
- "list": a public page that lists records (or search results);
- "feed": a public feed, held to the anonymous pages' target with the cache on;
- "member": a page of a logged-in member (`user` set: its requests carry their session)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bench.dataset import RARE_WORD

MEMBER = "bench-member"


def targets():
    from documents.models import LegalResource
    from meetings.models import Meeting
    from members.models import Organisation
    from news.models import NewsItem

    organisation = Organisation.objects.order_by("pk")[100]
    text = LegalResource.objects.order_by("pk")[5000]
    news_item = NewsItem.objects.order_by("pk")[2500]
    held = Meeting.objects.filter(status=Meeting.Status.HELD)
    events = held.public().order_by("start", "pk")
    event = events[events.count() // 2]
    # The compte-rendu members open most: the latest plenary's, with its « suivi des actions ».
    plenary = held.plenaries().order_by("-start", "-pk").first()
    member = get_user_model().objects.get(username=MEMBER)
    library = reverse("documents:library")
    stylesheet = staticfiles_storage.url("css/main.css")
    with translation.override("fr"):
        return [
            {"name": "fixed-string view", "path": "/bench/fixed", "kind": "baseline"},
            {"name": "static file", "path": stylesheet, "kind": "static"},
            {"name": "home", "path": reverse("collectif:home"), "kind": "list"},
            {"name": "directory", "path": reverse("members:directory"), "kind": "list"},
            {"name": "organisation", "path": organisation.get_absolute_url(), "kind": "one"},
            {"name": "library list", "path": library, "kind": "list"},
            # A few texts match (the dataset names ten after Palermo)...
            {"name": "library search selective", "path": library + "?q=palerme", "kind": "list"},
            # ... or nearly all of them: every word is common.
            {"name": "library search broad", "path": library + "?q=traite+mineurs", "kind": "list"},
            {"name": "legal text", "path": text.get_absolute_url(), "kind": "one"},
            {"name": "news list", "path": reverse("news:item-list"), "kind": "list"},
            {"name": "news item", "path": news_item.get_absolute_url(), "kind": "one"},
            {"name": "news feed (Atom)", "path": reverse("news:feed"), "kind": "feed"},
            {"name": "events list", "path": reverse("meetings:event-list"), "kind": "list"},
            {"name": "event", "path": event.get_public_url(), "kind": "one"},
            {"name": "documents list", "path": reverse("documents:document-list"), "kind": "list"},
            {
                "name": "site search selective",
                "path": reverse("collectif:search") + f"?q={RARE_WORD.lower()}",
                "kind": "list",
            },
            {
                "name": "member area home",
                "path": reverse("portal:dashboard"),
                "kind": "member",
                "user": member,
            },
            {
                "name": "compte-rendu",
                "path": reverse("meetings-portal:meeting-detail", kwargs={"pk": plenary.pk}),
                "kind": "member",
                "user": member,
            },
            {
                "name": "directory (logged in)",
                "path": reverse("members:directory"),
                "kind": "member",
                "user": member,
            },
        ]


def session_cookie(user):
    """A `Cookie` header value that logs `user` in (a session in the configured store)."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def logged_in_marker():
    """Text only a logged-in page carries (the logout form's address): a page that lost its
    session would still answer 200 for the directory."""
    with translation.override("fr"):
        return reverse("portal:logout")
