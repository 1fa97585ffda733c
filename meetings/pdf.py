"""The compte-rendu as a PDF, laid out like the collective's own (WeasyPrint).

One function makes it for the member area's download and for the minutes e-mail. WeasyPrint
needs Pango and HarfBuzz from the system: without them `available()` is false, the page says
the PDF is unavailable and the e-mail goes without it. The document loads nothing from the
network: only the site's own static and media files are read, from disk."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

if TYPE_CHECKING:
    from .models import Meeting
    from .selectors import Minutes

logger = logging.getLogger(__name__)

TEMPLATE = "meetings/pdf/compte_rendu.html"
STYLESHEET = "css/compte-rendu.css"
LOGO = "images/logo.svg"
# The same minutes read by the same kind of reader give the same document: the e-mail to
# fifty representatives renders it a few times, not fifty.
CACHE_SECONDS = 24 * 3600

# Whether the missing libraries were logged: once per process, not on every page.
_logged = {"missing": False}


class Unavailable(RuntimeError):
    """WeasyPrint or the system libraries it loads are not installed."""


def _weasyprint():
    from PIL import ImageFile

    accepts_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        # Imported here: importing it loads Pango, which may be missing at run time.
        import weasyprint
    except (ImportError, OSError) as error:
        if not _logged["missing"]:
            logger.warning("The compte-rendu PDF is unavailable: %s", error)
            _logged["missing"] = True
        return None
    finally:
        # WeasyPrint's import tells Pillow, for the whole process, to accept truncated
        # images; the upload checks (collectif/uploads.py) must keep refusing them.
        ImageFile.LOAD_TRUNCATED_IMAGES = accepts_truncated
    return weasyprint


def available() -> bool:
    return _weasyprint() is not None


def filename(meeting: Meeting) -> str:
    day = timezone.localtime(meeting.start).date()
    return gettext("minutes-%(date)s.pdf") % {"date": day.isoformat()}


def _allowed_roots() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT), *(Path(p) for p in settings.STATICFILES_DIRS)]
    return [root.resolve() for root in roots]


def _static_path(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(name)
    return Path(found)


def _make_fetcher(weasyprint):
    class LocalFilesOnly(weasyprint.urls.URLFetcher):
        """Reads files under static/ and media/; anything else (another host, another folder)
        is refused, so that a link or image in the minutes' text loads nothing."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if any(path.is_relative_to(root) for root in _allowed_roots()):
                    return super().fetch(url, headers)
            raise ValueError(f"Not loaded in the PDF: {url}")

    return LocalFilesOnly()


def html(minutes: Minutes) -> str:
    """The document's HTML, in the active language."""
    return render_to_string(
        TEMPLATE,
        {
            "meeting": minutes.meeting,
            "minutes": minutes,
            "logo_url": _static_path(LOGO).as_uri(),
            "site_url": settings.SITE_URL,
        },
    )


def render(minutes: Minutes, *, language: str | None = None) -> bytes:
    """The compte-rendu as `minutes.reader` reads it, as a PDF, in `language` (the active one by
    default). Raises Unavailable without WeasyPrint."""
    weasyprint = _weasyprint()
    if weasyprint is None:
        raise Unavailable(gettext("The PDF of the minutes is unavailable on this server."))
    with translation.override(language or translation.get_language()):
        document = html(minutes)
    stylesheet_path = _static_path(STYLESHEET)
    stylesheet = stylesheet_path.read_text(encoding="utf-8")
    key = "meetings:pdf:" + hashlib.sha256((document + stylesheet).encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        fetcher = _make_fetcher(weasyprint)
        pdf = weasyprint.HTML(
            string=document, base_url=stylesheet_path.parent.as_uri() + "/", url_fetcher=fetcher
        ).write_pdf(
            # Tagged: screen readers follow its headings, lists and reading order.
            pdf_tags=True,
            stylesheets=[
                weasyprint.CSS(
                    string=stylesheet, base_url=stylesheet_path.as_uri(), url_fetcher=fetcher
                )
            ],
        )
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
