"""Sessions: coordinators' end after idle hours; a password change ends the other sessions."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_coordinators_session_ends_after_idle_hours(client, coordinator, time_machine, settings):
    settings.STAFF_SESSION_IDLE_HOURS = 4
    time_machine.move_to("2026-03-02 09:00:00+00:00")
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200
    time_machine.move_to("2026-03-02 12:30:00+00:00")  # 3 h 30 idle: still open, renewed
    assert client.get("/admin/").status_code == 200
    time_machine.move_to("2026-03-02 16:00:00+00:00")  # 3 h 30 again: still open
    assert client.get("/admin/").status_code == 200
    time_machine.move_to("2026-03-02 20:01:00+00:00")  # 4 h 01 idle: over
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_members_session_is_not_cut_after_idle_hours(client, representative, time_machine):
    time_machine.move_to("2026-03-02 09:00:00+00:00")
    client.force_login(representative)
    time_machine.move_to("2026-03-03 09:00:00+00:00")
    assert client.get("/fr/espace-membre/").status_code == 200


def test_anonymous_pages_do_not_touch_the_session(client):
    response = client.get("/fr/")
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_changing_a_password_ends_the_persons_other_sessions(representative):
    here, elsewhere = Client(), Client()
    for browser in (here, elsewhere):
        browser.post(
            "/fr/espace-membre/connexion/",
            {"username": "representative", "password": representative.raw_password},
        )
        assert browser.get("/fr/espace-membre/").status_code == 200
    new = "une-autre-phrase-de-passe-solide"
    changed = here.post(
        "/fr/espace-membre/mot-de-passe/",
        {
            "old_password": representative.raw_password,
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert changed.status_code == 302
    assert here.get("/fr/espace-membre/").status_code == 200  # this session goes on
    assert elsewhere.get("/fr/espace-membre/").status_code == 302  # the other one ended
