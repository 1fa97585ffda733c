"""The admin: reachable by staff only; its search and filters take hostile input calmly."""

import pytest
from django.urls import reverse
from hypothesis import given

from .catalogue import (
    ADMIN_CHANGELISTS,
    ADMIN_PARAMS,
    HYPOTHESIS,
    LONG,
    NUL,
    ONE_MB,
    RAW_QUERY_VALUES,
    SQL,
    XSS,
    Findings,
    hostile_text,
    markup_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client_for, site):
    site.coordinator.is_superuser = True
    site.coordinator.save()
    return client_for("coordinator")


SEARCHES = [*XSS, *SQL, NUL, LONG, " ".join(["a"] * 3500), ONE_MB]
OTHER_VALUES = [XSS[1], SQL[0], NUL, LONG, "-1", "99999999999999999999999"]


@pytest.mark.parametrize("changelist", ADMIN_CHANGELISTS)
def test_admin_search_and_filters_with_hostile_values(admin_client, changelist):
    url = reverse(changelist)
    findings = Findings()
    for payload in SEARCHES:
        findings.check(admin_client.get(url, {"q": payload}), what=f"q={payload[:30]!r}")
    for raw in RAW_QUERY_VALUES:
        findings.check(admin_client.get(f"{url}?q={raw}"), what=f"q={raw}")
    for name in ADMIN_PARAMS:
        for payload in OTHER_VALUES:
            findings.check(admin_client.get(url, {name: payload}), what=f"{name}={payload[:30]!r}")
        findings.check(admin_client.get(f"{url}?{name}=%ff%fe"), what=f"{name}=%ff%fe")
    findings.assert_none()


def test_admin_search_shows_the_query_escaped(admin_client):
    response = admin_client.get(reverse(ADMIN_CHANGELISTS[0]), {"q": XSS[0]})
    assert response.status_code == 200
    assert XSS[0] not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_generated_admin_searches(admin_client):
    @HYPOTHESIS
    @given(hostile_text)
    def check(query):
        findings = Findings()
        for changelist in ADMIN_CHANGELISTS[:3]:
            response = admin_client.get(reverse(changelist), {"q": query})
            findings.check(response, payloads=markup_in(query))
        findings.assert_none()

    check()


# --- Who reaches the admin ----------------------------------------------------------------------


ADMIN_PAGES = ["admin:index", *ADMIN_CHANGELISTS[:3], "admin:members_organisation_add"]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_anonymous_visitor_is_sent_to_the_admin_login(client, site, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_representative_who_is_not_staff_cannot_reach_the_admin(client_for, site, name):
    client = client_for("representative")
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    # The admin's login page does not let a non-staff account in either.
    client.logout()
    login = client.post(
        "/admin/login/?next=/admin/",
        {"username": "representative", "password": "a-long-test-password"},
    )
    assert login.status_code == 200
    assert "/admin/" not in login.get("Location", "")
    assert client.get(reverse(name)).status_code == 302


def test_staff_coordinator_reaches_the_admin(client_for, site):
    client = client_for("coordinator")
    for name in ADMIN_PAGES:
        assert client.get(reverse(name)).status_code == 200, name


def test_inactive_staff_cannot_reach_the_admin(client_for, site):
    site.coordinator.is_active = False
    site.coordinator.save()
    client = client_for("anonymous")
    login = client.post(
        "/admin/login/?next=/admin/",
        {"username": "coordinator", "password": "a-long-test-password"},
    )
    assert login.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_without_permissions_sees_no_model(client, make_user, site):
    """Staff status opens the door only: a staff account outside the coordination group
    reaches no model."""
    client.force_login(make_user("intern", is_staff=True))
    assert client.get(reverse("admin:index")).status_code == 200
    for name in ADMIN_CHANGELISTS:
        assert client.get(reverse(name)).status_code == 403, name


def test_a_very_long_admin_search_is_cut_to_its_first_words(admin_client, site):
    """A thousand words exceed SQLite's expression depth, and keep PostgreSQL busy: the
    search keeps its first 200 characters."""
    words = "esclavage " + " ".join(["moderne"] * 1000)
    response = admin_client.get(reverse("admin:members_organisation_changelist"), {"q": words})
    assert response.status_code == 200
    assert "Comité contre l&#x27;esclavage moderne" in response.content.decode()
    assert response.context["cl"].query == words[:200]
    autocomplete = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": words,
            "app_label": "members",
            "model_name": "activityreport",
            "field_name": "organisation",
        },
    )
    assert autocomplete.status_code == 200
    assert autocomplete.json()["results"][0]["text"] == "Comité contre l'esclavage moderne"
