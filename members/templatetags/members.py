"""Members on pages of other apps (the home page's showcase, the join page's table), and an
organisation's logo."""

from django import template
from django.utils.translation import gettext

from members import capabilities, listing
from members.models import Organisation

register = template.Library()


@register.inclusion_tag("members/_showcase.html")
def members_showcase():
    """Members and observers by name and logo (one query)."""
    rows = listing.rows(Organisation.objects.public())
    return {"items": listing.showcase_items(rows, observer=gettext("Observer")) if rows else ""}


@register.simple_tag
def org_logo(organisation, large=False):
    """`{% org_logo organisation large=True %}`: its logo, or its initials standing in."""
    return listing.logo_html(
        url=organisation.logo.url if organisation.logo else None,
        width=organisation.logo_width,
        height=organisation.logo_height,
        mark=organisation.initials,
        large=large,
    )


@register.inclusion_tag("members/_capabilities_table.html")
def capabilities_table():
    """What observers and members may do, straight from members.capabilities."""
    statuses, rows = capabilities.table()
    return {"statuses": statuses, "rows": rows}
