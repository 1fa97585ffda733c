"""Addresses of records for the lists that show hundreds of them: reverse() walks the URL
patterns on every call, a few microseconds that a list of 200 rows pays 200 times. Here the
pattern is reversed once with a stand-in value and then filled in for each record: the result
is reverse()'s, in the active language and under the active script prefix and URL conf."""

import re
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Digits: a valid value for both <int:…> and <slug:…>, and found nowhere else in an address.
_STAND_IN = "7305196482"
# What the <slug:…> and <int:…> converters accept, and reverse() writes unquoted.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


@lru_cache(maxsize=256)
def _halves(viewname, kwarg, language, script_prefix, urlconf):
    """What reverse() writes before and after the value: a function of the code (the URL
    patterns and their translations) and of its arguments only, hence kept."""
    before, after = reverse(viewname, urlconf=urlconf, kwargs={kwarg: _STAND_IN}).split(_STAND_IN)
    return before, after


def url_filler(viewname: str, kwarg: str) -> Callable[[object], str]:
    """A function `value -> reverse(viewname, kwargs={kwarg: value})` for a record's own slug
    or integer key, in the active language and URL conf: for the rows of one page (a value
    the pattern's converter refuses is the caller's mistake: <int:…> takes integers)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    before, after = _halves(viewname, kwarg, get_language(), get_script_prefix(), urlconf)

    def fill(value: object) -> str:
        text = str(value)
        if not _SLUG.match(text):  # reverse() says what is wrong with it
            return reverse(viewname, kwargs={kwarg: value})
        return f"{before}{text}{after}"

    return fill


def quick_reverse(viewname: str, kwarg: str, value: object) -> str:
    """`reverse(viewname, kwargs={kwarg: value})` for one record (see url_filler)."""
    return url_filler(viewname, kwarg)(value)
