"""What crawlers and link previews read: /robots.txt, /favicon.ico, and the Open Graph and
Twitter card tags of every kind of public page, in both languages."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from documents.models import Document, LegalResource
from members.models import Organisation
from news.models import NewsItem
from tests.demo_data import load_demo
from tests.files import png_upload

pytestmark = pytest.mark.django_db

LOCALES = {"fr": ("fr_FR", "en_GB"), "en": ("en_GB", "fr_FR")}


class Head(HTMLParser):
    """The page's <meta property|name=… content=…> tags, by property or name."""

    def __init__(self, html):
        super().__init__()
        self.meta = {}
        self.canonical = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, attrs["content"])
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]


def get(client, language, name, **kwargs):
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    response = client.get(path)
    assert response.status_code == 200, path
    return Head(response.content.decode())


# --- robots.txt and favicon.ico ---------------------------------------------------------------


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_private_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for path in [
        "/admin/",
        "/fr/espace-membre/",
        "/en/member-area/",
        "/fr/recherche/",
        "/en/search/",
    ]:
        assert f"Disallow: {path}" in lines
    # The public pages stay open.
    assert "Disallow: /" not in lines
    assert "Disallow: /fr/" not in lines


def test_robots_txt_member_area_is_the_portals_own_prefix(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for language in ("fr", "en"):
        with translation.override(language):
            assert f"Disallow: {reverse('portal:dashboard')}" in lines


def test_robots_txt_refuses_a_post(client):
    assert client.post("/robots.txt").status_code == 405


def test_favicon_ico_is_an_icon_cached_long(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=2592000" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO header


# --- Link previews ----------------------------------------------------------------------------


@pytest.fixture
def demo(db):
    load_demo()


def assert_preview(head, language, *, kind="website"):
    meta = head.meta
    locale, alternate = LOCALES[language]
    assert meta["og:site_name"] == "Ensemble contre la traite des êtres humains"
    assert meta["og:title"]
    assert meta["og:title"] == meta["twitter:title"]
    assert meta["og:description"]
    assert meta["og:url"] == head.canonical
    assert meta["og:url"].startswith("http://testserver/")
    assert meta["og:type"] == kind
    assert meta["og:locale"] == locale
    assert meta["og:locale:alternate"] == alternate
    assert meta["og:image"].startswith("http://testserver/")
    assert meta["og:image:alt"]
    assert meta["twitter:card"] in {"summary", "summary_large_image"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_kind_of_public_page_has_a_preview(client, demo, language):
    pages = [
        ("collectif:home", {}),
        ("collectif:about", {}),
        ("collectif:join", {}),
        ("collectif:legal", {}),
        ("collectif:privacy", {}),
        ("collectif:contact", {}),
        ("members:directory", {}),
        ("members:organisation-detail", {"slug": Organisation.objects.public().first().slug}),
        ("news:item-list", {}),
        ("news:subscribe", {}),
        ("meetings:event-list", {}),
        ("documents:library", {}),
        ("documents:legal-resource-detail", {"slug": LegalResource.objects.published()[0].slug}),
        ("documents:document-list", {}),
    ]
    document = Document.objects.public().first()
    if document is not None:
        pages.append(("documents:document-detail", {"slug": document.slug}))
    for name, kwargs in pages:
        head = get(client, language, name, **kwargs)
        assert_preview(head, language)
        assert head.meta["og:image"] == "http://testserver/static/images/share.png", name
        assert head.meta["twitter:card"] == "summary_large_image"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_news_item_is_an_article_with_its_own_image(client, demo, language):
    item = NewsItem.objects.published().first()
    item.image.save("affiche.png", png_upload(), save=False)
    item.image_alt_fr = "L'affiche de la journée"
    item.image_alt_en = "The day's poster"
    item.save()
    head = get(client, language, "news:item-detail", slug=item.slug)
    assert_preview(head, language, kind="article")
    assert head.meta["og:image"] == f"http://testserver{item.image.url}"
    assert head.meta["og:image:alt"] == {"fr": item.image_alt_fr, "en": item.image_alt_en}[language]
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["article:published_time"].startswith(str(item.published_at.year))
    with translation.override(language):
        assert head.meta["og:title"] == item.title


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_news_item_without_image_has_the_sites(client, demo, language):
    item = NewsItem.objects.published().filter(image="").first()
    head = get(client, language, "news:item-detail", slug=item.slug)
    assert_preview(head, language, kind="article")
    assert head.meta["og:image"] == "http://testserver/static/images/share.png"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_organisation_shows_its_logo(client, demo, language):
    organisation = Organisation.objects.public().first()
    organisation.logo.save("logo.png", png_upload(), save=True)
    head = get(client, language, "members:organisation-detail", slug=organisation.slug)
    assert_preview(head, language)
    assert head.meta["og:image"] == f"http://testserver{organisation.logo.url}"
    assert organisation.name in head.meta["og:image:alt"]
    assert head.meta["twitter:card"] == "summary"


def test_preview_text_is_escaped_once(client, demo):
    item = NewsItem.objects.published().first()
    item.title_fr = 'Le « Collectif » & ses "amis"'
    item.save()
    html = client.get(item.get_absolute_url()).content.decode()
    assert 'content="Le «\u202fCollectif\u202f» &amp; ses &quot;amis&quot;"' in html
    assert "&amp;amp;" not in html
