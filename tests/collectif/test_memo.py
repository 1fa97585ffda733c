"""{% memo %}: parts of the layout rendered once per process (collectif/templatetags/memo.py)."""

import pytest
from django.template import TemplateSyntaxError, engines
from django.utils import translation

from collectif.templatetags import memo
from tests.renders import Counter

SOURCE = (
    '{% load i18n memo %}{% memo "test" part %}{% translate "Menu" %} {{ counter.next }}'
    "{% endmemo %}"
)


@pytest.fixture(autouse=True)
def _forget():
    memo.forget()
    yield
    memo.forget()


def render(counter, part="a", source=SOURCE):
    return engines["django"].from_string(source).render({"counter": counter, "part": part})


def test_rendered_once_for_each_part_and_language():
    counter = Counter()
    assert render(counter) == "Menu 1"
    assert render(counter) == "Menu 1"
    assert render(counter, part="b") == "Menu 2"
    with translation.override("en"):
        assert render(counter) == "Menu 3"
    assert render(counter) == "Menu 1"


def test_forgotten_when_a_setting_changes(settings):
    counter = Counter()
    render(counter)
    settings.SITE_NAME = "Another"
    assert render(counter) == "Menu 2"


@pytest.mark.django_db
def test_the_menu_is_kept_per_current_entry(client):
    # Rendered for the directory, then for the news: each marks its own entry.
    directory = client.get("/fr/membres/").content.decode()
    news = client.get("/fr/actualites/").content.decode()
    assert 'href="/fr/membres/" aria-current="page"' in directory
    assert 'href="/fr/actualites/" aria-current="page"' in news
    assert 'href="/fr/membres/" aria-current' not in news
    assert client.get("/fr/membres/").content.decode().count("aria-current") == directory.count(
        "aria-current"
    )


def test_a_csrf_token_cannot_be_kept():
    with pytest.raises(TemplateSyntaxError):
        engines["django"].from_string(
            '{% load memo %}{% memo "form" %}{% csrf_token %}{% endmemo %}'
        )
