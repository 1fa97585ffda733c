from django import template

from collectif import dashboard

register = template.Library()


@register.simple_tag
def coordination_dashboard():
    """`{% coordination_dashboard as panels %}`: the panels of the coordinators' home."""
    return dashboard.panels()
