import time
from urllib.parse import unquote

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils import translation


class SecurityHeadersMiddleware:
    """Adds the headers Django 5.2 does not set itself: Content-Security-Policy and
    Permissions-Policy. (Referrer-Policy, nosniff and frame options come from Django.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminLanguageMiddleware:
    """The admin is the coordinators' workplace, and it speaks French whatever the browser
    asks for (the translated fields still show both languages in tabs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            translation.activate(settings.ADMIN_LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.ADMIN_LANGUAGE_CODE
        return self.get_response(request)


class RequestLimitsMiddleware:
    """Refuses what no page of the site could use, before any view or form reads it, with a
    page in the visitor's language (it comes after LocaleMiddleware):

    - a NUL character in the address (400): PostgreSQL refuses it in any query, and no slug,
      token or search contains one (forms refuse it in their fields themselves);
    - a query string longer than QUERY_STRING_MAX_LENGTH (414), as gunicorn refuses a request
      line over 4 kB: the admin copies every parameter into each of its links, so a megabyte
      sent would be fifty megabytes returned;
    - a body announced larger than REQUEST_MAX_BYTES (413): Django caps form fields
      (DATA_UPLOAD_MAX_MEMORY_SIZE) but would write any upload to disk before a form could
      say it is too large.

    It cuts the admin's searches to ADMIN_SEARCH_MAX_LENGTH characters: the admin turns every
    word into a condition on every search field, all joined, and a thousand words exceed
    SQLite's expression depth (a server error) while twenty thousand keep PostgreSQL busy for
    a minute. (The public search forms have their own limit.)

    It also gives a page to the answers Django leaves empty (405 Method Not Allowed).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > settings.QUERY_STRING_MAX_LENGTH:
            return error_page(request, "414.html", 414)
        if "\x00" in request.path_info or "\x00" in unquote(query_string):
            raise BadRequest("NUL character in the address.")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Invalid Content-Length.") from None
        if length > settings.REQUEST_MAX_BYTES:
            return error_page(request, "413.html", 413, limit=settings.REQUEST_MAX_BYTES)
        if request.path_info.startswith(reverse("admin:index")):
            self.cut_searches(request)
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            styled = error_page(request, "405.html", 405)
            styled["Allow"] = response["Allow"]
            return styled
        return response

    @staticmethod
    def cut_searches(request):
        limit = settings.ADMIN_SEARCH_MAX_LENGTH
        # `q`: the change lists' search box; `term`: the autocomplete widgets'.
        if any(len(request.GET.get(name, "")) > limit for name in ("q", "term")):
            query = request.GET.copy()
            for name in ("q", "term"):
                if name in query:
                    query[name] = query[name][:limit]
            query._mutable = False
            request.GET = query


def error_page(request, template_name, status, **context):
    return HttpResponse(
        loader.render_to_string(template_name, context, request=request), status=status
    )


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after `STAFF_SESSION_IDLE_HOURS` without a request: staff read every
    members-only minute and contact, and a forgotten open session on a shared computer should
    not stay usable for the two weeks a member's does. The last activity is written at most
    once a minute, not on every request."""

    KEY = "staff_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request that carries a session can be a staff one; anonymous pages stay
        # untouched by the session (and cacheable).
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff:
            now = int(time.time())
            last_seen = request.session.get(self.KEY, 0)
            if last_seen and now - last_seen > settings.STAFF_SESSION_IDLE_HOURS * 3600:
                logout(request)
            elif now - last_seen >= 60:
                request.session[self.KEY] = now
        return self.get_response(request)

    @classmethod
    def note_login(cls, sender, request, user, **kwargs):
        """`user_logged_in` receiver: the session starts its clock at login, so that the
        first request after it has nothing to write."""
        if user.is_staff and hasattr(request, "session"):
            request.session[cls.KEY] = int(time.time())
