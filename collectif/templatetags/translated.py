"""Show a translated model field, and say so when it falls back to another language."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

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
    first fallback language that has it, with that language's code for `lang="…"`."""
    current = get_language()
    value = getattr(obj, build_localized_fieldname(field, current), "") or ""
    if value:
        return TranslatedText(value, current, False)
    for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
        value = getattr(obj, build_localized_fieldname(field, code), "") or ""
        if value:
            return TranslatedText(value, code, code != current)
    return TranslatedText("", current, False)
