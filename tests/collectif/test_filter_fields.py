"""The public filters' choice fields: Django's markup, without a template or an instance per
option."""

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collectif.filter_fields import QuickModelChoiceField, QuickSelect
from collectif.models import Theme
from members.models import Organisation

pytestmark = pytest.mark.django_db

CHOICES = [
    ("", "Tous"),
    ("x", 'Guillemets " & <balises>'),
    ("Groupe « un »", [("1", "Un"), ("2", "Deux")]),
]


class Django(forms.Form):
    kind = forms.ChoiceField(choices=CHOICES, required=False)
    theme = forms.ModelChoiceField(
        Theme.objects.all(), to_field_name="slug", required=False, empty_label="Tous"
    )


class Quick(forms.Form):
    kind = forms.ChoiceField(choices=CHOICES, required=False, widget=QuickSelect)
    theme = QuickModelChoiceField(
        Theme.objects.all(), to_field_name="slug", required=False, empty_label="Tous"
    )


@pytest.mark.parametrize("data", [None, {"kind": "2", "theme": "minors"}, {"kind": "x"}])
def test_the_markup_is_djangos(data):
    for name in ("kind", "theme"):
        assert str(Quick(data)[name]) == str(Django(data)[name])


def test_the_options_cost_one_query_and_no_instance(monkeypatch):
    made = []
    monkeypatch.setattr(Theme, "__init__", lambda *args, **kwargs: made.append(args))
    with CaptureQueriesContext(connection) as queries:
        str(Quick()["theme"])
    assert len(queries) == 1
    assert made == []


def test_the_field_still_cleans_to_an_instance(ccem):
    class Form(forms.Form):
        organisation = QuickModelChoiceField(
            Organisation.objects.public(), to_field_name="slug", required=False
        )

    form = Form({"organisation": ccem.slug})
    assert form.is_valid()
    assert form.cleaned_data["organisation"] == ccem
    refused = Form({"organisation": "nobody"})
    assert not refused.is_valid()
    assert "organisation" in refused.errors
