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


@register.simple_tag(takes_context=True)
def error_summary(context, form, *, in_container=False):
    """The summary, once per form: base.html shows the page's `form` first in <main> (where a
    screen reader without the script still meets it first); the include a form's template
    keeps at its top then shows nothing, and shows the summary of any other form. Without
    errors (most pages), no template is rendered at all."""
    if not getattr(form, "errors", None) or getattr(form, "_error_summary_shown", False):
        return ""
    form._error_summary_shown = True
    lines = summary_lines(form)
    suffix = f"-{form.prefix}" if form.prefix else ""
    template = context.template.engine.get_template("includes/_error_summary.html")
    return template.render(
        context.new(
            {
                "lines": lines,
                "count": len(lines),
                "summary_id": f"form-errors{suffix}",
                "in_container": in_container,
            }
        )
    )


@register.filter
def any_errors(forms):
    """`{% if forms|any_errors %}`: for a page of several forms, its title's « Erreur : »."""
    return any(form.errors for form in forms or ())
