from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Meeting


class MeetingFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Meeting.Kind.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if self.cleaned_data["kind"]:
            queryset = queryset.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data["year"]:
            queryset = queryset.filter(start__year=self.cleaned_data["year"])
        return queryset


class ActionItemDoneForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was done, where to find it (optional)."),
    )


class ReaderLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the e-mails you receive"), choices=settings.LANGUAGES
    )


NO_OWNER = _("Say who follows it up: one or more organisations, the coordination or every member.")


def require_an_owner(cleaned):
    """An action item is followed up by someone: organisations, the coordination or every
    member (the admin's item page and the minutes editor's rows)."""
    if not (
        cleaned.get("organisations")
        or cleaned.get("for_coordination")
        or cleaned.get("for_every_member")
    ):
        raise ValidationError(NO_OWNER, code="no_owner")
