"""An organisation edited at once by two coordinators, two representatives, or one of each."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from collectif import locking
from members import services
from members.models import Organisation
from tests.forms import STALE_EN, STALE_FR, form_data, open_admin, race, refused, save

pytestmark = pytest.mark.django_db


def test_second_coordinator_cannot_overwrite_an_organisation(coordinators, make_organisation):
    organisation = make_organisation("Hors la Rue", description_fr="Avant.")
    response = race(
        *coordinators,
        organisation,
        description_fr="Texte du premier.",
        contact_role_fr="Rôle du second",
    )
    refused(response, keeps="Rôle du second")
    organisation.refresh_from_db()
    assert organisation.description_fr == "Texte du premier."
    assert organisation.contact_role_fr in ("", None)


def test_a_history_revert_carries_the_current_version(coordinator_client, member):
    services.organisation_update(organisation=member, by=None, description_fr="Première.")
    services.organisation_update(organisation=member, by=None, description_fr="Vandale.")
    first = member.history.filter(description_fr="Première.").get()
    url = f"/admin/members/organisation/{member.pk}/history/{first.history_id}/"
    data = form_data(coordinator_client.get(url).content.decode(), "historicalorganisation_form")
    assert data["version"] == str(Organisation.objects.get(pk=member.pk).version)
    services.organisation_update(organisation=member, by=None, description_en="New.")
    response = coordinator_client.post(url, data)
    assert response.status_code == 200 and STALE_FR in response.content.decode()
    data = form_data(coordinator_client.get(url).content.decode(), "historicalorganisation_form")
    assert coordinator_client.post(url, data).status_code == 302
    assert Organisation.objects.get(pk=member.pk).description_fr == "Première."


@pytest.fixture
def two_representatives(make_user, member):
    browsers = []
    for name in ("rep-one", "rep-two"):
        user = make_user(name)
        member.representatives.add(user)
        browser = Client()
        browser.force_login(user)
        browsers.append(browser)
    return browsers


def portal_url(name, organisation, language="fr"):
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs={"slug": organisation.slug})


def test_second_representative_cannot_overwrite_the_presentation(two_representatives, member):
    first, second = two_representatives
    url = portal_url("organisation-edit", member)
    data_1 = form_data(first.get(url).content.decode())
    data_2 = form_data(second.get(url).content.decode())
    assert data_1["version"] == data_2["version"] == str(member.version)
    assert first.post(url, {**data_1, "description_fr": "Texte du premier."}).status_code == 302
    response = second.post(url, {**data_2, "description_fr": "Texte du second."})
    refused(response, keeps="Texte du second.")
    member.refresh_from_db()
    assert member.description_fr == "Texte du premier."
    # Saving again without reloading is refused again: nothing is overwritten unseen.
    response = second.post(url, form_data(response.content.decode()))
    refused(response, keeps="Texte du second.")
    assert Organisation.objects.get(pk=member.pk).description_fr == "Texte du premier."


def test_second_representative_cannot_overwrite_the_contact_and_reads_why_in_english(
    two_representatives, member
):
    first, second = two_representatives
    url = portal_url("contact-edit", member, language="en")
    base = {"contact_last_name": "Bourgeois", "contact_email": "ccem@example.org", "confirm": "on"}
    data_1 = {**form_data(first.get(url).content.decode()), **base}
    data_2 = {**form_data(second.get(url).content.decode()), **base}
    assert first.post(url, {**data_1, "contact_phone": "01 02 03 04 05"}).status_code == 302
    response = second.post(url, {**data_2, "contact_phone": "09 09 09 09 09"})
    refused(response, keeps="09 09 09 09 09", message=STALE_EN)
    member.refresh_from_db()
    assert member.contact_phone == "01 02 03 04 05"


def test_a_coordinators_save_outdates_a_representatives_open_form(
    two_representatives, coordinator_client, member
):
    first, _second = two_representatives
    url = portal_url("organisation-edit", member)
    data = form_data(first.get(url).content.decode())
    admin_url, admin_data = open_admin(coordinator_client, member)
    response = save(
        coordinator_client, admin_url, admin_data, description_en="By the coordination."
    )
    assert response.status_code == 302
    response = first.post(url, {**data, "description_en": "By the member."})
    refused(response, keeps="By the member.")
    assert Organisation.objects.get(pk=member.pk).description_en == "By the coordination."


def test_the_service_refuses_a_stale_version(member):
    loaded = member.version
    services.organisation_update(organisation=member, by=None, description_fr="Un.")
    with pytest.raises(locking.StaleRecord):
        services.organisation_update(
            organisation=Organisation.objects.get(pk=member.pk),
            by=None,
            version=loaded,
            description_fr="Deux.",
        )
    assert Organisation.objects.get(pk=member.pk).description_fr == "Un."
