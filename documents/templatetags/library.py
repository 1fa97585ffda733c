"""`{% available_languages codes %}`: the languages a text or a document exists in, as the
library's and the documents' lists say it under each row (a tag, not a template per row)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext

register = template.Library()


@register.simple_tag
def available_languages(codes):
    if not codes:
        return ""
    names = format_html_join(
        ", ",
        '<span lang="{}">{}</span>',
        ((code, capfirst(get_language_info(code)["name_local"])) for code in codes),
    )
    return format_html('<p class="result__languages">{} {}</p>', gettext("Available in:"), names)
