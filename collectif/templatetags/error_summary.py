"""The error summary shown at the top of a form after a failed submission."""

from django import template

register = template.Library()


def _target(field):
    """The id a summary line links to: the field's input, or the first of its choices (a
    radio or checkbox group has no single input a label points to)."""
    if field.is_hidden or not field.auto_id:
        return ""
    return field.id_for_label or f"{field.auto_id}_0"


def summary_lines(form):
    """(target id, field label, message) for each error, the form's own errors first."""
    lines = [("", "", error) for error in form.non_field_errors()]
    for field in form:
        target = _target(field)
        lines += [(target, field.label if target else "", error) for error in field.errors]
    return lines


@register.inclusion_tag("includes/_error_summary.html")
def error_summary(form):
    lines = summary_lines(form) if form is not None and form.errors else []
    return {"lines": lines, "count": len(lines)}
