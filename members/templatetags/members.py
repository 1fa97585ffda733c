"""Members on pages of other apps: the home page's showcase, the join page's table."""

from django import template

from members import capabilities
from members.models import Organisation

register = template.Library()


@register.inclusion_tag("members/_showcase.html")
def members_showcase():
    """Members and observers by name and logo (one query)."""
    return {
        "organisations": Organisation.objects.public().only(
            "name", "acronym", "slug", "logo", "logo_width", "logo_height", "status"
        )
    }


@register.inclusion_tag("members/_capabilities_table.html")
def capabilities_table():
    """What observers and members may do, straight from members.capabilities."""
    statuses, rows = capabilities.table()
    return {"statuses": statuses, "rows": rows}
