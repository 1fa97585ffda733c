"""`{% fixed_url "collectif:home" %}` and `{% fixed_static "css/main.css" %}`: `{% url %}` and
`{% static %}` for the links every page carries, worked out once per process
(collectif/fixed_urls.py). Arguments are allowed, but a link per row keeps `{% url %}` or
get_absolute_url(): the memory is for a page's few constant links."""

from django import template

from collectif.fixed_urls import fixed_reverse
from collectif.fixed_urls import fixed_static as _fixed_static

register = template.Library()


@register.simple_tag
def fixed_url(viewname, *args):
    return fixed_reverse(viewname, *args)


@register.simple_tag
def fixed_static(path):
    """`{% static %}`, once per process for each file."""
    return _fixed_static(path)
