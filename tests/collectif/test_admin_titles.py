"""The admin's titles written as French is: the noun's article, its gender, elision."""

import html
import re

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from collectif import admin_titles
from collectif.models import Theme
from documents.models import IssuingBody

pytestmark = pytest.mark.django_db


def heading(response):
    assert response.status_code == 200
    found = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S)
    return html.unescape(found.group(1).strip())


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("admin:members_organisation_add", "Ajouter une organisation"),
        ("admin:documents_legalresource_add", "Ajouter un texte juridique"),
        ("admin:meetings_meeting_add", "Ajouter une réunion"),
        ("admin:members_organisation_changelist", "Organisations"),
        ("admin:documents_legalresource_changelist", "Textes juridiques"),
    ],
)
def test_french_titles(coordinator_client, url_name, expected):
    assert heading(coordinator_client.get(reverse(url_name))) == expected


def test_change_titles_elide_and_contract(coordinator_client, hors_la_rue):
    url = reverse("admin:members_organisation_change", args=[hors_la_rue.pk])
    assert heading(coordinator_client.get(url)) == "Modification de l’organisation"
    body = IssuingBody.objects.first()
    url = reverse("admin:documents_issuingbody_change", args=[body.pk])
    assert heading(coordinator_client.get(url)) == "Modification de l’institution"
    theme = Theme.objects.first()
    url = reverse("admin:collectif_theme_change", args=[theme.pk])
    assert heading(coordinator_client.get(url)) == "Modification de la thématique"


def test_every_case_in_french_and_english():
    with translation.override("fr"):
        assert admin_titles.change_title("texte juridique", "masculine") == (
            "Modification du texte juridique"
        )
        assert admin_titles.view_title("abonné à la lettre", "masculine") == (
            "Consultation de l’abonné à la lettre"
        )
        assert admin_titles.add_title("action", "feminine") == "Ajouter une action"
    with translation.override("en"):
        assert admin_titles.change_title("organisation", "feminine") == "Change organisation"
        assert admin_titles.add_title("legal resource", "masculine") == "Add legal resource"


def test_a_custom_title_is_kept():
    class Opts:
        verbose_name = "organisation"
        verbose_name_plural = "organisations"

    assert admin_titles.composed("Corbeille", opts=Opts, model_admin=None, add=True) == "Corbeille"


def test_no_add_page_title_reads_de_before_a_vowel(coordinator_client):
    """Django's « Ajout de organisation » on any model of the admin, a third party's included."""
    checked = 0
    for model in admin.site._registry:
        meta = model._meta
        try:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
        except NoReverseMatch:
            continue
        response = coordinator_client.get(url)
        if response.status_code != 200:
            continue  # not added here (read-only records)
        title = heading(response)
        assert not re.search(r"\bde [aeiouyhéèêœ]", title, re.I), (url, title)
        assert not title.startswith("Ajout de"), (url, title)
        checked += 1
    assert checked >= 10
