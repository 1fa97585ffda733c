"""Choice fields for the filters of the public lists, cheap to render: Django writes each
option with a template of its own (two renders an option) and makes a model instance for each
option of a model choice, which costs a list of 200 organisations several milliseconds on
every page that offers it. The markup is Django's."""

from html import escape

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString


def _attrs(attrs):
    """As django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option(option):
    """As django/forms/widgets/select_option.html writes it (its file's last line break
    included)."""
    value, label = escape(str(option["value"])), conditional_escape(option["label"])
    return f'<option value="{value}"{_attrs(option["attrs"])}>{label}</option>\n'


class QuickSelect(forms.Select):
    """Django's <select>, its options written here rather than by a template each."""

    template_name = "includes/_quick_select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        html = []
        for group_name, options, _index in context["widget"]["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            html.extend(f"\n  {_option(option)}" for option in options)
            if group_name:
                html.append("\n  </optgroup>")
        context["widget"]["options_html"] = SafeString("".join(html))
        return context


class _PairIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list(self.field.to_field_name, self.field.label_field)


class QuickModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose options are read as (`to_field_name`, `label_field`) pairs,
    without an instance each; what it cleans is still an instance."""

    widget = QuickSelect
    iterator = _PairIterator

    def __init__(self, queryset, *, to_field_name, label_field="name", **kwargs):
        self.label_field = label_field
        super().__init__(queryset, to_field_name=to_field_name, **kwargs)
