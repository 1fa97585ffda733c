"""A news item's picture shows, with its alternative text, on its page and in the list."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from news.models import NewsItem
from tests.files import png_upload

pytestmark = pytest.mark.django_db


def test_picture_with_its_alt_on_the_page_and_in_the_list(client, make_item):
    item = make_item(NewsItem.Status.PUBLISHED)
    item.image = png_upload("affiche.png", size=(160, 90))
    item.image_alt_fr = "L'affiche de la campagne : une enfant de dos."
    item.save()
    for page in (item.get_absolute_url(), reverse("news:item-list")):
        html = client.get(page).content.decode()
        assert re.search(
            r'<img src="/media/[^"]+" alt="L&#x27;affiche de la campagne\u202f: une enfant de dos."'
            r' width="160" height="90"',
            html,
        ), page


def test_picture_alt_falls_back_to_french_with_its_language(client, make_item):
    item = make_item(NewsItem.Status.PUBLISHED, title_en="Balkans declaration")
    item.image = png_upload("affiche.png")
    item.image_alt_fr = "Une affiche."
    item.save()
    with translation.override("en"):
        response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert 'alt="Une affiche." lang="fr"' in response.content.decode()
