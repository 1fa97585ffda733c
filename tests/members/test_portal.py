"""The member area: who reaches what, and what each form does with good and bad input."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from collectif import translation_status
from collectif.models import Theme
from members import services
from members.models import ActivityReport, InternationalNetwork, Organisation
from tests.files import image_bytes, pdf_upload, png_upload, upload

pytestmark = pytest.mark.django_db

ORGANISATION_PAGES = [
    "organisation-edit",
    "contact-edit",
    "logo-edit",
    "reports",
    "network-edit",
    "translations",
]


def url(name, organisation=None, language="fr", **kwargs):
    if organisation is not None:
        kwargs["slug"] = organisation.slug
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


@pytest.fixture
def report(member, representative):
    return services.activity_report_add(
        organisation=member, year=2013, language="fr", file=pdf_upload(), by=representative
    )


# --- Who reaches what -------------------------------------------------------------------------


def test_portal_paths_are_translated():
    assert url("dashboard", language="fr") == "/fr/espace-membre/"
    assert url("dashboard", language="en") == "/en/member-area/"
    assert url("login", language="fr") == "/fr/espace-membre/connexion/"


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, member, name):
    response = client.get(url(name, member))
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/espace-membre/connexion/?next=")


def test_anonymous_visitor_cannot_post_either(client, member, report):
    response = client.post(url("report-delete", member, pk=report.pk))
    assert response.status_code == 302
    assert ActivityReport.objects.filter(pk=report.pk).exists()
    for name in ["dashboard", "password-change"]:
        assert client.get(url(name)).status_code == 302


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_representative_reaches_its_own_organisation(representative_client, member, name):
    assert representative_client.get(url(name, member)).status_code == 200


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_representative_cannot_see_another_organisation(representative_client, other_member, name):
    assert representative_client.get(url(name, other_member)).status_code == 404


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_representative_cannot_change_another_organisation(
    representative_client, other_member, name
):
    before = Organisation.objects.filter(pk=other_member.pk).values().get()
    data = {
        "description_fr": "Vandalisme",
        "description_en": "Vandalism",
        "contact_last_name": "Intrus",
        "contact_email": "intrus@example.org",
        "confirm": "on",
        "remove": "on",
        "presentation_fr": "Vandalisme",
        "name": "Réseau pirate",
        "year": "2013",
        "language": "fr",
    }
    assert representative_client.post(url(name, other_member), data).status_code == 404
    assert Organisation.objects.filter(pk=other_member.pk).values().get() == before
    assert not InternationalNetwork.objects.exists()


def test_representative_cannot_delete_another_organisations_report(
    representative_client, member, other_member, make_user
):
    other_report = services.activity_report_add(
        organisation=other_member, year=2013, language="fr", file=pdf_upload(), by=make_user()
    )
    for organisation in [member, other_member]:
        response = representative_client.post(
            url("report-delete", organisation, pk=other_report.pk)
        )
        assert response.status_code == 404
    assert ActivityReport.objects.filter(pk=other_report.pk).exists()


def test_user_without_organisation_sees_no_organisation(client, make_user, member):
    client.force_login(make_user("nobody"))
    dashboard = client.get(url("dashboard"))
    assert dashboard.status_code == 200
    assert "Votre compte n'est encore lié à aucune organisation" in dashboard.content.decode()
    for name in ORGANISATION_PAGES:
        assert client.get(url(name, member)).status_code == 404


def test_unknown_organisation_is_not_found(representative_client):
    missing = Organisation(slug="does-not-exist")
    assert representative_client.get(url("organisation-edit", missing)).status_code == 404


def test_former_members_representative_is_refused_with_the_reason(
    client, make_user, make_organisation
):
    gone = make_organisation("Partie", status="former", since=date(2015, 1, 1))
    user = make_user("former-rep")
    gone.representatives.add(user)
    client.force_login(user)
    for name in ORGANISATION_PAGES:
        response = client.get(url(name, gone))
        assert response.status_code == 403
        assert "Partie n&#x27;est plus membre du Collectif." in response.content.decode()


def test_observer_and_candidate_keep_their_page(client, make_user, observer, make_organisation):
    candidate = make_organisation("Candidate", status="candidate")
    user = make_user("rep")
    observer.representatives.add(user)
    candidate.representatives.add(user)
    client.force_login(user)
    for organisation in [observer, candidate]:
        assert client.get(url("organisation-edit", organisation)).status_code == 200


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_coordinator_reaches_every_organisation(coordinator_client, other_member, name):
    assert coordinator_client.get(url(name, other_member)).status_code == 200


def test_dashboard_lists_only_the_users_organisations(representative_client, member, other_member):
    content = representative_client.get(url("dashboard")).content.decode()
    assert "Comité contre l&#x27;esclavage moderne" in content
    assert other_member.name not in content


def test_dashboard_says_what_is_still_missing(representative_client, member, time_machine):
    time_machine.move_to("2015-03-01 10:00")
    content = representative_client.get(url("dashboard")).content.decode()
    for missing in [
        "Contact public",
        "Contact confirmé cette année",
        "Dernier rapport d&#x27;activité",
    ]:
        assert missing in content


def test_dashboard_costs_the_same_for_one_or_many_organisations(
    client, make_user, make_organisation, django_assert_num_queries
):
    user = make_user("network-rep")
    client.force_login(user)
    network = InternationalNetwork.objects.create(name="Caritas", presentation_fr="Réseau.")

    def represent(count):
        for _ in range(count):
            make_organisation(network=network).representatives.add(user)

    represent(1)
    client.get(url("dashboard"))
    with django_assert_num_queries(4):  # session, user, organisations, translations
        client.get(url("dashboard"))
    represent(20)
    with django_assert_num_queries(4):
        response = client.get(url("dashboard"))
    assert len(response.context["provisions"]) == 21


# --- Presentation -----------------------------------------------------------------------------


def test_representative_edits_descriptions_side_by_side(
    representative_client, member, representative
):
    minors = Theme.objects.get(slug="minors")
    response = representative_client.post(
        url("organisation-edit", member),
        {
            "description_fr": "Le CCEM accompagne les victimes.",
            "description_en": "The CCEM supports victims.",
            "website_fr": "https://www.esclavagemoderne.org/",
            "website_en": "",
            "network": "",
            "themes": [minors.pk],
            "version": member.version,
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.description_en == "The CCEM supports victims."
    assert list(member.themes.all()) == [minors]
    assert member.history.first().history_user == representative
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["La page de votre organisation a été mise à jour."]


def test_bad_website_is_refused_in_the_visitors_language_and_nothing_is_saved(
    representative_client, member
):
    response = representative_client.post(
        url("organisation-edit", member, language="en"),
        {
            "description_fr": "Changé",
            "description_en": "",
            "website_fr": "not a web address",
            "version": member.version,
        },
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    french = representative_client.post(
        url("organisation-edit", member),
        {
            "description_fr": "Changé",
            "description_en": "",
            "website_fr": "pas une adresse",
            "version": member.version,
        },
    )
    assert "Saisissez une URL valide." in french.content.decode()
    member.refresh_from_db()
    assert member.description_fr != "Changé"


# --- Contact ----------------------------------------------------------------------------------

CONTACT = {
    "contact_first_name": "Bénédicte",
    "contact_last_name": "Bourgeois",
    "contact_name_public": "on",
    "contact_role_fr": "Responsable juridique",
    "contact_role_en": "Legal officer",
    "contact_email": "ccem@example.org",
    "contact_email_public": "on",
    "contact_phone": "",
    "contact_address": "Adresse du foyer",
}


def test_contact_is_saved_with_its_confirmation_date(representative_client, member, time_machine):
    time_machine.move_to("2015-02-10 10:00")
    response = representative_client.post(
        url("contact-edit", member), {**CONTACT, "confirm": "on", "version": member.version}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.contact_confirmed_on == date(2015, 2, 10)
    assert member.public_contact() == {
        "name": "Bénédicte Bourgeois",
        "email": "ccem@example.org",
    }


def test_contact_is_not_saved_without_the_confirmation(representative_client, member):
    response = representative_client.post(
        url("contact-edit", member), {**CONTACT, "version": member.version}
    )
    assert response.status_code == 200
    assert "Merci de confirmer le contact" in response.content.decode()
    member.refresh_from_db()
    assert member.contact_last_name == ""
    assert member.contact_confirmed_on is None


def test_contact_needs_a_name_and_a_way_to_reach_it(representative_client, member):
    data = {**CONTACT, "confirm": "on", "contact_last_name": "", "contact_first_name": ""}
    data["version"] = member.version
    data["contact_email"] = ""
    content = representative_client.post(url("contact-edit", member, language="en"), data)
    content = content.content.decode()
    assert "Give the contact person&#x27;s name." in content
    assert "Give an e-mail address or a telephone number." in content


# --- Logo -------------------------------------------------------------------------------------


def test_logo_is_re_encoded_and_saved(representative_client, member):
    response = representative_client.post(
        url("logo-edit", member), {"logo": png_upload("Logo CCEM.PNG", size=(1200, 600))}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.logo.name.startswith("members/logos/logo-ccem")
    assert (member.logo_width, member.logo_height) == (600, 300)


def test_refused_logo_says_why_and_keeps_the_existing_one(representative_client, member):
    representative_client.post(url("logo-edit", member), {"logo": png_upload()})
    member.refresh_from_db()
    kept = member.logo.name
    svg = upload("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    response = representative_client.post(url("logo-edit", member), {"logo": svg})
    assert response.status_code == 200
    assert "Les images SVG ne sont pas acceptées" in response.content.decode()
    member.refresh_from_db()
    assert member.logo.name == kept


def test_oversized_logo_is_refused(representative_client, member):
    big = upload("big.png", image_bytes("PNG") + b"\0" * (6 * 1024 * 1024), "image/png")
    response = representative_client.post(url("logo-edit", member, language="en"), {"logo": big})
    assert "the limit is 5.0" in response.content.decode()
    member.refresh_from_db()
    assert not member.logo


def test_logo_can_be_removed(representative_client, member):
    representative_client.post(url("logo-edit", member), {"logo": png_upload()})
    representative_client.post(url("logo-edit", member), {"remove": "on"})
    member.refresh_from_db()
    assert not member.logo


def test_empty_logo_form_asks_for_a_choice(representative_client, member):
    response = representative_client.post(url("logo-edit", member), {})
    assert "Choisissez un nouveau logo" in response.content.decode()


# --- Activity reports -------------------------------------------------------------------------


def test_report_is_added_and_listed(representative_client, member):
    response = representative_client.post(
        url("reports", member), {"year": "2013", "language": "fr", "file": pdf_upload()}
    )
    assert response.status_code == 302
    assert member.reports.get().year == 2013


def test_text_file_named_pdf_is_refused(representative_client, member):
    response = representative_client.post(
        url("reports", member),
        {"year": "2013", "language": "fr", "file": upload("rapport.pdf", b"hello")},
    )
    assert response.status_code == 200
    assert "Ce fichier n&#x27;est pas un document PDF." in response.content.decode()
    assert not member.reports.exists()


def test_report_is_removed(representative_client, member, report):
    response = representative_client.post(url("report-delete", member, pk=report.pk))
    assert response.status_code == 302
    assert not member.reports.exists()
    assert representative_client.get(url("report-delete", member, pk=report.pk)).status_code == 405


# --- Network ----------------------------------------------------------------------------------


def test_representative_names_its_network(representative_client, member):
    response = representative_client.post(
        url("network-edit", member),
        {"name": "RENATE", "presentation_fr": "Réseau européen.", "website": "renate-europe.net"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.network.name == "RENATE"
    assert member.network.website == "https://renate-europe.net"


def test_representative_edits_its_networks_presentation(representative_client, member):
    member.network = InternationalNetwork.objects.create(name="Caritas Internationalis")
    member.save()
    representative_client.post(
        url("network-edit", member),
        {
            "presentation_fr": "Confédération.",
            "presentation_en": "Confederation.",
            "website": "",
            "version": member.network.version,
        },
    )
    member.network.refresh_from_db()
    assert member.network.presentation_en == "Confederation."


# --- English texts ----------------------------------------------------------------------------


def test_translations_page_lists_missing_english_and_saves_it(representative_client, member):
    page = representative_client.get(url("translations", member, language="en"))
    content = page.content.decode()
    assert "Description in English" in content
    assert "no English yet" in content
    response = representative_client.post(
        url("translations", member), {"record0-description": "The CCEM supports victims."}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.description_en == "The CCEM supports victims."
    assert not translation_status.status_for(member).needing_work()
    after = representative_client.get(url("translations", member, language="en"))
    assert "has an up-to-date English version" in after.content.decode()


def test_stale_english_can_be_confirmed_unchanged(
    representative_client, member, representative, time_machine
):
    time_machine.move_to("2015-01-01 10:00")
    services.organisation_update(organisation=member, by=representative, description_en="Old.")
    time_machine.move_to("2015-02-01 10:00")
    services.organisation_update(organisation=member, by=representative, description_fr="Neuf.")
    assert translation_status.status_for(member).texts[("description", "en")].is_stale
    time_machine.move_to("2015-02-02 10:00")
    representative_client.post(
        url("translations", member),
        {"record0-description": "Old.", "record0-description__confirmed": "on"},
    )
    assert not translation_status.status_for(member).needing_work()


def test_dashboard_lists_texts_needing_english(representative_client, member):
    content = representative_client.get(url("dashboard", language="en")).content.decode()
    assert "Texts that need English" in content
    assert "Description — no English yet" in content


def test_dashboard_keeps_its_provisions_until_the_next_write(
    representative_client, member, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    content = representative_client.get(url("dashboard")).content.decode()
    assert "pas encore d'anglais" in content
    with django_assert_num_queries(2):  # session and user: the provisions come from the cache
        representative_client.get(url("dashboard"))
    english = representative_client.get(url("dashboard", language="en")).content.decode()
    assert "Description — no English yet" in english

    # The member writes its English description: its home says so at once.
    representative_client.post(
        url("organisation-edit", member),
        {
            "description_fr": member.description_fr,
            "description_en": "The CCEM supports victims.",
            "website_fr": "",
            "website_en": "",
            "network": "",
            "version": member.version,
        },
    )
    assert Organisation.objects.get(pk=member.pk).description_en == "The CCEM supports victims."
    content = representative_client.get(url("dashboard")).content.decode()
    assert "pas encore d'anglais" not in content
    cache.clear()


def test_each_person_keeps_a_home_of_their_own(
    representative, other_representative, member, other_member, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    for _ in range(2):  # rendered, then from the cache
        for user, theirs, not_theirs in [
            (representative, member, other_member),
            (other_representative, other_member, member),
        ]:
            client = Client()
            client.force_login(user)
            content = client.get(url("dashboard")).content.decode()
            assert f'<h2 id="org-{theirs.pk}">' in content
            assert f'<h2 id="org-{not_theirs.pk}">' not in content
    cache.clear()


def test_a_home_from_the_cache_logs_out_with_the_visitors_own_token(representative, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    other = Client(enforce_csrf_checks=True)
    other.force_login(representative)
    other.get(url("dashboard"))
    client = Client(enforce_csrf_checks=True)
    client.force_login(representative)
    content = client.get(url("dashboard")).content.decode()
    account = content.split('id="account-title"')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', account).group(1)
    assert client.post(url("logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get(url("dashboard")).status_code == 302
    cache.clear()


# --- Account ----------------------------------------------------------------------------------


def test_login_leads_to_the_member_area(client, representative):
    response = client.post(
        url("login"), {"username": "representative", "password": representative.raw_password}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/espace-membre/"


def test_wrong_password_is_refused_in_french(client, representative):
    response = client.post(url("login"), {"username": "representative", "password": "wrong"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_logout_leaves_a_message(representative_client):
    response = representative_client.post(url("logout"), follow=True)
    assert response.redirect_chain[-1][0] == "/fr/"
    assert "Vous êtes déconnecté·e." in response.content.decode()
    assert representative_client.get(url("dashboard")).status_code == 302


def test_password_reset_by_email_in_the_visitors_language(client, representative):
    response = client.post(url("password-reset", language="en"), {"email": "rep@ccem.example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["rep@ccem.example.org"]
    link = re.search(r"http://testserver(/en/member-area/password-reset/\S+/)", message.body)[1]
    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0]
    response = client.post(
        set_url,
        {"new_password1": "une-phrase-de-passe-2015", "new_password2": "une-phrase-de-passe-2015"},
    )
    assert response.status_code == 302
    representative.refresh_from_db()
    assert representative.check_password("une-phrase-de-passe-2015")
    # The link works once.
    assert "This link is not valid" in client.get(link, follow=True).content.decode()


def test_password_change(representative_client, representative):
    response = representative_client.post(
        url("password-change"),
        {
            "old_password": representative.raw_password,
            "new_password1": "encore-une-phrase-2016",
            "new_password2": "encore-une-phrase-2016",
        },
    )
    assert response.status_code == 302
    representative.refresh_from_db()
    assert representative.check_password("encore-une-phrase-2016")


def test_header_links_to_the_members_and_the_member_area(client, representative):
    content = client.get("/fr/").content.decode()
    assert 'href="/fr/membres/"' in content
    assert 'href="/fr/espace-membre/">Espace membre' in content
    client.force_login(representative)
    assert 'href="/fr/espace-membre/">Espace membre' in client.get("/fr/").content.decode()


def test_member_area_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/en/member-area/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/member-area/login/?next=/en/member-area/"
    assert "Log in to the member area" in response.content.decode()


def test_member_area_login_is_throttled_like_the_admins(client, representative, settings):
    from django.core.cache import cache

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    cache.clear()
    for _ in range(2):
        assert (
            client.post(url("login"), {"username": "representative", "password": "x"}).status_code
            == 200
        )
    assert (
        client.post(url("login"), {"username": "representative", "password": "x"}).status_code
        == 429
    )
    good = {"username": "representative", "password": representative.raw_password}
    assert client.post(url("login"), good).status_code == 429
