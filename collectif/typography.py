"""French typography for what people type: a narrow no-break space (U+202F) before « : ; ! ? »
and inside « », so that the punctuation never starts a line. Catalogues are written so;
texts from the database pass through `french()` when they are shown ({% translated %})."""

import re

NNBSP = "\u202f"

# A space (or none) before a high punctuation mark followed by a space or the end: « a : b »,
# « vraiment ? ». URLs (« https://… ») and times (« 16:00 ») are left alone: no space follows.
_BEFORE_HIGH = re.compile(r"(?<=[\w)\]»*_%])[ \xa0]?([:;!?])(?=\s|$)")
_OPENING = re.compile(r"«[ \xa0]?")
_CLOSING = re.compile(r"[ \xa0]?»")


# Whether there is anything to do: most texts have none of these, and one search costs less
# than the three substitutions (a list of events writes a hundred texts).
_FRENCH_MARKS = re.compile(r"[:;!?«»]")


def french(text):
    if not text:
        return text
    text = str(text)
    if not _FRENCH_MARKS.search(text):
        return text
    text = _BEFORE_HIGH.sub(NNBSP + r"\1", text)
    text = _OPENING.sub("«" + NNBSP, text)
    return _CLOSING.sub(NNBSP + "»", text)


_FRENCH_QUOTES = re.compile(r"«[ \xa0\u202f]*(.*?)[ \xa0\u202f]*»", re.S)
_STRAIGHT_QUOTES = re.compile(r'(?<![\w=])"([^"<>\n]+)"(?!\w)')


def english(text):
    """English quotation marks in English text: “…” for « … » and for "…"."""
    if not text:
        return text
    text = str(text)
    if '"' not in text and "«" not in text:
        return text
    text = _FRENCH_QUOTES.sub(r"“\1”", text)
    return _STRAIGHT_QUOTES.sub(r"“\1”", text)
