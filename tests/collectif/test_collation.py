"""Names in the French order, case and accents ignored, on both databases: in the ORM's
orderings, the admin's lists, the public directory, and Python's own sorts."""

import html

import pytest
from django.urls import reverse

from collectif.collation import collated, sort_key
from members.models import Organisation

# Real names of the collective's world, in the order a French reader looks for them.
FRENCH_ORDER = [
    "ACPE",
    "Amicale du Nid",
    "Association Foyer Jorbalan",
    "CCEM",
    "ECPAT France",
    "Élan interculturel",
    "Équipes d'action contre le proxénétisme",
    "Fondation Scelles",
    "Hors la Rue",
    "Les Amis du Bus des Femmes",
    "Mouvement du Nid",
    "Œuvre du Bon Pasteur",
    "Organisation internationale pour les migrations",
    "Secours Catholique – Caritas France",
    "SOS Esclaves",
]


def test_the_key_ignores_case_and_accents():
    assert sort_key("École") == sort_key("ecole")
    assert sort_key("Œuvre") == "oeuvre"
    assert sort_key("l’Amicale") == sort_key("l'amicale")
    shuffled = FRENCH_ORDER[7:] + FRENCH_ORDER[:7]
    assert sorted(shuffled, key=sort_key) == FRENCH_ORDER
    # What a plain sort gives, and the reason for all this.
    assert sorted(FRENCH_ORDER).index("SOS Esclaves") < sorted(FRENCH_ORDER).index(
        "Secours Catholique – Caritas France"
    )


@pytest.fixture
def organisations(make_organisation):
    # Created in reverse order, so that neither the primary key nor the insertion order
    # could give the expected one.
    return [
        make_organisation(name, slug=f"org-{number}")
        for number, name in enumerate(reversed(FRENCH_ORDER))
    ]


@pytest.mark.django_db
def test_the_database_sorts_in_the_french_order(organisations):
    assert list(Organisation.objects.values_list("name", flat=True)) == FRENCH_ORDER
    names = Organisation.objects.order_by(collated("name")).values_list("name", flat=True)
    assert list(names) == FRENCH_ORDER


@pytest.mark.django_db
def test_the_admin_list_is_in_the_french_order(organisations, coordinator_client):
    page = coordinator_client.get(reverse("admin:members_organisation_changelist")).content
    page = page.decode()
    positions = [page.index(f">{html.escape(name)}<") for name in FRENCH_ORDER]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_the_public_directory_is_in_the_french_order(organisations, client):
    page = client.get(reverse("members:directory")).content.decode()
    positions = [page.find(html.escape(name)) for name in FRENCH_ORDER]
    assert -1 not in positions
    assert positions == sorted(positions)
