"""The text of a PDF file, for the search (pure Python: pypdf)."""

import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .search import MAX_BODY_CHARS

logger = logging.getLogger(__name__)


def extract_text(file, *, limit=MAX_BODY_CHARS):
    """The text of the file's pages, up to `limit` characters; "" when it has none (a scan)
    or cannot be read (a damaged file is still kept: it is a download, not a search source)."""
    file.seek(0)
    try:
        reader = PdfReader(file)
        chunks, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            chunks.append(text)
            size += len(text)
            if size >= limit:
                break
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        logger.warning("Could not read the text of %s: %s", getattr(file, "name", file), error)
        return ""
    finally:
        file.seek(0)
    return "\n".join(chunks)[:limit].replace("\x00", "")
