import unicodedata

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import translation_status
from .models import ContactMessage

# What a form accepts in a long text (description, presentation, address, translation): far
# above any real text, far below what would bloat a page. A model TextField sets no limit.
LONG_TEXT_MAX_LENGTH = 10_000


def bounded_text(model_field, **kwargs):
    """A form field as usual, with a length limit for a text the model leaves unlimited."""
    if isinstance(model_field, models.TextField) and not model_field.max_length:
        kwargs.setdefault("max_length", LONG_TEXT_MAX_LENGTH)
    return model_field.formfield(**kwargs)


def add_service_error(form, error):
    """Put a service's ValidationError on `form`: each message on its field where the form has
    that field, the others (and a message without a field) on the form as a whole."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def https_by_default(model_field, **kwargs):
    """Form fields as usual, long texts bounded; a web address typed without its scheme gets
    https://."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return bounded_text(model_field, **kwargs)


class SingleLineInputs:
    """Form mixin: a one-line input (name, e-mail, subject…) refuses line breaks and other
    control characters. A browser sends none; whatever does would write lines of its own into
    the mail the coordination reads (« Bcc: », « De : »)."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if (
                isinstance(field.widget, forms.widgets.Input)
                and isinstance(value, str)
                and any(unicodedata.category(char) in {"Cc", "Zl", "Zp"} for char in value)
            ):
                self.add_error(name, _("This field takes a single line: remove the line breaks."))
        return cleaned


class ContactForm(SingleLineInputs, forms.ModelForm):
    # Honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled in by robots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organisation", "subject", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class TranslationForm(forms.Form):
    """The translations a record still needs, one text box each beside its French; for a
    stale one, a box to confirm that the unchanged translation still matches."""

    def __init__(self, *args, status, language="en", **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = status.instance
        self.language = language
        self.texts = []
        meta = self.instance._meta
        for text in status.needing_work(language):
            model_field = meta.get_field(text.field)
            self.fields[text.field] = forms.CharField(
                label=_("%(field)s in English") % {"field": model_field.verbose_name.capitalize()},
                required=False,
                initial=self._value(text.field, language),
                max_length=getattr(model_field, "max_length", None) or LONG_TEXT_MAX_LENGTH,
                widget=(
                    forms.Textarea(attrs={"rows": 6, "lang": language})
                    if isinstance(model_field, models.TextField)
                    else forms.TextInput(attrs={"lang": language})
                ),
            )
            if text.is_stale:
                self.fields[f"{text.field}__confirmed"] = forms.BooleanField(
                    label=_("The English above still matches the French"), required=False
                )
            self.texts.append(
                {
                    "status": text,
                    "source": self._value(text.field, translation_status.source_language()),
                    "field": self[text.field],
                    "confirm": self[f"{text.field}__confirmed"] if text.is_stale else None,
                }
            )

    def _value(self, name, language):
        return getattr(self.instance, build_localized_fieldname(name, language)) or ""

    def changed_texts(self):
        return {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if not name.endswith("__confirmed")
        }

    def confirmed(self):
        return [
            name.removesuffix("__confirmed")
            for name in self.fields
            if name.endswith("__confirmed") and self.cleaned_data.get(name)
        ]
