from django.conf import settings
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
