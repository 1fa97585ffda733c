"""Parts of logged-in pages kept in the cache until the next write (collectif/fragments.py)."""

import re

import pytest
from django.core.cache import cache
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from collectif import fragments, page_cache
from tests.renders import Counter

TEMPLATE = (
    '{% load fragments %}{% fragment "test" part %}<p>{{ counter.next }}</p>'
    '<form method="post">{% csrf_token %}</form>{% endfragment %}'
)
NO_FORM = (
    '{% load fragments %}{% fragment "test-no-form" part %}{{ counter.next }}{% endfragment %}'
)


@pytest.fixture
def on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def render(source, counter, part="a", request=None):
    request = request or RequestFactory().get("/fr/espace-membre/")
    html = engines["django"].from_string(source).render({"counter": counter, "part": part}, request)
    return html, request


def test_off_it_renders_every_time(settings):
    settings.PAGE_CACHE_SECONDS = 0
    counter = Counter()
    render(TEMPLATE, counter)
    render(TEMPLATE, counter)
    assert counter.count == 2


def test_it_renders_once_until_the_next_write(on):
    counter = Counter()
    first, _ = render(TEMPLATE, counter)
    again, _ = render(TEMPLATE, counter)
    assert counter.count == 1
    assert "<p>1</p>" in first
    assert "<p>1</p>" in again
    page_cache.invalidate_pages()
    after, _ = render(TEMPLATE, counter)
    assert "<p>2</p>" in after


def test_its_parts_the_language_and_the_day_are_in_its_key(on, time_machine):
    time_machine.move_to("2014-09-29 10:00")
    counter = Counter()
    render(TEMPLATE, counter, part="a")
    render(TEMPLATE, counter, part="b")
    assert counter.count == 2
    with translation.override("en"):
        render(TEMPLATE, counter, part="a")
    assert counter.count == 3
    time_machine.move_to("2014-09-30 10:00")
    render(TEMPLATE, counter, part="a")
    assert counter.count == 4
    render(TEMPLATE, counter, part="a")
    assert counter.count == 4


def test_one_cache_round_trip_when_it_is_stored(on, monkeypatch):
    counter = Counter()
    render(TEMPLATE, counter)
    calls, depth = [], [0]

    def counting(name, method):
        def call(*args, **kwargs):
            # Local memory's get_many() calls get() for each key: one call to the backend.
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in ("get", "get_many", "get_or_set", "set", "add", "incr"):
        monkeypatch.setattr(cache, name, counting(name, getattr(cache, name)))
    render(TEMPLATE, counter)
    assert calls == ["get_many"]
    assert counter.count == 1


def test_each_request_gets_its_own_csrf_token(on):
    counter = Counter()
    first, _ = render(TEMPLATE, counter)
    second, _ = render(TEMPLATE, counter)
    assert counter.count == 1
    stored = cache.get(fragments.key("test", ["a", True]))[-1]  # the entry's value, last
    assert f'value="{fragments.csrf_marker()}"' in stored
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="(\w{64})"', html).group(1)
        for html in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert fragments.csrf_marker() not in first + second


def test_a_part_without_a_form_asks_for_no_token(on):
    # Asking for one would set the CSRF cookie, and a page with a cookie is never cached.
    for _ in range(2):
        _html, request = render(NO_FORM, Counter())
        assert "CSRF_COOKIE" not in request.META


def test_outside_a_request_there_is_no_token_to_replace(on):
    template = engines["django"].from_string(TEMPLATE)
    counter = Counter()
    html = template.render({"counter": counter, "part": "a"})
    assert "csrfmiddlewaretoken" not in html
    assert fragments.csrf_marker() not in template.render({"counter": counter, "part": "a"})
    assert counter.count == 1
