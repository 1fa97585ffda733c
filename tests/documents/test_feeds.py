import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(make_resource, make_document):
    make_resource(slug="palermo", title_fr="Protocole de Palerme", title_en="Palermo Protocol")
    make_resource(slug="draft", title_fr="Brouillon secret", is_published=False)
    make_document(slug="communique", title_fr="Communiqué de lancement", visibility="public")
    make_document(slug="constats", title_fr="Constats confidentiels", visibility="members")


def test_feed_is_atom_in_each_language(content):
    french = Client().get("/fr/droit/flux/")
    english = Client().get("/en/law/feed/")
    assert french["Content-Type"].startswith("application/atom+xml")
    assert 'xml:lang="fr"' in french.content.decode()
    assert "Protocole de Palerme" in french.content.decode()
    assert 'xml:lang="en"' in english.content.decode()
    assert "Palermo Protocol" in english.content.decode()
    assert "/en/law/palermo/" in english.content.decode()
    assert "/en/documents/communique/" in english.content.decode()


def test_feed_never_shows_drafts_or_members_only_documents(content, member):
    client = Client()
    client.force_login(member)
    body = client.get("/fr/droit/flux/").content.decode()
    assert "Brouillon secret" not in body
    assert "Constats confidentiels" not in body


def test_sitemap_lists_public_texts_and_documents_only(content):
    body = Client().get("/sitemap.xml").content.decode()
    assert "/fr/droit/palermo/" in body
    assert "/en/law/palermo/" in body
    assert "/fr/documents/communique/" in body
    assert "/fr/droit/" in body
    assert "/en/law/" in body
    assert "draft" not in body
    assert "constats" not in body


def test_feed_survives_control_characters_in_a_title(make_resource):
    """Text pasted from a word processor may carry a vertical tab, which XML cannot carry: it
    made the whole feed a server error. It becomes a space."""
    make_resource(slug="palermo", title_fr="Protocole\x0bde Palerme", summary_fr="Traite\x0c.")
    response = Client().get("/fr/droit/flux/")
    assert response.status_code == 200
    assert "Protocole de Palerme" in response.content.decode()
