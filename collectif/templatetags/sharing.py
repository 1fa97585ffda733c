"""What link previews (Open Graph, Twitter cards) need from a page's template."""

from django import template
from django.core.exceptions import DisallowedHost
from django.utils.safestring import mark_safe

from collectif.fixed_urls import fixed_static

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Rendered (and so escaped) by the template engine: safe as it stands.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """`{% capture page_title %}{% block title %}{% endblock %}{% endcapture %}`: a block's
    text rendered once and kept in a variable, for <title> and og:title alike (a block may be
    rendered only once)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The URL with scheme and host: previews are read by another site."""
    request = context.get("request")
    if not url or request is None:
        return url
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        # The 400 page answering an unknown Host header must not fail on that header.
        return url


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    return absolute_url(context, fixed_static(path))


@register.simple_tag
def og_locale(code):
    """fr_FR, en_GB: the form Open Graph wants."""
    return {"fr": "fr_FR", "en": "en_GB"}.get(code, code)
