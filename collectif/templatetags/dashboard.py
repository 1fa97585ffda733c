from django import template

from collectif import dashboard
from collectif.permissions import is_coordinator

register = template.Library()


@register.simple_tag
def coordination_dashboard(user):
    """`{% coordination_dashboard user as panels %}`: the panels of the coordinators' home;
    none for a staff account outside the coordination (it sees only its own models)."""
    return dashboard.panels() if is_coordinator(user) else []
