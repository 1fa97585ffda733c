from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Organisation

from .models import BallotOption

RECEIPT_CODE_MAX_LENGTH = 64


class VoteForm(forms.Form):
    option = forms.ModelChoiceField(
        label=_("Your organisation's vote"),
        queryset=BallotOption.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of this ballot's options.")},
    )
    receipt_code = forms.CharField(
        label=_("Receipt code"),
        required=False,
        max_length=RECEIPT_CODE_MAX_LENGTH,
        help_text=_("To change a secret vote: the code shown when your organisation voted."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, ballot, ask_code=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = ballot.options.all()
        if not ask_code:
            del self.fields["receipt_code"]


class ProxyForm(forms.Form):
    holder = forms.ModelChoiceField(
        label=_("Organisation that votes for yours"),
        queryset=Organisation.objects.none(),
        error_messages={
            "invalid_choice": _("Choose an organisation that can vote in this ballot.")
        },
    )

    def __init__(self, *args, ballot, giver, **kwargs):
        super().__init__(*args, **kwargs)
        # Every organisation that may vote but the giver: the service says why one may not hold.
        self.fields["holder"].queryset = ballot.eligible_organisations().exclude(pk=giver.pk)


class PaperForm(forms.Form):
    """The in-room votes. A secret ballot: the organisations present that voted in the room and
    the totals per option (`total_<option meaning>`). An open ballot: each organisation's choice
    (`choice_<organisation pk>`), left empty for one that did not vote in the room."""

    # Chosen among the eligible organisations already read (by their key as text): no
    # second query, and no key too large for the database ever reaches it.
    present = forms.MultipleChoiceField(
        label=_("Organisations present that voted in the room"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Choose organisations that can vote in this ballot.")},
    )

    def __init__(self, *args, ballot, **kwargs):
        super().__init__(*args, **kwargs)
        self.ballot = ballot
        self.options = list(ballot.options.all())
        self.organisations = list(ballot.eligible_organisations())
        if ballot.is_secret:
            self.fields["present"].choices = [(str(o.pk), o.name) for o in self.organisations]
            for option in self.options:
                self.fields[f"total_{option.meaning}"] = forms.IntegerField(
                    label=_("Votes « %(option)s »") % {"option": option.label},
                    min_value=0,
                    max_value=10_000,
                    required=False,
                )
        else:
            del self.fields["present"]
            choices = [("", _("did not vote in the room"))] + [
                (str(option.pk), option.label) for option in self.options
            ]
            for organisation in self.organisations:
                self.fields[f"choice_{organisation.pk}"] = forms.ChoiceField(
                    label=organisation.name,
                    choices=choices,
                    required=False,
                    error_messages={"invalid_choice": _("Choose one of this ballot's options.")},
                )

    def choice_fields(self):
        return [self[f"choice_{organisation.pk}"] for organisation in self.organisations]

    def total_fields(self):
        return [self[f"total_{option.meaning}"] for option in self.options]

    def present_organisations(self):
        if self.ballot.is_secret:
            chosen = set(self.cleaned_data.get("present") or [])
            return [o for o in self.organisations if str(o.pk) in chosen]
        return [o for o in self.organisations if self.cleaned_data.get(f"choice_{o.pk}")]

    def totals(self):
        return {
            option.pk: self.cleaned_data.get(f"total_{option.meaning}") or 0
            for option in self.options
        }

    def choices(self):
        options = {str(option.pk): option for option in self.options}
        return {
            o.pk: options[self.cleaned_data[f"choice_{o.pk}"]] for o in self.present_organisations()
        }
