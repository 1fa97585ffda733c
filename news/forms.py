from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from collectif.filter_fields import QuickModelChoiceField, QuickSelect
from collectif.forms import https_by_default
from collectif.locking import VersionedFormMixin
from collectif.models import Theme
from collectif.uploads import ImageUploadField
from members.models import Organisation

from .models import NewsItem

Kind = NewsItem.Kind


class NewsFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    organisation = QuickModelChoiceField(
        label=_("Organisation"),
        # A choice shows the name (the option's label, str()) and the slug (its value).
        queryset=Organisation.objects.public().only("name", "slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("All organisations"),
    )
    theme = QuickModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("All kinds")),
            ("collective", _("News of the collective")),
            ("initiatives", _("Members' initiatives")),
            (
                _("By the collective"),
                [(k.value, k.label.capitalize()) for k in NewsItem.COLLECTIVE_KINDS],
            ),
            (
                _("By the members"),
                [(k.value, k.label.capitalize()) for k in NewsItem.INITIATIVE_KINDS],
            ),
        ]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        kind = self.cleaned_data["kind"]
        if kind == "collective":
            queryset = queryset.filter(kind__in=NewsItem.COLLECTIVE_KINDS)
        elif kind == "initiatives":
            queryset = queryset.filter(kind__in=NewsItem.INITIATIVE_KINDS)
        elif kind:
            queryset = queryset.filter(kind=kind)
        if organisation := self.cleaned_data["organisation"]:
            queryset = queryset.filter(organisations=organisation)
        if theme := self.cleaned_data["theme"]:
            queryset = queryset.filter(themes=theme)
        return queryset


def _datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


# An article or a monthly letter runs longer than the other long texts.
BODY_MAX_LENGTH = 50_000


def initiative_formfield(model_field, **kwargs):
    if model_field.name.startswith("body"):
        kwargs.setdefault("max_length", BODY_MAX_LENGTH)
    return https_by_default(model_field, **kwargs)


class InitiativeForm(VersionedFormMixin, forms.ModelForm):
    """A member's initiative, written in the member area."""

    image = ImageUploadField(label=_("Image"), required=False, max_side=1600)
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)

    class Meta:
        model = NewsItem
        formfield_callback = initiative_formfield
        fields = [
            "kind",
            "title_fr",
            "title_en",
            "summary_fr",
            "summary_en",
            "body_fr",
            "body_en",
            "link_fr",
            "link_en",
            "link_label_fr",
            "link_label_en",
            "event_start",
            "event_end",
            "event_place",
            "image_alt_fr",
            "image_alt_en",
            "themes",
            "organisations",
        ]
        labels = {
            "title_fr": _("Title in French"),
            "title_en": _("Title in English"),
            "summary_fr": _("Summary in French"),
            "summary_en": _("Summary in English"),
            "body_fr": _("Text in French"),
            "body_en": _("Text in English"),
            "link_fr": _("Link (French page)"),
            "link_en": _("Link (English page)"),
            "link_label_fr": _("Link text in French"),
            "link_label_en": _("Link text in English"),
            "image_alt_fr": _("Image description in French"),
            "image_alt_en": _("Image description in English"),
            "organisations": _("Partner organisations"),
        }
        help_texts = {
            "summary_fr": _(
                "One or two sentences. Say how the initiative relates to human trafficking: the "
                "collective relays it only if the link is clearly presented."
            ),
            "link_en": _("Leave empty if the page has no English version: the French is used."),
            "organisations": _("Other members taking part. Yours is always included."),
            "event_start": _("Paris time. With a date, the initiative also appears in the events."),
        }
        widgets = {
            "title_fr": forms.TextInput(attrs={"lang": "fr"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "summary_fr": forms.Textarea(attrs={"rows": 3, "lang": "fr"}),
            "summary_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "body_fr": forms.Textarea(attrs={"rows": 12, "lang": "fr"}),
            "body_en": forms.Textarea(attrs={"rows": 12, "lang": "en"}),
            "link_label_fr": forms.TextInput(attrs={"lang": "fr"}),
            "link_label_en": forms.TextInput(attrs={"lang": "en"}),
            "image_alt_fr": forms.TextInput(attrs={"lang": "fr"}),
            "image_alt_en": forms.TextInput(attrs={"lang": "en"}),
            "event_start": _datetime_widget(),
            "event_end": _datetime_widget(),
            "themes": forms.CheckboxSelectMultiple,
            "organisations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, proposer, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposer = proposer
        self.fields["kind"].choices = [
            (kind.value, kind.label.capitalize()) for kind in NewsItem.INITIATIVE_KINDS
        ]
        self.fields["title_fr"].required = True
        self.fields["summary_fr"].required = True
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["organisations"].queryset = Organisation.objects.public().exclude(
            pk=proposer.pk
        )
        for name in ("event_start", "event_end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", *settings.DATETIME_INPUT_FORMATS]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("event_start"), cleaned.get("event_end")
        # A start typed wrong already has its message; "give its start" would mislead.
        start_missing = not start and "event_start" not in self.errors
        if end and start_missing:
            self.add_error("event_start", _("An event that ends must start: give its start too."))
        elif start and end and end < start:
            self.add_error("event_end", _("The event cannot end before it starts."))
        if cleaned.get("event_place") and start_missing:
            self.add_error("event_start", _("Give the date of the event at this place."))
        if cleaned.get("image") and cleaned.get("remove_image"):
            raise ValidationError(_("Choose a new image, or remove the current one, not both."))
        return cleaned

    def content(self):
        """The fields as the services take them."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        themes, organisations = data.pop("themes"), data.pop("organisations")
        if self.cleaned_data.get("image"):
            data["image"] = self.cleaned_data["image"]
        elif self.cleaned_data.get("remove_image"):
            data["image"] = ""
        return data, {"themes": themes, "organisations": organisations}


class ReasonForm(VersionedFormMixin, forms.ModelForm):
    """The review page's decision, on the item as the page showed it: a model form of no field
    but the version, refused if the item changed since."""

    # Optional here: publishing needs none, returning and unpublishing do (the services say so).
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The proposer sees it: say what to change."),
    )

    class Meta:
        model = NewsItem
        fields = []


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    # Honeypot, as on the contact form: hidden from people, filled in by robots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
