"""Language negotiation, the language switch, hreflang alternates and the French fallback."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from collectif.models import Page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/fr/"), ("de-DE,de", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_to_the_language_the_browser_asks_for(client, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


@pytest.mark.parametrize(
    ("name", "fr_path", "en_path"),
    [
        ("about", "/fr/le-collectif/", "/en/about/"),
        ("join", "/fr/rejoindre/", "/en/join/"),
        ("legal", "/fr/mentions-legales/", "/en/legal-notice/"),
        ("privacy", "/fr/donnees-personnelles/", "/en/privacy/"),
        ("contact", "/fr/contact/", "/en/contact/"),
    ],
)
def test_paths_are_translated(name, fr_path, en_path):
    with translation.override("fr"):
        assert reverse(f"collectif:{name}") == fr_path
    with translation.override("en"):
        assert reverse(f"collectif:{name}") == en_path


def test_html_lang_and_alternates(client):
    html = client.get("/fr/le-collectif/").content.decode()
    assert '<html lang="fr">' in html
    assert '<link rel="canonical" href="http://testserver/fr/le-collectif/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in html
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/le-collectif/">' in html


def test_language_switch_points_to_same_page_in_other_language(client):
    html = client.get("/en/join/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="/fr/rejoindre/" hreflang="fr" lang="fr"' in html


def test_language_switch_keeps_the_query_string(client):
    html = client.get("/fr/contact/?subject=adhesion").content.decode()
    assert 'href="/en/contact/?subject=adhesion"' in html


def test_alternates_of_a_page_with_arguments_keep_them(client, ccem):
    html = client.get("/fr/membres/ccem/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/members/ccem/">' in html
    assert 'href="/en/members/ccem/" hreflang="en" lang="en"' in html


def test_a_page_not_found_links_its_own_address_in_each_language(client):
    # No view answered it: the alternates are worked out from the address alone.
    response = client.get("/fr/no-such-page/?q=1")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/fr/no-such-page/?q=1">' in (
        html
    )


def test_english_page_falls_back_to_french_marked_as_such(client):
    page = Page.objects.get(key="about")
    page.body_en = ""
    page.save()
    html = client.get("/en/about/").content.decode()
    assert '<div class="rich-text" lang="fr">' in html
    assert page.body_fr.split("\n")[0][:40] in html
    assert "This text is not yet available in English; it is shown in French." in html


def test_english_page_with_english_text_is_not_marked(client):
    html = client.get("/en/about/").content.decode()
    assert 'lang="fr"' not in html.split("<main")[1].split("</main>")[0]
    assert "not yet available in English" not in html


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(response.content)
    locations = {url.find("s:loc", ns).text for url in root.findall("s:url", ns)}
    for name in ["home", "about", "join", "contact", "legal", "privacy"]:
        for language in ["fr", "en"]:
            with translation.override(language):
                assert f"http://testserver{reverse(f'collectif:{name}')}" in locations
    for url in root.findall("s:url", ns):
        hreflangs = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert {"fr", "en"} <= hreflangs
