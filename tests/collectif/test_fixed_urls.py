"""The links every page carries are reversed once per process (collectif/fixed_urls.py): the
memory must still follow the language, the URL configuration and the static files' settings."""

import pytest
from django.urls import NoReverseMatch, clear_url_caches, path, reverse
from django.utils import translation

from collectif.fixed_urls import fixed_reverse, fixed_static


def view(request):
    raise AssertionError("never called")


urlpatterns = [path("other-home/", view, name="home")]


def test_the_url_follows_the_language():
    for language in ("fr", "en", "fr"):
        with translation.override(language):
            assert fixed_reverse("members:directory") == reverse("members:directory")
    with translation.override("en"):
        assert fixed_reverse("members:directory") != fixed_reverse("collectif:home")
        assert fixed_reverse("members:directory").startswith("/en/")


def test_arguments_are_part_of_the_key():
    assert fixed_reverse("portal:translations", "a") == reverse("portal:translations", args=["a"])
    assert fixed_reverse("portal:translations", "b") == reverse("portal:translations", args=["b"])
    for slug in ("c", "d"):
        expected = reverse("portal:translations", kwargs={"slug": slug})
        assert fixed_reverse("portal:translations", slug=slug) == expected


class Unhashable(str):
    __hash__ = None


def test_an_argument_that_cannot_be_a_key_is_reversed_each_time():
    slug = Unhashable("e")
    assert fixed_reverse("portal:translations", slug=slug) == reverse(
        "portal:translations", kwargs={"slug": "e"}
    )


def test_another_url_configuration_is_not_answered_from_memory(settings):
    assert fixed_reverse("collectif:home") == "/fr/"
    settings.ROOT_URLCONF = __name__
    assert fixed_reverse("home") == "/other-home/"
    with pytest.raises(NoReverseMatch):
        fixed_reverse("collectif:home")


def test_a_rebuilt_resolver_is_not_answered_from_memory(monkeypatch):
    assert fixed_reverse("collectif:home") == "/fr/"
    import collectif.urls

    monkeypatch.setattr(collectif.urls, "urlpatterns", urlpatterns)
    clear_url_caches()
    try:
        with pytest.raises(NoReverseMatch):
            fixed_reverse("collectif:home")
        assert fixed_reverse("home") == "/other-home/"
    finally:
        monkeypatch.undo()
        clear_url_caches()
    assert fixed_reverse("collectif:home") == "/fr/"


def test_the_script_prefix_is_part_of_the_key():
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    try:
        set_script_prefix("/site/")
        assert fixed_reverse("collectif:home") == "/site/fr/"
    finally:
        set_script_prefix(before)
    assert fixed_reverse("collectif:home") == "/fr/"


def test_static_urls_follow_the_static_settings(settings):
    assert fixed_static("css/main.css") == "/static/css/main.css"
    settings.STATIC_URL = "/assets/"
    assert fixed_static("css/main.css") == "/assets/css/main.css"
