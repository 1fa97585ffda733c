"""The public directory and organisation pages."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape

from collectif import translation_status
from collectif.models import Theme
from members import services
from members.models import InternationalNetwork, Organisation
from tests.files import image_bytes, pdf_upload

pytestmark = pytest.mark.django_db

DIRECTORY = {"fr": "/fr/membres/", "en": "/en/members/"}


def detail(organisation, language):
    return f"{DIRECTORY[language]}{organisation.slug}/"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_directory_lists_members_and_observers_only(client, language, make_organisation):
    make_organisation("Membre fondateur")
    make_organisation("Observatrice", status="observer", since=date(2014, 10, 1))
    make_organisation("Candidate", status="candidate")
    make_organisation("Ancien membre", status="former", since=date(2012, 1, 1))
    content = client.get(DIRECTORY[language]).content.decode()
    assert "Membre fondateur" in content
    assert "Observatrice" in content
    assert "Candidate" not in content
    assert "Ancien membre" not in content


@pytest.mark.parametrize(("language", "label"), [("fr", "Observateur"), ("en", "Observer")])
def test_observers_are_marked_in_both_languages(client, observer, member, language, label):
    response = client.get(DIRECTORY[language])
    cards = response.content.decode().split('<li class="org-card">')[1:]
    [observer_card] = [c for c in cards if escape(observer.name) in c]
    [member_card] = [c for c in cards if escape(member.name) in c]
    assert f'badge--observer">{label}<' in observer_card
    assert "badge--observer" not in member_card


def test_directory_filters_by_theme_and_status(client, member, observer, other_member):
    minors = Theme.objects.get(slug="minors")
    member.themes.add(minors)
    observer.themes.add(minors)
    names = lambda response: [o["name"] for o in response.context["organisations"]]  # noqa: E731
    assert set(names(client.get("/en/members/?theme=minors"))) == {member.name, observer.name}
    assert names(client.get("/en/members/?theme=minors&status=observer")) == [observer.name]
    assert set(names(client.get("/en/members/?status=member"))) == {member.name, other_member.name}


def test_unknown_filter_is_said_and_lists_everyone(client, member, observer):
    response = client.get("/fr/membres/?theme=nothing-like-this")
    assert response.status_code == 200
    assert len(response.context["organisations"]) == 2
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_candidates_and_former_members_have_no_public_page(client, make_organisation):
    for status in ["candidate", "former"]:
        organisation = make_organisation(status=status)
        assert client.get(detail(organisation, "en")).status_code == 404


def test_member_page_says_member_since_in_both_languages(client, member):
    assert "Member since 1 January 2008" in client.get(detail(member, "en")).content.decode()
    assert "Membre depuis le 1er janvier 2008" in client.get(detail(member, "fr")).content.decode()


def test_observer_page_says_it_does_not_vote_or_represent(client, observer):
    english = client.get(detail(observer, "en")).content.decode()
    assert "Observer since 1 October 2014" in english
    assert "<li>vote</li>" in english
    assert "represent the collective" in english
    french = client.get(detail(observer, "fr")).content.decode()
    assert "Membre observateur depuis le 1er octobre 2014" in french
    assert "représenter le Collectif" in french


def test_contact_is_public_only_once_confirmed(client, member):
    member.contact_first_name, member.contact_last_name = "Bénédicte", "Bourgeois"
    member.contact_email = "ccem@example.org"
    member.save()
    assert "Bourgeois" not in client.get(detail(member, "fr")).content.decode()
    member.contact_confirmed_on = date(2014, 10, 6)
    member.save()
    assert "Bourgeois" in client.get(detail(member, "fr")).content.decode()


def test_contact_shows_only_the_fields_chosen_public(client, member):
    member.contact_last_name = "Bourgeois"
    member.contact_email = "ccem@example.org"
    member.contact_phone = "01 00 00 00 00"
    member.contact_address = "Adresse confidentielle du foyer"
    member.contact_email_public = False
    member.contact_phone_public = False
    member.contact_address_public = False
    member.contact_confirmed_on = date(2014, 10, 6)
    member.save()
    content = client.get(detail(member, "fr")).content.decode()
    assert "Bourgeois" in content
    for private in ["ccem@example.org", "01 00 00 00 00", "Adresse confidentielle"]:
        assert private not in content


def test_english_page_marks_the_french_fallback(client, member):
    member.description_fr = "Le CCEM accompagne les victimes."
    member.description_en = ""
    member.save()
    content = client.get(detail(member, "en")).content.decode()
    assert (
        '<div class="rich-text" lang="fr"><p>Le CCEM accompagne les victimes.</p></div>' in content
    )
    assert "not yet available in English" in content


def test_english_page_shows_english_without_fallback_notice(client, member):
    member.description_en = "The CCEM supports victims."
    member.save()
    content = client.get(detail(member, "en")).content.decode()
    assert '<div class="rich-text"><p>The CCEM supports victims.</p></div>' in content
    assert "not yet available in English" not in content


def test_english_page_says_when_the_english_may_be_outdated(client, member, representative):
    services.organisation_update(
        organisation=member, by=representative, description_en="The CCEM supports victims."
    )
    later = timezone.now() + timedelta(minutes=1)
    member.description_fr = "Le CCEM accompagne les victimes depuis 1994."
    member.save()
    translation_status.record(member, [("description", "fr")], when=later)
    assert "may be out of date" in client.get(detail(member, "en")).content.decode()
    assert "plus à jour" not in client.get(detail(member, "fr")).content.decode()


def test_english_page_links_to_the_english_site_where_there_is_one(client, member):
    member.website_fr = "https://www.esclavagemoderne.org/"
    member.save()
    english = client.get(detail(member, "en")).content.decode()
    assert 'href="https://www.esclavagemoderne.org/" rel="noopener" hreflang="fr"' in english
    member.website_en = "https://www.esclavagemoderne.org/en/"
    member.save()
    english = client.get(detail(member, "en")).content.decode()
    assert 'href="https://www.esclavagemoderne.org/en/" rel="noopener">' in english
    assert (
        'href="https://www.esclavagemoderne.org/"'
        in client.get(detail(member, "fr")).content.decode()
    )


def test_network_is_shown_with_its_website(client, member):
    member.network = InternationalNetwork.objects.create(
        name="ECPAT International", website="https://ecpat.org/", presentation_fr="Réseau mondial."
    )
    member.save()
    content = client.get(detail(member, "fr")).content.decode()
    assert "ECPAT International" in content
    assert 'href="https://ecpat.org/"' in content


def test_reports_are_listed_newest_first(client, member, representative):
    for year in [2012, 2013, 2011]:
        services.activity_report_add(
            organisation=member, year=year, language="fr", file=pdf_upload(), by=representative
        )
    content = client.get(detail(member, "fr")).content.decode()
    positions = [content.index(f"Rapport d&#x27;activité {year}") for year in [2013, 2012, 2011]]
    assert positions == sorted(positions)


def many_organisations(make_organisation, count):
    themes = list(Theme.objects.all()[:3])
    network, _ = InternationalNetwork.objects.get_or_create(name="Caritas Internationalis")
    for index in range(count):
        organisation = make_organisation(
            status="observer" if index % 5 == 0 else "member", network=network
        )
        organisation.themes.set(themes)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_directory_query_count_is_constant(
    client, make_organisation, django_assert_num_queries, language
):
    many_organisations(make_organisation, 10)
    with django_assert_num_queries(3):  # organisations, their themes, the theme filter
        response = client.get(DIRECTORY[language] + "?status=member")
    assert len(response.context["organisations"]) == 8
    many_organisations(make_organisation, 190)
    with django_assert_num_queries(3):
        response = client.get(DIRECTORY[language] + "?status=member")
    assert len(response.context["organisations"]) == 160


def test_detail_query_count_is_constant(
    client, member, representative, make_organisation, django_assert_num_queries
):
    member.network = InternationalNetwork.objects.create(name="RENATE", presentation_fr="Réseau.")
    member.save()
    member.themes.set(Theme.objects.all()[:2])
    services.activity_report_add(
        organisation=member, year=2013, language="fr", file=pdf_upload(), by=representative
    )
    many_organisations(make_organisation, 9)
    client.get(detail(member, "en"))  # content types are cached once per process
    # The organisation with its network, its themes, its reports, the translation dates.
    with django_assert_num_queries(4):
        client.get(detail(member, "en"))
    many_organisations(make_organisation, 190)
    member.themes.set(Theme.objects.all())
    for year in range(1990, 2013):
        services.activity_report_add(
            organisation=member, year=year, language="en", file=pdf_upload(), by=representative
        )
    with django_assert_num_queries(4):
        response = client.get(detail(member, "en"))
    assert response.content.decode().count("Activity report") >= 24


def test_home_lists_members_at_a_constant_cost(
    client, make_organisation, django_assert_num_queries
):
    many_organisations(make_organisation, 10)
    client.get("/en/")  # content types are cached once per process
    # The page, its translation dates, the members; the latest news, the next public meetings
    # and news events (news app).
    with django_assert_num_queries(6):
        response = client.get("/en/")
    assert response.content.decode().count('class="logo-wall__name"') == 10
    many_organisations(make_organisation, 190)
    with django_assert_num_queries(6):
        response = client.get("/en/")
    assert response.content.decode().count('class="logo-wall__name"') == 200


def test_join_page_shows_what_observers_may_do(client):
    content = client.get("/en/join/").content.decode()
    assert "What observers and members do" in content
    assert "Represent the collective and be sent in its delegations" in content


def test_sitemap_holds_directory_and_public_pages_in_both_languages(
    client, member, make_organisation
):
    gone = make_organisation("Ancien membre", status="former", since=date(2012, 1, 1))
    content = client.get("/sitemap.xml").content.decode()
    for path in ["/fr/membres/", "/en/members/", detail(member, "fr"), detail(member, "en")]:
        assert f"<loc>http://testserver{path}</loc>" in content
    assert gone.slug not in content


def test_public_member_pages_are_cached_and_a_members_edit_shows_at_once(
    client, member, representative, settings, django_assert_num_queries
):
    from django.core.cache import cache

    from tests.members.test_portal import url

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    for path in ["/en/", DIRECTORY["en"], detail(member, "en")]:
        client.get(path)
        with django_assert_num_queries(0):
            assert client.get(path).status_code == 200
    editor = client.__class__()
    editor.force_login(representative)
    editor.post(
        url("organisation-edit", member),
        {
            "description_fr": "Nouveau texte.",
            "description_en": "A new text.",
            "version": member.version,
        },
    )
    assert "A new text." in client.get(detail(member, "en")).content.decode()
    cache.clear()


def test_a_logged_in_visitor_gets_the_directory_kept_for_everyone(
    client, member, observer, representative, settings, django_assert_num_queries
):
    from django.core.cache import cache
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    anonymous = client.get(DIRECTORY["fr"]).content.decode()
    logged_in = Client()
    logged_in.force_login(representative)
    with django_assert_num_queries(2):  # the session and the user: the list is kept
        content = logged_in.get(DIRECTORY["fr"]).content.decode()
    main = content.split("<main", 1)[1].split("</main>")[0]
    assert main == anonymous.split("<main", 1)[1].split("</main>")[0]
    assert "Connecté·e" in content
    # Each filter is kept apart; a write shows at once.
    observers = logged_in.get(DIRECTORY["fr"], {"status": "observer"}).content.decode()
    assert observer.name in observers
    assert member.name not in observers
    member.name = "Nom nouveau"
    member.save()
    assert "Nom nouveau" in logged_in.get(DIRECTORY["fr"]).content.decode()
    cache.clear()


def test_lists_show_each_logo_or_the_initials_standing_in(client, member, observer):
    member.logo.save("logo-ccem.png", ContentFile(image_bytes(size=(40, 20))))
    Organisation.objects.filter(pk=member.pk).update(logo_width=40, logo_height=20)
    size = 'alt="" width="40" height="20"'
    logo = f'<img class="org-logo" src="{member.logo.url}" {size} loading="lazy">'
    mark = f'<span class="org-logo org-logo--placeholder" aria-hidden="true">{observer.initials}<'
    for page in ["/fr/", DIRECTORY["fr"]]:
        content = client.get(page).content.decode()
        assert logo in content
        assert mark in content
    content = client.get(detail(member, "fr")).content.decode()
    assert f'<img class="org-logo org-logo--large" src="{member.logo.url}" {size}>' in content


def test_directory_names_themes_in_the_pages_language_else_in_french(client, member):
    minors, labour = Theme.objects.get(slug="minors"), Theme.objects.get(slug="labour-exploitation")
    member.themes.set([labour, minors])
    Theme.objects.filter(pk=minors.pk).update(name_en="")
    card = client.get(DIRECTORY["en"]).content.decode().split('<li class="org-card">')[1]
    themes = card.split('<ul class="tag-list" aria-label="Themes">')[1].split("</ul>")[0]
    in_order = sorted([minors, labour], key=lambda theme: (theme.position, theme.slug))
    expected = {minors.pk: minors.name_fr, labour.pk: labour.name_en}
    assert themes == "".join(f"<li>{escape(expected[theme.pk])}</li>" for theme in in_order)
