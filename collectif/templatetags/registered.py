"""`{% registered "home_sections" as templates %}`: what the apps registered in one list of
collectif/registry.py, for the templates that include or link them."""

from django import template

from collectif import registry

register = template.Library()


@register.simple_tag
def registered(name):
    contributions = getattr(registry, name, None)
    if not isinstance(contributions, registry.Contributions):
        raise template.TemplateSyntaxError(f"No list of contributions is named {name!r}.")
    return list(contributions)
