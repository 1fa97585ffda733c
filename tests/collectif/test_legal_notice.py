"""The legal notice names what French law requires (LCEN, article 6): the publisher, the
director of publication and the host, with their addresses and phones, edited by coordinators
in the admin."""

import pytest
from django.urls import reverse
from django.utils import translation

from collectif.demo import load_legal_information
from collectif.models import LegalInformation

pytestmark = pytest.mark.django_db


def legal_page(client, language="fr"):
    with translation.override(language):
        response = client.get(reverse("collectif:legal"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_migration_names_the_publisher():
    legal = LegalInformation.objects.get()
    assert legal.publisher == "Secours Catholique – Caritas France"
    assert legal.publisher_address == "106 rue du Bac, 75341 Paris Cedex 07"
    # Left for the coordinators: invented values would be false statements.
    assert legal.director == ""
    assert legal.host == ""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_page_shows_the_publisher_and_says_what_is_missing(client, language):
    html = legal_page(client, language)
    assert "Secours Catholique – Caritas France" in html
    assert "106 rue du Bac, 75341 Paris Cedex 07" in html
    assert {"fr": "Directeur ou directrice de la publication", "en": "Director of publication"}[
        language
    ] in html
    assert {"fr": "Hébergeur", "en": "Host"}[language] in html
    assert {"fr": "À préciser.", "en": "To be announced."}[language] in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_page_shows_the_director_and_the_host(client, language):
    LegalInformation.objects.update(
        publisher_phone="01 45 49 73 00",
        director="Véronique Dupont",
        director_role_fr="présidente du Secours Catholique",
        director_role_en="President of the Secours Catholique",
        host="Hébergeur SAS",
        host_address="2 rue Kellermann, 59100 Roubaix",
        host_phone="+33 9 72 10 10 07",
    )
    html = legal_page(client, language)
    role = {"fr": "présidente du Secours Catholique", "en": "President of the Secours Catholique"}
    assert f"Véronique Dupont, <span>{role[language]}</span>" in html
    assert "Hébergeur SAS" in html
    assert "2 rue Kellermann, 59100 Roubaix" in html
    assert 'href="tel:+33972101007"' in html
    assert 'href="tel:0145497300"' in html
    assert "À préciser." not in html


def test_an_untranslated_role_says_its_language(client):
    LegalInformation.objects.update(director="V. Dupont", director_role_fr="présidente")
    assert '<span lang="fr">présidente</span>' in legal_page(client, "en")


def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    legal_page(client)
    with django_assert_num_queries(3):
        legal_page(client)


def test_text_typed_by_a_coordinator_is_escaped(client):
    LegalInformation.objects.update(host="<script>alert(1)</script>")
    html = legal_page(client)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_the_demo_fills_only_what_is_empty_and_says_it_is_a_demo():
    LegalInformation.objects.update(host="Le vrai hébergeur")
    load_legal_information()
    legal = LegalInformation.objects.get()
    assert legal.host == "Le vrai hébergeur"
    assert "démo" in legal.director
    assert "demo" in legal.director_role_en
    assert legal.publisher == "Secours Catholique – Caritas France"


# --- The admin ---------------------------------------------------------------------------------


def change_url():
    return reverse(
        "admin:collectif_legalinformation_change", args=[LegalInformation.objects.get().pk]
    )


def test_a_coordinator_edits_the_legal_information(coordinator_client):
    legal = LegalInformation.objects.get()
    response = coordinator_client.get(change_url())
    assert response.status_code == 200
    assert "À renseigner" in response.content.decode()
    data = {
        "publisher": legal.publisher,
        "publisher_address": legal.publisher_address,
        "publisher_phone": "",
        "director": "Véronique Dupont",
        "director_role_fr": "présidente",
        "director_role_en": "President",
        "host": "Hébergeur SAS",
        "host_address": "2 rue Kellermann, 59100 Roubaix",
        "host_phone": "",
        "version": legal.version,
    }
    response = coordinator_client.post(change_url(), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    legal.refresh_from_db()
    assert legal.director == "Véronique Dupont"
    assert legal.host == "Hébergeur SAS"


def test_the_publisher_may_not_be_emptied(coordinator_client):
    legal = LegalInformation.objects.get()
    response = coordinator_client.post(
        change_url(), {"publisher": "", "publisher_address": "", "version": legal.version}
    )
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    legal.refresh_from_db()
    assert legal.publisher == "Secours Catholique – Caritas France"


def test_one_row_only_never_deleted(coordinator_client):
    assert (
        coordinator_client.get(reverse("admin:collectif_legalinformation_add")).status_code == 403
    )
    delete = reverse(
        "admin:collectif_legalinformation_delete", args=[LegalInformation.objects.get().pk]
    )
    assert coordinator_client.get(delete).status_code == 403


def test_visitors_and_members_may_not_edit_it(client, make_user):
    assert client.get(change_url()).status_code == 302
    client.force_login(make_user("member"))
    assert client.get(change_url()).status_code == 302


def test_the_admin_list_opens_the_one_row_and_offers_no_second(
    coordinator_client, make_user, client
):
    legal = LegalInformation.objects.get()
    listing = coordinator_client.get("/admin/collectif/legalinformation/")
    assert listing.status_code == 302
    assert listing["Location"] == f"/admin/collectif/legalinformation/{legal.pk}/change/"
    assert coordinator_client.get("/admin/collectif/legalinformation/add/").status_code == 403
    client.force_login(make_user("intern", is_staff=True))
    assert client.get("/admin/collectif/legalinformation/").status_code == 403


def test_the_admin_list_starts_the_row_again_when_it_is_missing(coordinator_client):
    LegalInformation.objects.all().delete()
    listing = coordinator_client.get("/admin/collectif/legalinformation/")
    assert listing.status_code == 302
    assert LegalInformation.objects.count() == 1
