import pytest
from django.core.cache import cache

from collectif.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_anonymous_page_is_served_from_cache_without_queries(client, django_assert_num_queries):
    client.get("/fr/le-collectif/")
    with django_assert_num_queries(0):
        response = client.get("/fr/le-collectif/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers


def test_each_language_has_its_own_entry(client):
    assert "Le Collectif" in client.get("/fr/le-collectif/").content.decode()
    assert "The collective" in client.get("/en/about/").content.decode()


def test_each_host_and_scheme_has_its_own_entry(client, settings):
    settings.ALLOWED_HOSTS = ["contrelatraite.org", "www.contrelatraite.org"]
    bare = client.get("/fr/le-collectif/", HTTP_HOST="contrelatraite.org").content.decode()
    www = client.get("/fr/le-collectif/", HTTP_HOST="www.contrelatraite.org").content.decode()
    secure = client.get(
        "/fr/le-collectif/", HTTP_HOST="contrelatraite.org", secure=True
    ).content.decode()
    assert 'rel="canonical" href="http://contrelatraite.org/fr/le-collectif/"' in bare
    assert 'rel="canonical" href="http://www.contrelatraite.org/fr/le-collectif/"' in www
    assert 'rel="canonical" href="https://contrelatraite.org/fr/le-collectif/"' in secure


def test_an_unknown_host_is_refused_before_the_cache(client):
    assert client.get("/fr/le-collectif/", HTTP_HOST="evil.example").status_code == 400


def test_a_coordinators_edit_shows_at_once(client, coordinator):
    assert "Le Collectif" in client.get("/fr/le-collectif/").content.decode()
    editor = client.__class__()
    editor.force_login(coordinator)
    page = Page.objects.get(key="about")
    data = {
        "title_fr": "Le Collectif, modifié",
        "title_en": "The collective",
        "intro_fr": page.intro_fr,
        "intro_en": page.intro_en,
        "body_fr": page.body_fr,
        "body_en": page.body_en,
        "version": page.version,
    }
    response = editor.post(f"/admin/collectif/page/{page.pk}/change/", data)
    assert response.status_code == 302
    assert "Le Collectif, modifié" in client.get("/fr/le-collectif/").content.decode()


def test_pages_with_a_form_or_a_session_are_never_cached(client, coordinator):
    client.get("/fr/contact/")
    assert not [key for key in cache._cache if "contact" in key]
    client.force_login(coordinator)
    client.get("/fr/le-collectif/")
    assert not [key for key in cache._cache if "le-collectif" in key]


def test_anonymous_posts_do_not_flush_the_cache(client):
    client.get("/fr/le-collectif/")
    client.post("/fr/contact/", {"name": ""})
    assert [key for key in cache._cache if "le-collectif" in key]
