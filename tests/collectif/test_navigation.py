"""The main navigation, the header's logged-in state, breadcrumbs and the human site map."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from documents.models import LegalResource
from meetings.models import Meeting
from members.models import Organisation
from news.models import NewsItem
from tests.demo_data import load_demo
from tests.files import png_upload

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def main_nav(html):
    return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)


def breadcrumbs(html):
    found = re.search(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert found, "no breadcrumbs"
    label, trail = found.groups()
    items = re.findall(r"<li>(.*?)</li>", trail, re.S)
    return label, items


@pytest.fixture
def demo():
    load_demo()


# --- Main navigation ------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "label"), [("fr", "Agenda"), ("en", "Events")])
def test_main_navigation_links_the_events(client, language, label):
    nav = main_nav(client.get(url("collectif:home", language)).content.decode())
    assert f'<a href="{url("meetings:event-list", language)}">{label}</a>' in nav


def test_current_section_is_marked_on_its_page_and_below_it(client, ccem):
    nav = main_nav(client.get(url("members:directory")).content.decode())
    assert f'<a href="{url("members:directory")}" aria-current="page">Membres</a>' in nav
    nav = main_nav(client.get(ccem.get_absolute_url()).content.decode())
    assert f'<a href="{url("members:directory")}" aria-current="true">Membres</a>' in nav
    # The home page is the prefix of every address, and only ever its own page.
    assert f'<a href="{url("collectif:home")}">Accueil</a>' in nav
    assert nav.count("aria-current") == 1


def test_menu_is_a_disclosure_that_needs_no_script(client):
    nav = main_nav(client.get(url("collectif:home")).content.decode())
    assert '<details class="site-menu' in nav
    assert re.search(r"<summary[^>]*>.*Menu</summary>", nav)


# --- Who is logged in -----------------------------------------------------------------------


def test_anonymous_header_reads_no_session_and_stays_cacheable(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    response = client.get(url("collectif:about"))
    assert "cookie" not in response.headers.get("Vary", "").lower()
    assert "Se déconnecter" not in response.content.decode()
    assert client.get(url("collectif:about")).headers.get("Vary") == response.headers.get("Vary")
    cache.clear()


def test_header_says_who_is_logged_in_with_member_area_and_log_out(representative_client):
    html = representative_client.get(url("collectif:home")).content.decode()
    header = re.search(r'<div class="site-account">.*?</div>', html, re.S).group(0)
    assert "Connecté·e\u202f: <strong>Bénédicte</strong>" in header
    assert f'href="{url("portal:dashboard")}"' in header
    assert re.search(
        rf'<form class="site-account__logout" method="post" action="{url("portal:logout")}">',
        header,
    )
    assert 'name="csrfmiddlewaretoken"' in header


def test_header_log_out_button_logs_out(representative_client):
    response = representative_client.post(url("portal:logout"), follow=True)
    assert response.redirect_chain[0][0] == url("collectif:home")
    html = response.content.decode()
    assert "Vous êtes déconnecté" in html
    assert "Connecté·e" not in html
    assert representative_client.get(url("portal:dashboard")).status_code == 302


def test_a_session_cookie_without_a_login_shows_no_account(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    html = client.get(url("collectif:home")).content.decode()
    assert "site-account" not in html


# --- Breadcrumbs ----------------------------------------------------------------------------


def test_breadcrumbs_on_each_detail_page_kind(client, demo, make_user):
    organisation = Organisation.objects.get(acronym="COFRADE")
    resource = LegalResource.objects.filter(is_published=True).first()
    item = NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED).first()
    event = re.search(
        r'href="(/fr/agenda/\d+/)"', client.get(url("meetings:event-list")).content.decode()
    )
    minutes = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")
    home = f'<a href="{url("collectif:home")}">Accueil</a>'
    for page, parents in [
        (organisation.get_absolute_url(), [(url("members:directory"), "Membres")]),
        (resource.get_absolute_url(), [(url("documents:library"), "Droit")]),
        (item.get_absolute_url(), [(url("news:item-list"), "Actualités")]),
        (event.group(1), [(url("meetings:event-list"), "Agenda")]),
    ]:
        label, items = breadcrumbs(client.get(page).content.decode())
        assert label == "Fil d'Ariane"
        assert items[0] == home
        assert items[1:-1] == [f'<a href="{href}">{text}</a>' for href, text in parents]
        assert items[-1].startswith('<span aria-current="page"')

    client.force_login(make_user("reader", is_staff=True, is_superuser=True))
    label, items = breadcrumbs(client.get(minutes.get_absolute_url()).content.decode())
    assert items[1] == f'<a href="{url("portal:dashboard")}">Espace membre</a>'
    assert items[2] == (
        f'<a href="{url("meetings-portal:meeting-list")}">Réunions et comptes-rendus</a>'
    )
    assert "aria-current" in items[3]


# --- Site map -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "path", "title"),
    [("fr", "/fr/plan-du-site/", "Plan du site"), ("en", "/en/site-map/", "Site map")],
)
def test_site_map_is_public_in_both_languages(client, language, path, title):
    assert url("collectif:site-map", language) == path
    response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_every_link_of_the_site_map_resolves(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = client.get(url("collectif:site-map")).content.decode()
    main = re.search(r"<main.*</main>", html, re.S).group(0)
    links = set(re.findall(r'href="(/[^"#]*)"', main))
    for section in ("members:directory", "news:item-list", "meetings:event-list"):
        assert url(section) in links
    assert url("meetings-portal:meeting-list") in links
    for link in links:
        status = client.get(link).status_code
        # The member area's pages send anonymous visitors to its login page.
        expected = (
            302 if link.startswith(url("portal:dashboard")) and link != url("portal:login") else 200
        )
        assert status == expected, link


def test_footer_links_the_site_map_rather_than_the_xml_file(client):
    html = client.get(url("collectif:home")).content.decode()
    footer = re.search(r"<footer.*</footer>", html, re.S).group(0)
    assert f'href="{url("collectif:site-map")}">Plan du site</a>' in footer
    assert "sitemap.xml" not in footer


def test_xml_sitemap_lists_the_site_map_page(client):
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {
        node.text for node in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    assert "http://testserver/fr/plan-du-site/" in locations
    assert "http://testserver/en/site-map/" in locations


# --- Members' marks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "name", "mark"),
    [
        ("COFRADE", "Conseil français des associations pour les droits de l'enfant", "COFRADE"),
        ("ECPAT France", "ECPAT France", "ECPAT France"),
        ("", "Amicale du Nid", "AN"),
        ("Secours Catholique", "Secours Catholique – Caritas France", "SCCF"),
    ],
)
def test_mark_stands_in_for_a_missing_logo(make_organisation, client, acronym, name, mark):
    organisation = make_organisation(name, acronym=acronym, slug="mark")
    assert organisation.initials == mark
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert re.search(
        rf'<span class="org-logo org-logo--placeholder[^"]*" aria-hidden="true">{mark}', html
    )


def test_a_given_logo_shows_sized_beside_the_name(make_organisation, client):
    organisation = make_organisation("ECPAT France", acronym="ECPAT", slug="ecpat")
    organisation.logo = png_upload(size=(120, 60))
    organisation.save()
    for page in (organisation.get_absolute_url(), url("members:directory")):
        html = client.get(page).content.decode()
        # The name is next to it: an empty alt, so that it is not read twice.
        assert re.search(
            r'<img class="org-logo[^"]*" src="/media/[^"]+" alt="" width="120" height="60"', html
        )
        assert (
            "org-logo--placeholder" not in html.split("<main", 1)[1].split("ECPAT France")[0][-400:]
        )


def test_an_address_refused_before_login_is_known_still_gets_its_page(representative_client):
    # Refused by a middleware that runs before the authentication middleware: no request.user.
    assert representative_client.get("/fr/membres/a\x00b/").status_code == 400
