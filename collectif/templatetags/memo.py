"""`{% memo "name" part… %}…{% endmemo %}`: a part of the layout made of nothing but the code's
own labels and links (the footer, the menu), rendered once per process for each language and
each value of its parts, then given as it is.

Whatever varies from page to page must be one of its parts (the menu's current entry, the
year); nothing from the database or the visitor may be inside, and a CSRF token cannot be (the
tag refuses one). The URL configuration and the script prefix are in the key, as in
collectif/fixed_urls.py; the memory is forgotten when a test changes a setting."""

from django import template
from django.core.signals import setting_changed
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_resolver, get_script_prefix, get_urlconf
from django.utils.translation import get_language

register = template.Library()

# A few entries per language: the menu has one per current entry, the footer one per year.
MAX_ENTRIES = 256
_memory = {}


def forget(**kwargs):
    _memory.clear()


setting_changed.connect(forget)


class MemoNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        key = (
            self.name,
            tuple(part.resolve(context) for part in self.parts),
            get_language(),
            get_resolver(get_urlconf()),
            get_script_prefix(),
            context.autoescape,
        )
        html = _memory.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_memory) >= MAX_ENTRIES:
                _memory.clear()
            _memory[key] = html
        return html


@register.tag
def memo(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("memo takes a name, then what its content depends on")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(CsrfTokenNode):
        raise template.TemplateSyntaxError("memo cannot keep a CSRF token: it is per visitor")
    return MemoNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
