"""Every query parameter of every public page, fed hostile values: a clear answer (the page,
with the bad value ignored or reported), escaped, never a server error."""

from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from members.models import Organisation

from .catalogue import (
    HYPOTHESIS,
    LONG,
    ONE_MB,
    PAGES,
    RAW_QUERY_VALUES,
    SQL,
    TEXT_PAYLOADS,
    XSS,
    Findings,
    escaped,
    hostile_text,
    markup_in,
)

pytestmark = pytest.mark.django_db

PAGES_WITH_PARAMS = [page for page in PAGES if page.params]
NUMBERS = ["-1", "0", "99999999999999999999999999", "1e308"]


def test_every_page_answers_in_both_languages(client_for, site):
    findings = Findings()
    for page in PAGES:
        client = client_for(page.user)
        for language in ("fr", "en"):
            findings.check(client.get(page.url(site, language)), allowed=(200,))
    findings.assert_none()


@pytest.mark.parametrize("target", PAGES_WITH_PARAMS, ids=str)
def test_hostile_values_in_every_parameter(client_for, site, target):
    """Script and event-handler markup, SQL, NUL, odd text, 1 MB, bytes that are not UTF-8,
    numbers out of range, repeated and empty parameters."""
    client = client_for(target.user)
    url = target.url(site)
    findings = Findings()
    for name in target.params:
        for payload in [*TEXT_PAYLOADS, LONG, ONE_MB, *NUMBERS]:
            findings.check(client.get(url, {name: payload}), what=f"{name}={payload[:40]!r}")
        for raw in RAW_QUERY_VALUES:
            findings.check(client.get(f"{url}?{name}={raw}"), what=f"{name}={raw}")
        findings.check(client.get(f"{url}?{name}=&{name}=a&{name}=b&{name}"), what=name)
    findings.check(client.get(f"{url}?&&=&==&{'&'.join(target.params)}"))
    all_at_once = urlencode(
        {name: XSS[index % len(XSS)] for index, name in enumerate(target.params)}
    )
    findings.check(client.get(f"{url}?{all_at_once}"))
    findings.assert_none()


def test_hostile_query_strings_on_every_page(client_for, site):
    """Pages without parameters of their own still see the query string (language switch,
    canonical link, pagination links): it must never be echoed raw nor break them."""
    findings = Findings()
    markup = urlencode({payload: payload for payload in XSS})
    raw = "&".join(f"{value}={value}" for value in RAW_QUERY_VALUES)
    for page in PAGES:
        client = client_for(page.user)
        for language in ("fr", "en"):
            url = page.url(site, language)
            findings.check(client.get(f"{url}?{markup}"))
            findings.check(client.get(f"{url}?{raw}"))
        findings.check(client.get(url, {"x": LONG}))
        findings.check(client.get(url, {"x": ONE_MB}), allowed=(414,))
    findings.assert_none()


@pytest.mark.parametrize("target", PAGES_WITH_PARAMS, ids=str)
def test_generated_parameters(client_for, site, target):
    client = client_for(target.user)
    url = target.url(site)

    @HYPOTHESIS
    @given(
        st.dictionaries(st.sampled_from(target.params), hostile_text, max_size=len(target.params))
    )
    def check(params):
        findings = Findings()
        findings.check(client.get(url, params), payloads=markup_in(*params.values()))
        findings.assert_none()

    check()


def test_echoed_parameters_are_shown_escaped(client_for, site):
    payload = '<b>xss</b> & "quotes"'
    for page in PAGES:
        for name in page.echoes:
            response = client_for(page.user).get(page.url(site), {name: payload})
            assert response.status_code == 200
            html = response.content.decode()
            assert payload not in html
            assert escaped(payload) in html, (page, name)


def test_sql_in_the_library_search_finds_nothing_and_changes_nothing(client, site):
    organisations = Organisation.objects.count()
    for payload in SQL:
        response = client.get("/fr/droit/", {"q": payload})
        assert response.status_code == 200
        assert "Convention de Varsovie" not in response.content.decode(), payload
    assert Organisation.objects.count() == organisations
    # The library still answers, and still finds the text by its words.
    found = client.get("/fr/droit/", {"q": "varsovie"})
    assert "Convention de <mark>Varsovie</mark>" in found.content.decode()


def test_sql_in_the_filters_filters_nothing_out(client, site):
    """A filter value that is not one of the choices is ignored: the text is still listed."""
    for name in ("kind", "body", "level", "theme", "year", "sort"):
        for payload in SQL:
            response = client.get("/fr/droit/", {name: payload})
            assert "Convention de Varsovie" in response.content.decode(), (name, payload)


def test_bad_filter_values_are_reported_in_the_visitors_language(client, site):
    french = client.get("/fr/droit/", {"kind": "<script>", "year": "abc"})
    english = client.get("/en/law/", {"kind": "<script>", "year": "abc"})
    assert french.status_code == english.status_code == 200
    assert "Saisissez un nombre entier." in french.content.decode()
    assert "Enter a whole number." in english.content.decode()
