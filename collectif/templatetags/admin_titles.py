"""`{% composed_title %}`: the admin page's title as collectif/admin_titles.py writes it."""

from django import template

from collectif import admin_titles

register = template.Library()


@register.simple_tag(takes_context=True)
def composed_title(context):
    title = context.get("title")
    if context.get("is_popup"):
        return title
    changelist = context.get("cl")
    adminform = context.get("adminform")
    model_admin = (
        changelist.model_admin if changelist else adminform.model_admin if adminform else None
    )
    return admin_titles.composed(
        title,
        opts=context.get("opts"),
        model_admin=model_admin,
        add=bool(context.get("add")),
        change=bool(context.get("change")),
        listing=changelist is not None and adminform is None,
    )
