import pytest
from django.test import override_settings
from django.urls import path

pytestmark = pytest.mark.django_db


def test_404_is_styled_and_in_the_visitors_language(client):
    french = client.get("/fr/nulle-part/")
    english = client.get("/en/nowhere/")
    assert french.status_code == english.status_code == 404
    assert "Page introuvable" in french.content.decode()
    assert "Page not found" in english.content.decode()
    assert 'href="/static/css/main.css"' in english.content.decode()


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("en/broken/", broken_view)]


@override_settings(ROOT_URLCONF=__name__)
def test_500_is_styled_and_says_what_to_do(client):
    client.raise_request_exception = False
    response = client.get("/en/broken/", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "main.css" in html
