from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request):
    """The current page in every language, for the language switch and hreflang links."""
    current = get_language()
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": request.build_absolute_uri(translate_url(path, code)),
            "path": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "site_name": settings.SITE_NAME,
        "language_alternates": alternates,
        "canonical_url": request.build_absolute_uri(request.path),
    }
