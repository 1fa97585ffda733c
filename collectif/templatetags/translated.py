"""Show a translated model field, and say so when it falls back to another language."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

from collectif import typography

register = template.Library()


@dataclass(frozen=True)
class TranslatedText:
    value: str
    lang: str
    is_fallback: bool

    def __str__(self):
        return self.value


@register.simple_tag
def translated(obj, field):
    """`{% translated page "body" as body %}`: the text in the current language, else the
    first fallback language that has it (French on English pages, English on French ones),
    with that language's code for `lang="…"`."""
    current = get_language()
    for code in resolution_order(current):
        value = getattr(obj, build_localized_fieldname(field, code), "") or ""
        if value:
            if len(value.split(maxsplit=1)) > 1:  # not a URL or a single word
                value = typography.french(value) if code == "fr" else typography.english(value)
            return TranslatedText(value, code, code != current)
    return TranslatedText("", current, False)


@register.filter
def words(text, count):
    """`truncatewords` for a translated text: Django's splits on every space, the narrow
    no-break ones before « : » included, and joins with plain ones; the text's typography is
    applied again after."""
    value = Truncator(str(text)).words(int(count), truncate=" …")
    if getattr(text, "lang", get_language()) == "fr":
        return typography.french(value)
    return typography.english(value)


@register.simple_tag
def written_lang():
    """` lang="fr"` on pages in another language, for free text people write in the
    collective's working language and that has no translation: a coordinator's return note,
    a member's comment, a meeting's place."""
    if get_language() != settings.LANGUAGE_CODE:
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""
