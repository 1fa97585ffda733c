import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from collectif.models import Page

pytestmark = pytest.mark.django_db

PAGES = ["home", "about", "join", "legal", "privacy"]


@pytest.mark.parametrize("name", [*PAGES, "contact"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_page_is_open_to_anonymous_visitors(client, name, language):
    with translation.override(language):
        response = client.get(reverse(f"collectif:{name}"))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_text_edited_by_coordinators(client, name):
    page = Page.objects.get(key=name)
    page.title_fr, page.title_en = "Titre modifié", "Edited title"
    page.body_fr, page.body_en = "Nouveau paragraphe.", "New paragraph."
    page.save()
    with translation.override("fr"):
        french = client.get(reverse(f"collectif:{name}")).content.decode()
    with translation.override("en"):
        english = client.get(reverse(f"collectif:{name}")).content.decode()
    assert "Titre modifié" in french
    assert "Nouveau paragraphe." in french
    assert "Edited title" in english
    assert "New paragraph." in english


def test_join_page_explains_observer_year_and_vote(client):
    html = client.get("/fr/rejoindre/").content.decode()
    assert "membre observateur" in html
    assert "vote" in html
    html = client.get("/en/join/").content.decode()
    assert "observer member" in html
    assert "does not vote" in html


def test_deleted_page_answers_404_not_500(client):
    Page.objects.filter(key="legal").delete()
    assert client.get("/fr/mentions-legales/").status_code == 404


def test_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    """Its text and its translation status, nothing else: the page lists no rows. A 404 costs
    as little, hence the status and the text."""
    page = Page.objects.get(key="about")
    # Django caches content types for the process: filled here, whatever test ran before.
    ContentType.objects.get_for_model(Page)
    with django_assert_num_queries(2):
        response = client.get("/fr/le-collectif/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{page.title_fr}</h1>" in html
    assert "Ses membres se réunissent en réunion plénière" in page.body_fr
    assert "Ses membres se réunissent en réunion plénière" in html


def test_coordinators_edit_pages_in_the_admin_in_french(coordinator_client):
    page = Page.objects.get(key="about")
    response = coordinator_client.get(reverse("admin:collectif_page_change", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert 'name="title_fr"' in html
    assert 'name="title_en"' in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html  # served locally
    assert "//ajax" not in html
    assert 'src="http' not in html


def test_anonymous_and_non_staff_cannot_reach_the_admin(client, make_user):
    page = Page.objects.get(key="about")
    url = reverse("admin:collectif_page_change", args=[page.pk])
    assert client.get(url).status_code == 302
    client.force_login(make_user("member"))
    assert client.get(url).status_code == 302


def test_coordination_group_has_the_permissions_it_needs(coordinator):
    assert coordinator.has_perm("collectif.change_page")
    assert coordinator.has_perm("collectif.change_theme")
    assert coordinator.has_perm("collectif.view_contactmessage")
    assert coordinator.has_perm("auth.change_user")
    assert not coordinator.has_perm("auth.delete_group")
