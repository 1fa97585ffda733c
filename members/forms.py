from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collectif.filter_fields import QuickModelChoiceField, QuickSelect
from collectif.forms import bounded_text, https_by_default
from collectif.locking import VersionedFormMixin
from collectif.models import Theme
from collectif.uploads import ImageUploadField, PdfUploadField

from .models import ActivityReport, InternationalNetwork, Organisation


class DirectoryFilterForm(forms.Form):
    theme = QuickModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        widget=QuickSelect,
        choices=[
            ("", _("Members and observers")),
            (Organisation.Status.MEMBER, _("Members")),
            (Organisation.Status.OBSERVER, _("Observers")),
        ],
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if theme := self.cleaned_data["theme"]:
            queryset = queryset.filter(themes=theme)
        if status := self.cleaned_data["status"]:
            queryset = queryset.filter(status=status)
        return queryset


class OrganisationForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        formfield_callback = https_by_default
        fields = ["description_fr", "description_en", "website_fr", "website_en", "network"]
        labels = {
            "description_fr": _("Description in French"),
            "description_en": _("Description in English"),
            "website_fr": _("Website (French version)"),
            "website_en": _("Website (English version)"),
            "network": _("International network"),
        }
        help_texts = {
            "website_en": _("Leave empty if the site has no English version: the French is used."),
            "network": _("Not in the list? Add it from the “International network” page."),
        }
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 10, "lang": "fr"}),
            "description_en": forms.Textarea(attrs={"rows": 10, "lang": "en"}),
        }

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = InternationalNetwork.objects.all()
        if self.instance.pk:
            self.initial["themes"] = list(self.instance.themes.all())


class ContactForm(VersionedFormMixin, forms.ModelForm):
    confirm = forms.BooleanField(
        label=_(
            "I confirm that this contact is accurate, and that the fields marked public may "
            "be published on the collective's site."
        ),
        error_messages={"required": _("Please confirm the contact before saving it.")},
    )

    class Meta:
        model = Organisation
        formfield_callback = bounded_text
        fields = [
            "contact_first_name",
            "contact_last_name",
            "contact_name_public",
            "contact_role_fr",
            "contact_role_en",
            "contact_role_public",
            "contact_email",
            "contact_email_public",
            "contact_phone",
            "contact_phone_public",
            "contact_address",
            "contact_address_public",
        ]
        labels = {
            "contact_role_fr": _("Role, in French"),
            "contact_role_en": _("Role, in English"),
            "contact_name_public": _("Publish the name"),
            "contact_role_public": _("Publish the role"),
            "contact_email_public": _("Publish the e-mail address"),
            "contact_phone_public": _("Publish the telephone"),
            "contact_address_public": _("Publish the postal address"),
        }
        widgets = {
            "contact_first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "contact_last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
            "contact_address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "contact_role_fr": forms.TextInput(attrs={"lang": "fr"}),
            "contact_role_en": forms.TextInput(attrs={"lang": "en"}),
        }

    def clean(self):
        cleaned = super().clean()
        name = (cleaned.get("contact_first_name") or "") + (cleaned.get("contact_last_name") or "")
        if not name.strip():
            self.add_error("contact_last_name", _("Give the contact person's name."))
        if not (cleaned.get("contact_email") or cleaned.get("contact_phone")):
            self.add_error("contact_email", _("Give an e-mail address or a telephone number."))
        return cleaned

    def contact_data(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LogoForm(forms.Form):
    logo = ImageUploadField(label=_("New logo"), required=False, max_side=600)
    remove = forms.BooleanField(label=_("Remove the current logo"), required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("logo") and not cleaned.get("remove"):
            raise ValidationError(_("Choose a new logo, or tick “Remove the current logo”."))
        return cleaned


class ActivityReportForm(forms.ModelForm):
    file = PdfUploadField(label=_("PDF file"))

    class Meta:
        model = ActivityReport
        fields = ["year", "language", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1


class NetworkForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = InternationalNetwork
        formfield_callback = https_by_default
        fields = ["presentation_fr", "presentation_en", "website"]
        labels = {
            "presentation_fr": _("Presentation in French"),
            "presentation_en": _("Presentation in English"),
        }
        widgets = {
            "presentation_fr": forms.Textarea(attrs={"rows": 6, "lang": "fr"}),
            "presentation_en": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
        }


class NetworkCreateForm(NetworkForm):
    class Meta(NetworkForm.Meta):
        fields = ["name", *NetworkForm.Meta.fields]
