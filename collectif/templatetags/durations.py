from django import template

register = template.Library()


@register.filter
def minutes(duration):
    """A timedelta as a whole number of minutes (rounded up: never promise too short a wait)."""
    seconds = int(duration.total_seconds())
    return -(-seconds // 60)
