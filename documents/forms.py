from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Document, LegalResource
from .selectors import SORTS


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)


class LibraryFilterForm(SearchForm):
    """The library's query string. Each filter is checked on its own: a bad value is reported
    and ignored, the others still apply."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", ""), *LegalResource.Kind.choices]
    )
    body = forms.ChoiceField(label=_("Issuing body"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", ""), *LegalResource.Level.choices]
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1800, max_value=2200)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("relevance", _("Relevance")),
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
        ],
    )

    def __init__(self, *args, bodies=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [("", "")] + [(body.slug, body.slug) for body in bodies]
        self.fields["theme"].choices = [("", "")] + [(theme.slug, theme.slug) for theme in themes]

    def clean_sort(self):
        value = self.cleaned_data.get("sort")
        return value if value in SORTS else ""

    def valid_values(self):
        """The values that passed validation, whatever happened to the others."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class DocumentFilterForm(SearchForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Document.Kind.choices],
    )

    def valid_values(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
