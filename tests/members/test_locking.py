"""An organisation, or an international network, edited at once by two coordinators, two
representatives, or one of each."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from collectif import locking
from members import services
from members.models import InternationalNetwork, Organisation
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
    assert response.status_code == 200
    assert STALE_FR in response.content.decode()
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


# --- International networks: shared by several members' representatives ---------------------------


@pytest.fixture
def network(member, other_member):
    """A network two members belong to."""
    network = services.organisation_create_network(
        organisation=member, name="Caritas Internationalis", by=None, presentation_fr="Avant."
    )
    services.organisation_update(organisation=other_member, by=None, network=network)
    return network


@pytest.fixture
def network_representatives(make_user, member, other_member, network):
    """A representative of each member of the network, each in a browser of their own."""
    browsers = []
    for organisation in (member, other_member):
        user = make_user(f"rep-{organisation.slug}")
        organisation.representatives.add(user)
        browser = Client()
        browser.force_login(user)
        browsers.append((browser, portal_url("network-edit", organisation)))
    return browsers


@pytest.mark.parametrize(("language", "message"), [("fr", STALE_FR), ("en", STALE_EN)])
def test_representatives_of_two_members_cannot_overwrite_each_others_network(
    make_user, member, other_member, network, language, message
):
    pages = []
    for organisation in (member, other_member):
        user = make_user(f"rep-{organisation.slug}")
        organisation.representatives.add(user)
        browser = Client()
        browser.force_login(user)
        url = portal_url("network-edit", organisation, language)
        pages.append((browser, url, form_data(browser.get(url).content.decode())))
    (first, url_1, data_1), (second, url_2, data_2) = pages
    assert data_1["version"] == data_2["version"] == str(network.version)
    assert first.post(url_1, {**data_1, "presentation_fr": "Du premier."}).status_code == 302
    response = second.post(url_2, {**data_2, "presentation_en": "By the second."})
    refused(response, keeps="By the second.", message=message)
    # Saving again without reloading is refused again: nothing is overwritten unseen.
    response = second.post(url_2, form_data(response.content.decode()))
    refused(response, keeps="By the second.", message=message)
    network.refresh_from_db()
    assert (network.presentation_fr, network.presentation_en) == ("Du premier.", "")


def test_naming_a_network_does_not_overwrite_the_one_named_meanwhile(two_representatives, member):
    first, second = two_representatives
    url = portal_url("network-edit", member)
    data_1 = form_data(first.get(url).content.decode())
    data_2 = form_data(second.get(url).content.decode())
    assert "name" in data_1
    assert first.post(url, {**data_1, "name": "RENATE", "presentation_fr": "Du premier."})
    response = second.post(url, {**data_2, "name": "ECPAT", "presentation_fr": "Du second."})
    refused(response, keeps="Du second.")
    network = InternationalNetwork.objects.get()
    assert (network.name, network.presentation_fr) == ("RENATE", "Du premier.")
    assert Organisation.objects.get(pk=member.pk).network == network


@pytest.mark.parametrize(("language", "message"), [("fr", STALE_FR), ("en", STALE_EN)])
def test_second_coordinator_cannot_overwrite_a_network(
    coordinators, network, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    response = race(
        *coordinators,
        network,
        presentation_fr="Du premier.",
        website="https://second.example.org",
    )
    refused(response, keeps="https://second.example.org", message=message)
    network.refresh_from_db()
    assert (network.presentation_fr, network.website) == ("Du premier.", "")


def test_a_coordinators_save_outdates_a_representatives_network_form(
    network_representatives, coordinator_client, network
):
    (browser, url), _other = network_representatives
    data = form_data(browser.get(url).content.decode())
    admin_url, admin_data = open_admin(coordinator_client, network)
    assert (
        save(coordinator_client, admin_url, admin_data, website="https://caritas.org").status_code
        == 302
    )
    response = browser.post(url, {**data, "website": "https://member.example.org"})
    refused(response, keeps="https://member.example.org")
    assert InternationalNetwork.objects.get(pk=network.pk).website == "https://caritas.org"


def test_a_representatives_save_outdates_a_coordinators_network_page(
    network_representatives, coordinator_client, network
):
    (browser, url), _other = network_representatives
    admin_url, admin_data = open_admin(coordinator_client, network)
    data = form_data(browser.get(url).content.decode())
    assert browser.post(url, {**data, "presentation_fr": "Du membre."}).status_code == 302
    response = save(
        coordinator_client, admin_url, admin_data, presentation_fr="De la coordination."
    )
    refused(response, keeps="De la coordination.")
    assert InternationalNetwork.objects.get(pk=network.pk).presentation_fr == "Du membre."


def test_the_network_service_refuses_a_stale_version(network):
    loaded = network.version
    services.network_update(network=network, by=None, presentation_fr="Un.")
    with pytest.raises(locking.StaleRecord):
        services.network_update(
            network=InternationalNetwork.objects.get(pk=network.pk),
            by=None,
            version=loaded,
            presentation_fr="Deux.",
        )
    assert InternationalNetwork.objects.get(pk=network.pk).presentation_fr == "Un."


def test_two_network_saves_racing_past_the_forms_check_leave_the_first(
    network_representatives, network, monkeypatch
):
    """Both passed the form's check at the same instant: the claim refuses the second, whose
    input is shown again with the message, nothing of it saved."""
    (browser, url), _other = network_representatives
    data = form_data(browser.get(url).content.decode())
    claim = locking.claim

    def other_save_commits_first(instance, version):
        locking.bump(InternationalNetwork, instance.pk)
        claim(instance, version)

    monkeypatch.setattr(locking, "claim", other_save_commits_first)
    response = browser.post(url, {**data, "presentation_fr": "Perdu ?"})
    refused(response, keeps="Perdu ?")
    assert InternationalNetwork.objects.get(pk=network.pk).presentation_fr == "Avant."


def test_a_network_history_revert_carries_the_current_version(coordinator_client, network):
    services.network_update(network=network, by=None, presentation_fr="Première.")
    services.network_update(network=network, by=None, presentation_fr="Vandale.")
    first = network.history.filter(presentation_fr="Première.").get()
    url = f"/admin/members/internationalnetwork/{network.pk}/history/{first.history_id}/"
    form_id = "historicalinternationalnetwork_form"
    data = form_data(coordinator_client.get(url).content.decode(), form_id)
    assert data["version"] == str(InternationalNetwork.objects.get(pk=network.pk).version)
    services.network_update(network=network, by=None, website="https://caritas.org")
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert STALE_FR in response.content.decode()
    data = form_data(coordinator_client.get(url).content.decode(), form_id)
    assert coordinator_client.post(url, data).status_code == 302
    assert InternationalNetwork.objects.get(pk=network.pk).presentation_fr == "Première."
